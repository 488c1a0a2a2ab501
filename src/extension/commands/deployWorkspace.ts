import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BuildRecords } from '../../docker/buildRecords';
import { createDockerClient } from '../../docker/engine';
import { deployWorkspace } from '../../flows/deployWorkspace';
import { gitInfoOf } from '../../flows/gitInfo';
import type { CommandBody } from '../commandWrapper';
import { connectionFacts, pickComposeFile } from '../compose/composeTargets';
import { composeFilesFor, editorFileReader } from '../compose/editorFiles';
import type { ConnectionState } from '../connectionState';
import { confirmInDiff } from '../deploy/confirmDiff';
import { deployAndWatch } from '../deploy/deployAndWatch';
import { resolveServiceTarget } from '../deploy/serviceTarget';
import { readImageSettings } from '../image/imageSettings';
import type { ReadonlyDocuments } from '../readonlyDocuments';
import type { ExplorerProvider } from '../tree/explorerProvider';

/** Options for automation and tests: skip the pickers and the final question. */
interface DeployWorkspaceOptions {
  readonly cluster?: string;
  readonly service?: string;
  readonly tags?: string[];
  readonly confirmed?: boolean;
}

const targetKey = (composeFile: string) => `ecsDeploy.deployWorkspace.target:${composeFile}`;

/**
 * ECS: Deploy Workspace… — build and push the compose project's images, render its task
 * definition with them, show the diff, register, update the service and watch the rollout, in one
 * cancellable flow. The service is remembered per compose file: the second time is one click.
 */
export function deployWorkspaceCommand(state: ConnectionState, docs: ReadonlyDocuments, explorer: ExplorerProvider, workspaceState: vscode.Memento, buildRecords: BuildRecords): CommandBody {
  return async ({ signal, log }, composeArg?: unknown, optionsArg?: unknown) => {
    const options = (typeof optionsArg === 'object' && optionsArg !== null ? optionsArg : {}) as DeployWorkspaceOptions;
    const compose = await pickComposeFile(composeArg);
    if (!compose) return undefined;
    const composeFile = compose.fsPath;
    const remembered = workspaceState.get<{ cluster: string; service: string }>(targetKey(composeFile));
    const target = await resolveServiceTarget(
      options.cluster && options.service ? { cluster: options.cluster, service: options.service } : remembered,
      state,
      signal,
    );
    await workspaceState.update(targetKey(composeFile), { cluster: target.cluster, service: target.service });

    const { clients, connection } = await state.get();
    const facts = await connectionFacts(state, signal, (m) => log.debug(m));
    const image = readImageSettings();
    const request = { cluster: target.cluster, service: target.service, source: { kind: 'force' as const } };
    const { result, outcome } = await deployAndWatch(state, log, request, async (ctx) => {
      const out = await deployWorkspace(
        {
          compose: {
            files: composeFilesFor(composeFile),
            projectDirectory: path.dirname(composeFile),
            processEnv: process.env,
            cwd: path.dirname(composeFile),
            readFile: editorFileReader,
            options: { region: facts.region, accountId: facts.accountId },
          },
          cluster: target.cluster,
          service: target.service,
          tags: options.tags,
          platform: image.platform,
          noCache: image.noCache,
          confirm: (change, ctx) => confirmInDiff(docs, target.service, change, options.confirmed === true, ctx),
        },
        {
          ...ctx,
          ecs: clients.ecs,
          ecr: clients.ecr,
          docker: createDockerClient(image.dockerHost),
          dockerHost: image.dockerHost,
          connection,
          gitInfo: gitInfoOf,
          buildRecords,
        },
      );
      return out.deploy;
    });
    explorer.refresh();
    return result ? { taskDefinitionArn: result.taskDefinitionArn, phase: outcome?.phase } : undefined;
  };
}
