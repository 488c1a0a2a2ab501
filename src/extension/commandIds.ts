/** Command ids, as declared in package.json `contributes.commands`. */
export const REFRESH_EXPLORER_COMMAND = 'ecsDeploy.explorer.refresh';
export const SELECT_PROFILE_COMMAND = 'ecsDeploy.connection.selectProfile';
export const SELECT_REGION_COMMAND = 'ecsDeploy.connection.selectRegion';
export const CHOOSE_CONNECTION_COMMAND = 'ecsDeploy.connection.choose';
/** The extension's own log channel (not an app's logs: that is Follow Logs). */
export const SHOW_EXTENSION_LOG_COMMAND = 'ecsDeploy.output.show';
export const BUILD_AND_PUSH_COMMAND = 'ecsDeploy.image.buildAndPush';
export const OPEN_SETTINGS_COMMAND = 'workbench.action.openSettings';
export const FILTER_EXPLORER_COMMAND = 'ecsDeploy.explorer.filter';
export const CLEAR_FILTER_COMMAND = 'ecsDeploy.explorer.clearFilter';
export const LOAD_MORE_COMMAND = 'ecsDeploy.explorer.loadMore';
export const COPY_ARN_COMMAND = 'ecsDeploy.resource.copyArn';
export const OPEN_IN_CONSOLE_COMMAND = 'ecsDeploy.resource.openInConsole';
export const SHOW_TASK_DEFINITION_COMMAND = 'ecsDeploy.taskDefinition.show';
export const SCALE_SERVICE_COMMAND = 'ecsDeploy.service.scale';
export const FORCE_NEW_DEPLOYMENT_COMMAND = 'ecsDeploy.service.forceNewDeployment';
export const SHOW_SERVICE_EVENTS_COMMAND = 'ecsDeploy.service.showEvents';
export const STOP_TASK_COMMAND = 'ecsDeploy.task.stop';
export const SIGN_IN_COMMAND = 'ecsDeploy.connection.signIn';
export const RETRY_COMMAND = 'ecsDeploy.explorer.retry';
export const DEPLOY_SERVICE_COMMAND = 'ecsDeploy.service.deploy';
export const ROLLBACK_SERVICE_COMMAND = 'ecsDeploy.service.rollback';
export const GENERATE_TASK_DEFINITION_COMMAND = 'ecsDeploy.compose.generateTaskDefinition';
export const FOLLOW_LOGS_COMMAND = 'ecsDeploy.logs.follow';
export const STOP_FOLLOWING_LOGS_COMMAND = 'ecsDeploy.logs.stopFollowing';
export const DEPLOY_WORKSPACE_COMMAND = 'ecsDeploy.workspace.deploy';
export const LAUNCH_COMMAND = 'ecsDeploy.app.launch';
export const DELETE_APP_COMMAND = 'ecsDeploy.app.delete';
export const SHOW_STACK_EVENTS_COMMAND = 'ecsDeploy.app.showStackEvents';
export const OPEN_URL_COMMAND = 'ecsDeploy.app.openUrl';
export const CREATE_CLUSTER_COMMAND = 'ecsDeploy.cluster.create';
export const ROLL_BACK_STACK_COMMAND = 'ecsDeploy.app.rollBackUpdate';
/** The decision's proceed action per label: each is a command in package.json with its own title and icon. */
export const PROCEED_COMMANDS = {
  Deploy: 'ecsDeploy.decision.deploy',
  Launch: 'ecsDeploy.decision.launch',
  Update: 'ecsDeploy.decision.update',
  Save: 'ecsDeploy.decision.save',
} as const;
export const CANCEL_DECISION_COMMAND = 'ecsDeploy.decision.cancel';
