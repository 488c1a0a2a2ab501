import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeService } from '../../aws/services';
import { abortError } from '../../core/abort';
import { launchChoices } from '../../core/stack/launchChoices';
import { composeInput } from '../../flows/renderCompose';
import { LAUNCH_COMMAND } from '../commandIds';
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

/**
 * For a compose file deployed for the first time: its app's service when it runs already (deploy
 * to it); 'launch' when it does not and the user chose Launch on ECS; undefined to pick a service.
 */
async function launchInstead(state: ConnectionState, composeFile: string, signal: AbortSignal): Promise<{ cluster: string; service: string } | 'launch' | undefined> {
  const { clients, connection } = await state.get();
  const request = { files: composeFilesFor(composeFile), projectDirectory: path.dirname(composeFile), processEnv: process.env, cwd: path.dirname(composeFile), readFile: editorFileReader, options: { region: connection.region } };
  const app = launchChoices({ ...composeInput(request), options: request.options }, {}).app;
  if (!app) return undefined;
  const running = await describeService(clients.ecs, app.clusterName, app.serviceName, signal).catch(() => undefined);
  if (running && running.status !== 'INACTIVE') return { cluster: app.clusterName, service: app.serviceName };
  const choice = await vscode.window.showInformationMessage(
    `${app.serviceName} does not run on ECS yet (no service ${app.serviceName} in ${app.clusterName}). Launch it, or deploy to an existing service?`,
    'Launch on ECS…',
    'Deploy to a Service…',
  );
  if (choice === 'Launch on ECS…') return 'launch';
  if (choice === undefined) throw abortError('Deploy Workspace cancelled');
  return undefined;
}

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
    const given = options.cluster && options.service ? { cluster: options.cluster, service: options.service } : remembered;
    // The app as Launch on ECS names it (x-ecs, else the defaults): when it does not run yet, offer to launch it.
    const launchOffer = given ? undefined : await launchInstead(state, composeFile, signal);
    if (launchOffer === 'launch') return vscode.commands.executeCommand(LAUNCH_COMMAND, compose);
    const target = await resolveServiceTarget(given ?? (typeof launchOffer === 'object' ? launchOffer : undefined), state, signal);
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
