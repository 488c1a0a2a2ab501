import * as vscode from 'vscode';
import { describeTaskDefinition } from '../../aws/taskDefinitions';
import { pinPushedImages } from '../../core/taskDefinition/pinImages';
import type { DeploySource } from '../../flows/deployService';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { chooseImage, chooseSource, chooseTaskDefinitionFile } from '../deploy/chooseSource';
import { confirmInDiff } from '../deploy/confirmDiff';
import { deployAndWatch } from '../deploy/deployAndWatch';
import { resolveServiceTarget } from '../deploy/serviceTarget';
import { lastPushed } from '../image/lastPushed';
import type { ReadonlyDocuments } from '../readonlyDocuments';
import type { ExplorerProvider } from '../tree/explorerProvider';
import { reloadAfterChange } from './reloadAfterChange';

function isDeploySource(x: unknown): x is DeploySource {
  return typeof x === 'object' && x !== null && ['image', 'taskDefinition', 'revision', 'force'].includes((x as { kind?: string }).kind ?? '');
}

function imageOf(x: unknown): string | undefined {
  return typeof x === 'object' && x !== null && typeof (x as { image?: unknown }).image === 'string' && !('kind' in x) ? (x as { image: string }).image : undefined;
}

/**
 * ECS: Deploy Service… — on a service node, a *.taskdef.json, after Build and Push
 * (`{image}`), or from the palette. Arguments: (target?, source?: DeploySource | {image}, {confirmed}?)
 * where target is a service node, `{cluster, service}` or a task-definition file Uri.
 */
export function deployServiceCommand(state: ConnectionState, docs: ReadonlyDocuments, explorer: ExplorerProvider, workspaceState: vscode.Memento): CommandBody {
  return async ({ signal, log }, target?: unknown, what?: unknown, options?: unknown) => {
    const file = target instanceof vscode.Uri ? target : undefined;
    // A task-definition file names no service: asked (not taken from the tree selection).
    const service = await resolveServiceTarget(file ? null : imageOf(target) ? undefined : target, state, signal);
    const image = imageOf(target) ?? imageOf(what);
    let source: DeploySource;
    if (isDeploySource(what)) source = what;
    else if (file) source = await chooseTaskDefinitionFile(file);
    else {
      const { clients } = await state.get();
      const td = await describeTaskDefinition(clients.ecs, service.taskDefinitionArn, signal);
      source = image ? await chooseImage(state, td, signal, image) : await chooseSource(state, td, signal);
    }
    if (source.kind === 'taskDefinition') {
      // A compose-generated file names built images by repository: use what was just pushed.
      const pushed = lastPushed(workspaceState);
      const { input, pinned } = pinPushedImages(source.input, pushed ? [pushed] : []);
      for (const p of pinned) log.info(`${p.container}: using the image pushed ${pushed?.pushedAt ?? ''}: ${p.to} (the file says ${p.from})`);
      source = { kind: 'taskDefinition', input };
    }
    const confirmed = (options as { confirmed?: boolean } | undefined)?.confirmed === true;
    const { result, outcome } = await deployAndWatch(state, log, {
      cluster: service.cluster,
      service: service.service,
      source,
      confirm: (change, ctx) => confirmInDiff(docs, service.service, change, confirmed, ctx),
    });
    await reloadAfterChange(target, explorer, signal, log, service);
    return result ? { taskDefinitionArn: result.taskDefinitionArn, deploymentId: result.deploymentId, phase: outcome?.phase } : undefined;
  };
}
