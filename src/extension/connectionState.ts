import * as vscode from 'vscode';
import { AwsClients } from '../aws/clients';
import { resolveConnectionFromFiles } from '../aws/connection';
import { validateEndpoint, type ResolvedConnection } from '../core/connection';
import type { Logger } from '../core/logger';
import { UserError } from '../core/userError';
import { affectsConnection, readConnectionSettings } from './settings';

export interface Connected {
  readonly connection: ResolvedConnection;
  readonly clients: AwsClients;
}

/**
 * The current profile/region/endpoint and the AWS clients made for it. Rebuilt when the
 * settings change or on refresh (to pick up new credentials); listeners hear about it once.
 */
export class ConnectionState implements vscode.Disposable {
  private current?: Promise<Connected>;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(private readonly log: Logger) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsConnection(e)) this.reset();
      }),
    );
  }

  /** Resolves the connection once per change; a bad endpoint setting becomes a UserError. */
  get(): Promise<Connected> {
    this.current ??= this.connect();
    return this.current;
  }

  private async connect(): Promise<Connected> {
    const settings = readConnectionSettings();
    const problem = validateEndpoint(settings.endpoint?.trim() || undefined);
    if (problem) throw new UserError(`${problem} (setting ecsDeploy.endpoint)`);
    const connection = await resolveConnectionFromFiles(settings, process.env);
    this.log.info(
      `Using profile ${connection.profile ?? '(default chain)'}, region ${connection.region}` +
        (connection.endpoint ? `, endpoint ${connection.endpoint}` : ''),
    );
    return { connection, clients: new AwsClients(connection) };
  }

  /** Drops clients (and their cached credentials) so the next call starts afresh. */
  reset(): void {
    const old = this.current;
    this.current = undefined;
    void old?.then((c) => c.clients.dispose()).catch(() => undefined);
    this.changed.fire();
  }

  dispose(): void {
    this.reset();
    this.subscriptions.forEach((d) => d.dispose());
  }
}
