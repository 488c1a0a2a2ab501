import * as vscode from 'vscode';
import { AWS_REGIONS, isRegionId } from '../../core/regions';
import { UserError } from '../../core/userError';
import type { CommandBody } from '../commandWrapper';
import type { ConnectionState } from '../connectionState';
import { updateSetting } from '../settings';

/** ECS: Select Region… — known regions, or any region id typed in. */
export function selectRegion(state: ConnectionState): CommandBody {
  return async ({ log }, regionArg?: unknown) => {
    let chosen = typeof regionArg === 'string' ? regionArg.trim() : undefined;
    if (chosen === undefined) {
      const current = await state.get().then((c) => c.connection.region, () => undefined);
      chosen = await pickRegion(current);
      if (!chosen) return undefined;
    }
    if (!isRegionId(chosen)) throw new UserError(`"${chosen}" is not a region id — regions look like eu-west-1`);
    await updateSetting('region', chosen);
    log.info(`Region set to ${chosen}`);
    return chosen;
  };
}

function pickRegion(current: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
    const known: Array<vscode.QuickPickItem & { id: string }> = AWS_REGIONS.map((r) => ({
      label: r.id,
      description: r.id === current ? `${r.name} · current` : r.name,
      id: r.id,
    }));
    qp.title = 'ECS: Select Region';
    qp.placeholder = 'Region, or type a region id';
    qp.matchOnDescription = true;
    qp.items = known;
    qp.activeItems = known.filter((i) => i.id === current);
    // A typed id that is not in the list (a new region) is offered as its own item.
    qp.onDidChangeValue((v) => {
      const typed = v.trim();
      qp.items = isRegionId(typed) && !known.some((k) => k.id === typed) ? [{ label: typed, description: 'use this region', id: typed }, ...known] : known;
    });
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.id);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}
