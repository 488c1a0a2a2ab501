import { ECRClient } from '@aws-sdk/client-ecr';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger, ProgressReporter } from '../../../src/core/logger';
import { authRegistry, motoEndpoint, resetMoto, testCredentials } from '../env';

/** moto's GetAuthorizationToken password, which the harness gave the basic-auth registry. */
export const REGISTRY_PASSWORD = '123456789012-auth-token';

export function ecrClient(): ECRClient {
  return new ECRClient({ endpoint: motoEndpoint(), region: 'us-east-1', credentials: testCredentials, maxAttempts: 1 });
}

/** For a describe block: moto reset before it, an ECR client for its tests, destroyed after it. */
export function suiteEcrClient(): () => ECRClient {
  let ecr: ECRClient | undefined;
  before(async () => {
    await resetMoto();
    ecr = ecrClient();
  });
  after(() => ecr?.destroy());
  return () => ecr!;
}

/** The connection of a user whose pushes go to the basic-auth registry standing in for ECR's. */
export const connection = () => ({ region: 'us-east-1', endpoint: motoEndpoint(), ecrRegistryAddress: authRegistry() });

/** A folder with the given files (paths with "/" make subfolders). */
export function makeContext(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-deploy-ctx-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A logger and progress sink that remember everything, to assert on what the user would see. */
export function recorder(): { log: Logger; progress: ProgressReporter; lines: string[]; steps: string[] } {
  const lines: string[] = [];
  const steps: string[] = [];
  const push = (m: string) => lines.push(m);
  return {
    log: { trace: push, debug: push, info: push, warn: push, error: push },
    progress: { report: ({ message }) => message && steps.push(message) },
    lines,
    steps,
  };
}

/** GET on the auth registry's HTTP API, with moto's credentials unless told otherwise. */
export async function registryGet(pathname: string, accept?: string, password = REGISTRY_PASSWORD): Promise<Response> {
  return fetch(`http://${authRegistry()}${pathname}`, {
    headers: {
      authorization: `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}`,
      ...(accept ? { accept } : {}),
    },
  });
}

export async function registryTags(repo: string): Promise<string[]> {
  const res = await registryGet(`/v2/${repo}/tags/list`);
  if (res.status === 404) return [];
  const body = (await res.json()) as { tags?: string[] | null };
  return (body.tags ?? []).sort();
}

/** A unique repository name per test, so runs never see each other's images. */
export const uniqueRepo = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
