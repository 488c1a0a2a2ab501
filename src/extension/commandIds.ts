/** Command ids, as declared in package.json `contributes.commands`. */
export const REFRESH_EXPLORER_COMMAND = 'ecsDeploy.explorer.refresh';
export const SELECT_PROFILE_COMMAND = 'ecsDeploy.connection.selectProfile';
export const SELECT_REGION_COMMAND = 'ecsDeploy.connection.selectRegion';
export const CHOOSE_CONNECTION_COMMAND = 'ecsDeploy.connection.choose';
export const SHOW_LOGS_COMMAND = 'ecsDeploy.output.show';
export const BUILD_AND_PUSH_COMMAND = 'ecsDeploy.image.buildAndPush';
export const OPEN_SETTINGS_COMMAND = 'workbench.action.openSettings';
