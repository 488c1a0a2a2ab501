// The Launch on ECS preview as HTML: pure (no vscode import), so it is unit-tested; the panel
// (launchPreview.ts) adds the nonce and the webview's CSP source. Colours come from the theme's
// CSS variables, so it looks native in light, dark and high-contrast themes.
import type { PreviewRow } from '../../core/stack/changeSetPreview';
import type { CostEstimate } from '../../core/stack/costEstimate';
import { RESOURCE_GROUP_ORDER, resourceGroupTitle } from '../../core/stack/resourceWords';

export interface PreviewContent {
  readonly kind: 'CREATE' | 'UPDATE';
  readonly serviceName: string;
  readonly stackName: string;
  readonly region: string;
  readonly rows: readonly PreviewRow[];
  readonly cost?: CostEstimate;
  readonly secretNames: readonly string[];
  readonly warnings: readonly string[];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const ACTION_LABEL = { add: 'Add', modify: 'Modify', replace: 'Replace', remove: 'Remove' } as const;

/** What the Launch / Update button says. */
export const proceedLabel = (kind: PreviewContent['kind']) => (kind === 'CREATE' ? 'Launch' : 'Update');

function resources(rows: readonly PreviewRow[]): string {
  if (!rows.length) return '<p>No resource changes.</p>';
  const out: string[] = [];
  for (const group of RESOURCE_GROUP_ORDER) {
    const inGroup = rows.filter((r) => r.group === group);
    if (!inGroup.length) continue;
    out.push(`<h3>${esc(resourceGroupTitle(group))}</h3><ul class="resources">`);
    for (const r of inGroup) {
      const action = r.action === 'modify' && r.mayReplace ? 'modify (may replace)' : ACTION_LABEL[r.action];
      out.push(
        `<li class="${r.action}${r.mayReplace ? ' may-replace' : ''}"><span class="badge">${esc(action)}</span> <span class="words">${esc(r.words)}</span>` +
          `${r.detail ? `<div class="detail">${esc(r.detail)}</div>` : ''}<div class="id">${esc(r.logicalId)}</div></li>`,
      );
    }
    out.push('</ul>');
  }
  return out.join('\n');
}

function cost(e: CostEstimate | undefined): string {
  if (!e) return '';
  const lines = e.lines
    .map((l) => `<tr><td>${esc(l.item)}</td><td class="arith">${esc(l.arithmetic)}</td><td class="usd">$${l.monthlyUsd.toFixed(2)}</td></tr>`)
    .join('');
  const max = e.maxTotalUsd !== undefined ? `<p>Up to <strong>$${e.maxTotalUsd.toFixed(2)}</strong> a month when auto scaling runs ${e.maxCount} tasks.</p>` : '';
  return `<section><h2>${esc(e.title)} <span class="total">$${e.totalUsd.toFixed(2)} / month</span></h2>
<table class="cost">${lines}<tr class="sum"><td>Total</td><td></td><td class="usd">$${e.totalUsd.toFixed(2)}</td></tr></table>${max}
<p class="note">An estimate from ${esc(e.source)}. ${e.notes.map(esc).join(' ')}</p></section>`;
}

/** The whole page; `nonce` and `cspSource` come from the webview. */
export function previewHtml(c: PreviewContent, nonce: string, cspSource: string): string {
  const replaced = c.rows.filter((r) => r.action === 'replace').length;
  const verb = c.kind === 'CREATE' ? 'creates' : 'changes';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(proceedLabel(c.kind))} ${esc(c.serviceName)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; line-height: 1.45; }
h1 { font-size: 1.5em; font-weight: 600; margin: 16px 0 4px; }
h2 { font-size: 1.15em; font-weight: 600; margin: 22px 0 8px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); padding-bottom: 4px; }
h3 { font-size: 0.95em; font-weight: 600; margin: 14px 0 4px; color: var(--vscode-descriptionForeground); text-transform: uppercase; letter-spacing: 0.04em; }
.sub { color: var(--vscode-descriptionForeground); margin: 0 0 12px; }
ul.resources { list-style: none; padding: 0; margin: 0; }
ul.resources li { padding: 4px 0 4px 8px; border-left: 3px solid transparent; }
ul.resources li.add { border-left-color: var(--vscode-gitDecoration-addedResourceForeground, var(--vscode-charts-green)); }
ul.resources li.modify { border-left-color: var(--vscode-gitDecoration-modifiedResourceForeground, var(--vscode-charts-blue)); }
ul.resources li.replace, ul.resources li.may-replace { border-left-color: var(--vscode-errorForeground); }
ul.resources li.remove { border-left-color: var(--vscode-gitDecoration-deletedResourceForeground, var(--vscode-charts-orange)); }
.badge { display: inline-block; min-width: 56px; font-size: 0.85em; font-weight: 600; }
li.add .badge { color: var(--vscode-gitDecoration-addedResourceForeground, var(--vscode-charts-green)); }
li.modify .badge { color: var(--vscode-gitDecoration-modifiedResourceForeground, var(--vscode-charts-blue)); }
li.replace .badge, li.may-replace .badge, li.replace .words { color: var(--vscode-errorForeground); }
li.remove .badge { color: var(--vscode-gitDecoration-deletedResourceForeground, var(--vscode-charts-orange)); }
.detail, .id { color: var(--vscode-descriptionForeground); font-size: 0.9em; margin-left: 60px; }
.id { font-family: var(--vscode-editor-font-family); font-size: 0.85em; }
table.cost { border-collapse: collapse; width: 100%; }
table.cost td { padding: 3px 8px 3px 0; vertical-align: top; }
table.cost td.arith { color: var(--vscode-descriptionForeground); font-family: var(--vscode-editor-font-family); font-size: 0.9em; }
table.cost td.usd { text-align: right; white-space: nowrap; }
table.cost tr.sum td { border-top: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, currentColor)); font-weight: 600; }
.total { float: right; font-weight: 600; }
.note { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.warnings li { color: var(--vscode-editorWarning-foreground); }
.banner { border: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); background: var(--vscode-inputValidation-errorBackground, transparent); padding: 6px 10px; margin: 10px 0; }
.actions { position: sticky; bottom: 0; background: var(--vscode-editor-background); padding: 12px 0; margin-top: 20px; display: flex; gap: 8px; border-top: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
button { font-family: inherit; font-size: inherit; padding: 4px 14px; border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; cursor: pointer; color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:disabled { opacity: 0.5; cursor: default; }
code { font-family: var(--vscode-editor-font-family); }
</style></head>
<body>
<h1>${c.kind === 'CREATE' ? 'Launch' : 'Update'} ${esc(c.serviceName)} on ECS</h1>
<p class="sub">CloudFormation stack <code>${esc(c.stackName)}</code> in ${esc(c.region)} — the change set ${verb} ${c.rows.length} resource${c.rows.length === 1 ? '' : 's'}. Nothing has changed yet.</p>
${replaced ? `<div class="banner">${replaced} resource${replaced === 1 ? ' is' : 's are'} <strong>replaced</strong>: the old one is deleted once the new one exists.</div>` : ''}
<section><h2>Resources</h2>${resources(c.rows)}</section>
${cost(c.cost)}
${c.secretNames.length ? `<section><h2>Secrets</h2><p>Stored as SSM Parameter Store SecureStrings (values are never shown):</p><ul>${c.secretNames.map((n) => `<li><code>${esc(n)}</code></li>`).join('')}</ul></section>` : ''}
${c.warnings.length ? `<section><h2>Warnings</h2><ul class="warnings">${c.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></section>` : ''}
<div class="actions">
  <button id="proceed">${esc(proceedLabel(c.kind))}</button>
  <button id="template" class="secondary">Open CloudFormation Template</button>
  <button id="cancel" class="secondary">Cancel</button>
</div>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
for (const id of ['proceed', 'template', 'cancel']) {
  document.getElementById(id).addEventListener('click', () => {
    if (id !== 'template') for (const b of document.querySelectorAll('button')) b.disabled = true;
    vscode.postMessage({ action: id });
  });
}
</script>
</body></html>`;
}
