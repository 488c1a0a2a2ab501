import * as vscode from 'vscode';
import { listRevisions } from '../../aws/taskDefinitions';
import { familyOf, taskDefinitionName } from '../../core/arns';
import { shortImage } from '../../core/explorer/containerView';
import { timeAgo } from '../../core/explorer/timeAgo';
import { UserError } from '../../core/userError';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { confirmInDiff } from '../deploy/confirmDiff';
import { deployAndWatch } from '../deploy/deployAndWatch';
import { resolveServiceTarget } from '../deploy/serviceTarget';
import type { ReadonlyDocuments } from '../readonlyDocuments';
import type { ExplorerProvider } from '../tree/explorerProvider';
import { reloadAfterChange } from './reloadAfterChange';

/** "backend=repo:tag" / "backend=repo@sha256:1234abcd5678": the registry host dropped, the end kept. */
function revisionImage(entry: string): string {
  const eq = entry.indexOf('=');
  return eq < 0 ? shortImage(entry) : `${entry.slice(0, eq)}=${shortImage(entry.slice(eq + 1))}`;
}

/** ECS: Roll Back Service… — an earlier revision of the family (time and images listed), diff, deploy. */
export function rollbackServiceCommand(state: ConnectionState, docs: ReadonlyDocuments, explorer: ExplorerProvider): CommandBody {
  return async ({ signal, log }, target?: unknown, revisionArg?: unknown, options?: unknown) => {
    const service = await resolveServiceTarget(target, state, signal);
    const family = familyOf(service.taskDefinitionArn);
    let revision = typeof revisionArg === 'number' ? `${family}:${revisionArg}` : undefined;
    if (!revision) {
      const { clients } = await state.get();
      const revisions = (await listRevisions(clients.ecs, family, 25, signal)).filter((r) => r.arn !== service.taskDefinitionArn);
      if (revisions.length === 0) throw new UserError(`${family} has no other active revision to roll back to`);
      const now = new Date();
      const pick = await vscode.window.showQuickPick(
        revisions.map((r) => ({
          label: `${family}:${r.revision}`,
          description: r.registeredAt ? `registered ${timeAgo(r.registeredAt, now)} · ${r.registeredAt.toLocaleString()}` : 'registration time unknown',
          // The image's end (tag or digest) is what tells revisions apart: never cut it off.
          detail: r.images.map(revisionImage).join('  '),
          arn: r.arn,
        })),
        { title: `Roll back ${service.service} (now ${taskDefinitionName(service.taskDefinitionArn)})`, matchOnDetail: true },
      );
      if (!pick) return undefined;
      revision = pick.arn;
    }
    const confirmed = (options as { confirmed?: boolean } | undefined)?.confirmed === true;
    const { result, outcome } = await deployAndWatch(state, log, {
      cluster: service.cluster,
      service: service.service,
      source: { kind: 'revision', taskDefinition: revision },
      confirm: (change, ctx) => confirmInDiff(docs, service.service, change, confirmed, ctx),
    });
    await reloadAfterChange(target, explorer, signal, log, service);
    return result ? { taskDefinitionArn: result.taskDefinitionArn, phase: outcome?.phase } : undefined;
  };
}
