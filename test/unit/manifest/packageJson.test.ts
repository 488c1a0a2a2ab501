import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allContextValues } from '../../../src/core/explorer/contextValues';
import { containerView } from '../../../src/core/explorer/containerView';
import { loadBalancerView, targetHealthView } from '../../../src/core/explorer/loadBalancerView';
import { deploymentView, serviceView } from '../../../src/core/explorer/serviceView';
import { stackView } from '../../../src/core/explorer/stackView';
import { taskView } from '../../../src/core/explorer/taskView';
import * as ids from '../../../src/extension/commandIds';
import { deployment, service, task } from '../core/explorer/shapes';

// package.json and the code name the same things twice: menus match contextValues by pattern,
// commands are declared there and registered in code. Nothing else notices when they drift.
const root = path.resolve(__dirname, '../../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string }>; menus: Record<string, Array<{ command: string; when?: string }>> };
};
const source = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Each `viewItem =~ /…/` or `viewItem == …` test in a when clause, as a predicate. */
function viewItemClauses(when: string): Array<{ text: string; matches: (v: string) => boolean }> {
  const clauses: Array<{ text: string; matches: (v: string) => boolean }> = [];
  for (const m of when.matchAll(/viewItem\s*=~\s*\/((?:\\.|[^/\\])+)\/([a-z]*)/g)) {
    const re = new RegExp(m[1], m[2]);
    clauses.push({ text: m[0], matches: (v) => re.test(v) });
  }
  for (const m of when.matchAll(/viewItem\s*==\s*([\w.-]+)/g)) clauses.push({ text: m[0], matches: (v) => v === m[1] });
  return clauses;
}

describe('package.json agrees with the code', () => {
  const produced = Object.values(allContextValues()).flat();

  describe('menus', () => {
    const items = Object.entries(manifest.contributes.menus).flatMap(([menu, entries]) => entries.map((e) => ({ menu, ...e })));
    const clauses = items.flatMap((e) => viewItemClauses(e.when ?? '').map((c) => ({ ...c, command: e.command, menu: e.menu })));

    it('has viewItem clauses to check (the parser reads them)', () => {
      assert.ok(clauses.length >= 10, `found ${clauses.length}`);
    });
    for (const c of clauses) {
      it(`${c.command} (${c.text}) matches a row the tree can show`, () => {
        assert.ok(produced.some(c.matches), `no contextValue matches ${c.text}; the tree produces ${produced.join(', ')}`);
      });
    }

    it('each row kind with actions is reached by some menu', () => {
      for (const kind of ['cluster', 'service', 'task', 'container', 'stack', 'loadBalancer', 'message'] as const) {
        const values = allContextValues()[kind];
        assert.ok(values.some((v) => clauses.some((c) => c.matches(v))), `no menu reaches a ${kind} row`);
      }
    });
  });

  describe('contextValues', () => {
    // The table above is only worth checking against if the views produce what it lists.
    const now = new Date('2026-11-24T10:10:00Z');
    const rows = [
      serviceView(service({})),
      serviceView(service({ desiredCount: 0 })),
      serviceView(service({ status: 'DRAINING' })),
      serviceView(service({ tags: [{ key: 'ecs-deploy:app', value: 'shop' }] })),
      serviceView(service({ deployments: [deployment({ rolloutState: 'IN_PROGRESS' })] })),
      serviceView(service({ deployments: [deployment({ rolloutState: 'FAILED' })] })),
      deploymentView(deployment({})),
      deploymentView(deployment({ status: 'ACTIVE' })),
      taskView(task({}), now),
      taskView(task({ lastStatus: 'STOPPED', desiredStatus: 'STOPPED' }), now),
      taskView(task({ lastStatus: 'PENDING' }), now),
      containerView({ name: 'web', lastStatus: 'RUNNING' }, task({})),
      containerView({ name: 'web' }),
      loadBalancerView({ dnsName: 'shop.elb.amazonaws.com', https: false, targets: [] }),
      loadBalancerView({ https: false, targets: [] }),
      targetHealthView({ Target: { Id: '10.0.0.1', Port: 80 }, TargetHealth: { State: 'healthy' } }),
      targetHealthView({ Target: { Id: '10.0.0.1', Port: 80 } }),
      stackView({ StackName: 'shop', StackStatus: 'CREATE_IN_PROGRESS', CreationTime: now }),
      stackView({ StackName: 'shop', StackStatus: 'UPDATE_COMPLETE', CreationTime: now }),
    ];
    for (const row of rows) {
      it(`${row.contextValue} is in the table`, () => assert.ok(produced.includes(row.contextValue)));
    }

    it('an app service (tagged by Launch on ECS) offers Delete App; a plain one does not', () => {
      const deleteApp = clausesFor(ids.DELETE_APP_COMMAND);
      assert.ok(deleteApp.some((c) => c.matches(serviceView(service({ tags: [{ key: 'ecs-deploy:app', value: 'shop' }] })).contextValue)));
      assert.ok(!deleteApp.some((c) => c.matches(serviceView(service({})).contextValue)));
    });

    it('a stopped task offers no Stop Task', () => {
      const stop = clausesFor(ids.STOP_TASK_COMMAND);
      assert.ok(stop.some((c) => c.matches(taskView(task({}), now).contextValue)));
      assert.ok(!stop.some((c) => c.matches(taskView(task({ lastStatus: 'STOPPED' }), now).contextValue)));
    });
  });

  describe('commands', () => {
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    const ours = Object.values(ids)
      .flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))
      .filter((id) => id.startsWith('ecsDeploy.'))
      .sort();

    it('every command package.json declares has its id in commandIds.ts, and no id is undeclared', () => {
      assert.deepEqual(declared, ours);
    });

    it('every id in commandIds.ts is registered (registerCommands.ts or the decision module)', () => {
      const registering = source('src/extension/commands/registerCommands.ts');
      const decision = source('src/extension/decision/awaitDecision.ts');
      const exported = Object.entries(ids).filter(([, v]) => typeof v === 'string' && v.startsWith('ecsDeploy.'));
      for (const [name] of exported) {
        const registered = new RegExp(`\\(ids\\.${name}\\b`).test(registering) || new RegExp(`registerCommand\\(${name}\\b`).test(decision);
        assert.ok(registered, `${name} is not registered`);
      }
      assert.match(decision, /Object\.values\(PROCEED_COMMANDS\)\.map\(\(id\) => vscode\.commands\.registerCommand\(id/);
    });
  });
});

function clausesFor(command: string) {
  return Object.values(manifest.contributes.menus)
    .flat()
    .filter((e) => e.command === command)
    .flatMap((e) => viewItemClauses(e.when ?? ''));
}
