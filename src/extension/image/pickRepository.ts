import type { ECRClient } from '@aws-sdk/client-ecr';
import * as vscode from 'vscode';
import { listRepositories } from '../../aws/ecr';
import { describeAwsError } from '../../core/awsErrors';
import { repositoryNameProblem } from '../../core/image/ecrNames';
import { UserError } from '../../core/userError';

export interface RepositoryChoice {
  readonly name: string;
  readonly create: boolean;
}

/**
 * The ECR repository to push to: the existing ones (the last one used for this Dockerfile
 * first), or a new one named after the folder.
 */
export async function pickRepository(ecr: ECRClient, suggestedName: string, remembered: string | undefined, signal: AbortSignal): Promise<RepositoryChoice | undefined> {
  type Item = vscode.QuickPickItem & { choice?: RepositoryChoice };
  // The picker opens at once and shows itself busy while ECR answers.
  const items: Promise<Item[]> = listRepositories(ecr, signal).then(
    (repos) => {
      const existing: Item[] = repos.map((r) => ({
        label: `$(package) ${r.name}`,
        description: r.name === remembered ? 'last used' : undefined,
        detail: r.uri,
        choice: { name: r.name, create: false },
      }));
      existing.sort((a, b) => Number(b.description === 'last used') - Number(a.description === 'last used'));
      if (!repos.some((r) => r.name === suggestedName)) {
        existing.push({ label: `$(add) Create repository "${suggestedName}"`, choice: { name: suggestedName, create: true } });
      }
      return [...existing, { label: '$(edit) Create repository with another name…' }];
    },
    (err: unknown) => {
      throw new UserError(describeAwsError(err, { service: 'ECR', action: 'ecr:DescribeRepositories' }).message, err);
    },
  );
  const pick = await vscode.window.showQuickPick(items, { title: 'ECS: Build and Push Image — ECR repository', placeHolder: 'Repository to push to' });
  if (!pick) {
    await items; // a failed listing is the reason the picker closed: report it
    return undefined;
  }
  if (pick.choice) return pick.choice;
  const name = await vscode.window.showInputBox({
    title: 'New ECR repository',
    value: suggestedName,
    validateInput: (v) => repositoryNameProblem(v.trim()),
  });
  return name ? { name: name.trim(), create: true } : undefined;
}
