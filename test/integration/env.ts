import type { AwsCredentialIdentity } from '@smithy/types';

/** Addresses of the real components the harness started; a missing one fails the test, never skips it. */
function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the integration tier through "npm test" (test/harness/run-all.mjs), which starts it`);
  return v;
}

export const motoEndpoint = (): string => required('ECS_DEPLOY_TEST_MOTO');
export const dockerHost = (): string => required('DOCKER_HOST');
export const authRegistry = (): string => required('ECS_DEPLOY_TEST_AUTH_REGISTRY');
export const anonymousRegistry = (): string => required('ECS_DEPLOY_TEST_REGISTRY');
export const baseImage = (): string => required('ECS_DEPLOY_TEST_BASE_IMAGE');

export const testCredentials = async (): Promise<AwsCredentialIdentity> => ({ accessKeyId: 'testing', secretAccessKey: 'testing' });

/** Clears all of moto's state so each suite starts from an empty account. */
export async function resetMoto(): Promise<void> {
  const res = await fetch(`${motoEndpoint()}/moto-api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`moto reset failed: ${res.status}`);
}
