import path from 'node:path';
import * as vscode from 'vscode';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { ecrRepositoryOf } from '../../core/imageRef';
import { describeTaskDefinition } from '../../aws/taskDefinitions';
import { repositoryNameFor } from '../../core/image/ecrNames';
import { defaultTags, splitTags, tagProblem } from '../../core/image/imageTags';
import type { BuildRecords } from '../../docker/buildRecords';
import { createDockerClient, type EngineInfo } from '../../docker/engine';
import { buildAndPush, type BuildAndPushResult } from '../../flows/buildAndPush';
import { gitInfoOf } from '../../flows/gitInfo';
import { DEPLOY_SERVICE_COMMAND } from '../commandIds';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { readImageSettings } from '../image/imageSettings';
import { pickDockerfile } from '../image/pickDockerfile';
import { LAST_PUSHED_KEY } from '../image/lastPushed';
import { pickRepository } from '../image/pickRepository';
import { refOf, type ResourceRef } from '../resourceRef';

/** What callers (other commands, tests) may pass to skip the questions. */
export interface BuildAndPushArgs {
  readonly repository?: string;
  /** Create the repository when missing (default true when a repository is given). */
  readonly createRepository?: boolean;
  readonly tags?: string[];
  readonly platform?: string;
  readonly buildArgs?: Record<string, string>;
  readonly target?: string;
  /** The build context folder; default the Dockerfile's folder. */
  readonly context?: string;
}

const repositoryKey = (dockerfile: string) => `ecsDeploy.image.repository:${dockerfile}`;

/** On a service node: the ECR repository of the first container of its task definition that has one. */
async function serviceRepository(ecs: ECSClient, ref: ResourceRef | undefined, signal: AbortSignal): Promise<{ name: string; create: boolean } | undefined> {
  if (ref?.kind !== 'service' || !ref.service.taskDefinition) return undefined;
  const td = await describeTaskDefinition(ecs, ref.service.taskDefinition, signal);
  for (const c of td.containerDefinitions ?? []) {
    const repo = ecrRepositoryOf(c.image ?? '');
    if (repo) return { name: repo.repository, create: false };
  }
  return undefined;
}

/**
 * ECS: Build and Push Image… — from the palette, a Dockerfile's context menu or editor title, or a
 * service node (pushes to the repository its task definition uses, then offers to deploy there).
 */
export function buildAndPushImage(state: ConnectionState, workspaceState: vscode.Memento, buildRecords: BuildRecords): CommandBody {
  return async ({ log, signal, withProgress }, target?: unknown, extra?: unknown) => {
    const args: BuildAndPushArgs = extra && typeof extra === 'object' && !Array.isArray(extra) ? (extra as BuildAndPushArgs) : {};
    const serviceRef = refOf(target);
    const dockerfileUri = await pickDockerfile(target instanceof vscode.Uri ? target : undefined);
    if (!dockerfileUri) return undefined;
    const dockerfile = dockerfileUri.fsPath;
    const contextDir = args.context ?? path.dirname(dockerfile);
    const { connection, clients } = await state.get();

    const repository = await chooseRepository(args, { ecs: clients.ecs, ecr: clients.ecr }, serviceRef, { dockerfile, contextDir }, workspaceState, signal);
    if (!repository) return undefined;
    const tags = args.tags ?? (await askTags(contextDir));
    if (!tags) return undefined;

    const settings = readImageSettings();
    const result: BuildAndPushResult = await withProgress('Build and Push Image', (progress) =>
      buildAndPush(
        {
          dockerfile,
          contextDir,
          repository: repository.name,
          createRepository: repository.create,
          tags,
          platform: args.platform ?? settings.platform,
          buildArgs: args.buildArgs ?? settings.buildArgs,
          target: args.target ?? settings.target,
          noCache: settings.noCache,
          dockerfileLabel: vscode.workspace.asRelativePath(dockerfileUri),
        },
        {
          docker: createDockerClient(settings.dockerHost),
          dockerHost: settings.dockerHost,
          ecr: clients.ecr,
          connection,
          log,
          progress,
          signal,
          gitInfo: gitInfoOf,
          buildRecords,
          confirmPlatform: confirmEmulatedPlatform,
        },
      ),
    );
    await workspaceState.update(LAST_PUSHED_KEY, { ...result, dockerfile, pushedAt: new Date().toISOString() });
    offerNextSteps(result, serviceRef);
    return result;
  };
}

/** The repository given, else the service's, else picked (the last one used for this Dockerfile suggested); remembered. */
async function chooseRepository(
  args: BuildAndPushArgs,
  clients: { ecs: ECSClient; ecr: ECRClient },
  serviceRef: ResourceRef | undefined,
  where: { dockerfile: string; contextDir: string },
  workspaceState: vscode.Memento,
  signal: AbortSignal,
): Promise<{ name: string; create: boolean } | undefined> {
  let repository = args.repository
    ? { name: args.repository, create: args.createRepository ?? true }
    : await serviceRepository(clients.ecs, serviceRef, signal);
  if (!repository) {
    const remembered = workspaceState.get<string>(repositoryKey(where.dockerfile));
    repository = await pickRepository(clients.ecr, repositoryNameFor(path.basename(where.contextDir)), remembered, signal);
    if (!repository) return undefined;
  }
  await workspaceState.update(repositoryKey(where.dockerfile), repository.name);
  return repository;
}

/** The tags, typed (the git commit and "latest" offered); undefined when dismissed. */
async function askTags(contextDir: string): Promise<string[] | undefined> {
  const typed = await vscode.window.showInputBox({
    title: 'ECS: Build and Push Image — tags',
    prompt: 'Tags, separated by commas or spaces',
    value: defaultTags(await gitInfoOf(contextDir)).join(', '),
    validateInput: (v) => (splitTags(v).length === 0 ? 'At least one tag' : splitTags(v).map(tagProblem).find(Boolean)),
  });
  return typed === undefined ? undefined : splitTags(typed);
}

/** Asked when the engine would need emulation for the platform. */
async function confirmEmulatedPlatform(platform: string, engine: EngineInfo): Promise<boolean> {
  const go = `Build ${platform}`;
  const answer = await vscode.window.showWarningMessage(
    `The Docker engine builds ${engine.os}/${engine.arch}; ${platform} (what the task definition runs) needs emulation, which is slow and may fail. Build ${platform} anyway?`,
    { modal: true },
    go,
  );
  return answer === go;
}

/** "Pushed …" with Copy URI and Deploy to Service… (to the service it came from, when it came from one). */
function offerNextSteps(result: BuildAndPushResult, serviceRef: ResourceRef | undefined): void {
  const deployTarget = serviceRef?.kind === 'service' ? { cluster: serviceRef.cluster, service: serviceRef.service.serviceName ?? '' } : undefined;
  void vscode.window.showInformationMessage(`Pushed ${result.imageUri}${result.reused ? ' (nothing changed since the last build: not rebuilt)' : ''}`, 'Copy URI', 'Deploy to Service…').then(async (choice) => {
    if (choice === 'Copy URI') await vscode.env.clipboard.writeText(result.imageUri);
    if (choice === 'Deploy to Service…') {
      await vscode.commands.executeCommand(DEPLOY_SERVICE_COMMAND, deployTarget ?? { image: result.imageUri }, { image: result.imageUri });
    }
  });
}
