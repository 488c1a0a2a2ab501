import type { Change, ResourceChange, ResourceChangeDetail } from '@aws-sdk/client-cloudformation';
import { describeResource, type ParsedTemplate } from './describeResource';
import { RESOURCE_GROUP_ORDER, resourceGroup, resourceWords, type ResourceGroup } from './resourceWords';

export type PreviewAction = 'add' | 'modify' | 'replace' | 'remove';

/** One resource of a change set as the preview shows it. */
export interface PreviewRow {
  readonly action: PreviewAction;
  readonly group: ResourceGroup;
  readonly logicalId: string;
  readonly resourceType: string;
  /** The resource in words, with its details when the template is given. */
  readonly words: string;
  /** What changes, for modify and replace ("HealthCheckPath: / → /ping"); '' otherwise. */
  readonly detail: string;
  /** Replacement: Conditional — CloudFormation replaces it only if a value known at run time changes. */
  readonly mayReplace?: boolean;
  readonly physicalId?: string;
}

const ACTION_ORDER: Record<PreviewAction, number> = { replace: 0, add: 1, modify: 2, remove: 3 };
const SYMBOL: Record<PreviewAction, string> = { add: '+', modify: '~', replace: '!', remove: '-' };

function actionOf(rc: ResourceChange): PreviewAction {
  switch (rc.Action) {
    case 'Add':
    case 'Import':
      return 'add';
    case 'Remove':
      return 'remove';
    default:
      // Modify, Dynamic, SyncWithActual: replaced when CloudFormation says it will or may be.
      return rc.Replacement === 'True' || rc.Replacement === 'Conditional' ? 'replace' : 'modify';
  }
}

/** A detail's property (or attribute) and its label: "HealthCheckPath: / → /ping", "TaskDefinition (follows TaskDefinition)". */
function detailLabel(d: ResourceChangeDetail): { name: string; label: string } | undefined {
  const target = d.Target;
  if (!target) return undefined;
  const name = target.Attribute === 'Properties' ? (target.Name ?? target.Path?.replace(/^\/Properties\//, '')) : target.Attribute;
  if (!name) return undefined;
  const short = (v: string | undefined) => v !== undefined && v.length <= 60 && !v.includes('\n');
  if (short(target.BeforeValue) && short(target.AfterValue) && target.BeforeValue !== target.AfterValue) return { name, label: `${name}: ${target.BeforeValue} → ${target.AfterValue}` };
  const cause = d.CausingEntity?.split('.')[0];
  if (cause && d.ChangeSource === 'ResourceReference') return { name, label: `${name} (follows ${cause})` };
  if (cause && d.ChangeSource === 'ParameterReference') return { name, label: `${name} (parameter ${cause})` };
  return { name, label: name };
}

function detailOf(rc: ResourceChange, action: PreviewAction): string {
  if (action === 'add' || action === 'remove') return rc.Action === 'Import' ? 'imported' : '';
  // One entry per property: the API lists a property once per evaluation (Static, Dynamic) and cause.
  const labels = new Map<string, string>();
  const forcing = new Set<string>();
  for (const d of rc.Details ?? []) {
    const l = detailLabel(d);
    if (!l) continue;
    if (!labels.has(l.name) || labels.get(l.name) === l.name) labels.set(l.name, l.label);
    if (d.Target?.RequiresRecreation === 'Always' || d.Target?.RequiresRecreation === 'Conditionally') forcing.add(l.name);
  }
  const all = [...labels.entries()];
  if (action === 'modify') return all.map(([, l]) => l).join('; ');
  const because = all.filter(([n]) => forcing.has(n)).map(([, l]) => l);
  const others = all.filter(([n]) => !forcing.has(n)).map(([, l]) => l);
  const head = rc.Replacement === 'Conditional' ? 'may be replaced' : 'replaced';
  return `${head}${because.length ? ` because of ${because.join('; ')}` : ''}${others.length ? `; also ${others.join('; ')}` : ''}`;
}

/**
 * DescribeChangeSet's Changes → the preview's rows: replacements first (they lose the old
 * resource), then by group, then add / modify / remove. `template` is the template being
 * deployed; `previous` the stack's current one (GetTemplate), which describes what is removed.
 */
export function previewChangeSet(changes: readonly Change[] | undefined, template?: ParsedTemplate, previous?: ParsedTemplate): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (const c of changes ?? []) {
    const rc = c.ResourceChange;
    if (!rc?.LogicalResourceId) continue;
    const action = actionOf(rc);
    const type = rc.ResourceType ?? '';
    const source = action === 'remove' ? previous : template;
    const resource = source?.Resources?.[rc.LogicalResourceId];
    rows.push({
      action,
      group: resourceGroup(type),
      logicalId: rc.LogicalResourceId,
      resourceType: type,
      words: resource ? describeResource(rc.LogicalResourceId, resource, source) : resourceWords(type),
      detail: detailOf(rc, action),
      ...(rc.Replacement === 'Conditional' && action === 'replace' ? { mayReplace: true } : {}),
      ...(rc.PhysicalResourceId ? { physicalId: rc.PhysicalResourceId } : {}),
    });
  }
  const replaceFirst = (r: PreviewRow) => (r.action === 'replace' ? 0 : 1);
  return rows.sort(
    (a, b) =>
      replaceFirst(a) - replaceFirst(b) ||
      RESOURCE_GROUP_ORDER.indexOf(a.group) - RESOURCE_GROUP_ORDER.indexOf(b.group) ||
      ACTION_ORDER[a.action] - ACTION_ORDER[b.action] ||
      a.logicalId.localeCompare(b.logicalId),
  );
}

/** "17 to add", "1 to replace, 2 to modify", "no changes". */
export function previewSummary(rows: readonly PreviewRow[]): string {
  const count = (a: PreviewAction) => rows.filter((r) => r.action === a).length;
  const parts = (['replace', 'add', 'modify', 'remove'] as const).filter((a) => count(a) > 0).map((a) => `${count(a)} to ${a}`);
  return parts.length ? parts.join(', ') : 'no changes';
}

/**
 * One line per resource for the CLI: `+ add      LoadBalancer  Application Load Balancer, …`,
 * `~ modify`, `! replace`, `- remove`, with what changes in parentheses.
 */
export function formatPreview(rows: readonly PreviewRow[]): string[] {
  const idWidth = Math.max(0, ...rows.map((r) => r.logicalId.length));
  return rows.map((r) => `${SYMBOL[r.action]} ${r.action.padEnd(7)} ${r.logicalId.padEnd(idWidth)}  ${r.words}${r.detail ? ` (${r.detail})` : ''}`);
}
