import type { TaskDefinition } from '@aws-sdk/client-ecs';
import * as vscode from 'vscode';
import { listRepositoryImages } from '../../aws/ecrImages';
import { ecrRepositoryOf, parseImageRef } from '../../core/imageRef';
import { timeAgo } from '../../core/explorer/timeAgo';
import { UserError } from '../../core/userError';
import type { DeploySource } from '../../flows/deployService';
import { readTaskDefinitionFile } from '../../flows/taskDefinitionFile';
import type { ConnectionState } from '../connectionState';
import { abortError } from '../../core/abort';

/** Which container of the definition gets the new image (asked only when there are several). */
async function pickContainer(td: TaskDefinition, preferred?: string): Promise<string> {
  const names = (td.containerDefinitions ?? []).map((c) => c.name ?? '').filter(Boolean);
  if (preferred && names.includes(preferred)) return preferred;
  if (names.length === 1) return names[0];
  const pick = await vscode.window.showQuickPick(
    (td.containerDefinitions ?? []).map((c) => ({ label: c.name ?? '', description: c.image })),
    { title: 'Container to update' },
  );
  if (!pick) throw abortError('cancelled');
  return pick.label;
}

/** A new image for one container: any image of its ECR repository (pinned by digest), or a typed URI. */
export async function chooseImage(state: ConnectionState, td: TaskDefinition, signal: AbortSignal, image?: string): Promise<DeploySource> {
  const container = await pickContainer(td, image ? containerForImage(td, image) : undefined);
  if (image) return { kind: 'image', container, image };
  const current = td.containerDefinitions?.find((c) => c.name === container)?.image ?? '';
  const repo = ecrRepositoryOf(current);
  const items: Array<vscode.QuickPickItem & { uri?: string }> = [];
  if (repo) {
    const { clients } = await state.get();
    const images = await listRepositoryImages(clients.ecr, repo.repository, signal).catch(() => []);
    const now = new Date();
    for (const i of images) {
      if (!i.imageDigest) continue;
      items.push({
        label: i.imageTags?.length ? i.imageTags.join(', ') : '(untagged)',
        description: `${i.imageDigest.slice(0, 19)} · pushed ${timeAgo(i.imagePushedAt, now)}`,
        uri: `${repo.registry}/${repo.repository}@${i.imageDigest}`,
      });
    }
  }
  items.push({ label: '$(edit) Enter an image URI…', alwaysShow: true });
  const pick = await vscode.window.showQuickPick(items, { title: `New image for ${container} (now ${current})`, matchOnDescription: true });
  if (!pick) throw abortError('cancelled');
  let uri = pick.uri;
  if (!uri) {
    uri = await vscode.window.showInputBox({ title: `Image for ${container}`, value: current, prompt: 'Image URI, ideally pinned by digest (repo@sha256:…)' });
    if (!uri) throw abortError('cancelled');
  }
  return { kind: 'image', container, image: uri.trim() };
}

/** The container whose image lives in the same repository as `image`. */
function containerForImage(td: TaskDefinition, image: string): string | undefined {
  const repo = parseImageRef(image).repository;
  return td.containerDefinitions?.find((c) => parseImageRef(c.image ?? '').repository === repo)?.name;
}

/** A *.taskdef.json from the workspace (or any JSON file) to register as the next revision. */
export async function chooseTaskDefinitionFile(uri?: vscode.Uri): Promise<DeploySource> {
  let file = uri;
  if (!file) {
    const found = await vscode.workspace.findFiles('**/*.taskdef.json', '**/node_modules/**', 50);
    const items: Array<vscode.QuickPickItem & { uri?: vscode.Uri }> = found.map((u) => ({ label: vscode.workspace.asRelativePath(u), uri: u }));
    items.push({ label: '$(folder-opened) Browse…', alwaysShow: true });
    const pick = await vscode.window.showQuickPick(items, { title: 'Task definition to deploy' });
    if (!pick) throw abortError('cancelled');
    file = pick.uri ?? (await vscode.window.showOpenDialog({ filters: { 'Task definition': ['json'] }, canSelectMany: false }))?.[0];
    if (!file) throw abortError('cancelled');
  }
  if (file.scheme !== 'file') throw new UserError(`${file.toString()} is not a local file`);
  return { kind: 'taskDefinition', input: await readTaskDefinitionFile(file.fsPath) };
}

/** What to deploy, asked when the command was not told. */
export async function chooseSource(state: ConnectionState, td: TaskDefinition, signal: AbortSignal): Promise<DeploySource> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: '$(package) A new image…', detail: 'The current task definition with one container\'s image replaced', choice: 'image' as const },
      { label: '$(file-code) A task-definition file…', detail: 'Register a *.taskdef.json as the next revision', choice: 'file' as const },
      { label: '$(debug-restart) Force new deployment', detail: 'Restart every task with the same revision', choice: 'force' as const },
    ],
    { title: 'What to deploy' },
  );
  if (!pick) throw abortError('cancelled');
  if (pick.choice === 'image') return chooseImage(state, td, signal);
  if (pick.choice === 'file') return chooseTaskDefinitionFile();
  return { kind: 'force' };
}
