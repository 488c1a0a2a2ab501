// Replaced with the package.json version by esbuild; "dev" when run from the TypeScript output.
declare const ECS_DEPLOY_VERSION: string | undefined;
export const cliVersion: string = typeof ECS_DEPLOY_VERSION === 'string' ? ECS_DEPLOY_VERSION : 'dev';
