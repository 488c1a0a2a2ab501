import * as vscode from 'vscode';
import { describeAwsError, type ErrorContext } from '../../core/awsErrors';
import { UserError } from '../../core/userError';
import { OPEN_SETTINGS_COMMAND, SELECT_PROFILE_COMMAND, SELECT_REGION_COMMAND, SHOW_EXTENSION_LOG_COMMAND, SIGN_IN_COMMAND } from '../commandIds';
import type { ExplorerNode } from './explorerNode';
import { contextValue, type MessageKind } from '../../core/explorer/contextValues';

/** Empty and failed states live in the tree as a node with the action that helps, never a popup. */
export class MessageNode implements ExplorerNode {
  constructor(
    readonly label: string,
    readonly kind: MessageKind,
    readonly command?: vscode.Command,
    readonly tooltip?: string,
    /** Loads the failed level again (the row's inline Retry action). */
    readonly retry?: () => void,
  ) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.contextValue = contextValue.message(this.kind, Boolean(this.retry));
    item.command = this.command;
    item.tooltip = this.tooltip ?? this.label;
    if (this.kind === 'error') item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    if (this.kind === 'warning') item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    if (this.kind === 'empty') item.iconPath = new vscode.ThemeIcon('info');
    return item;
  }
}

const command = (id: string, title: string, ...args: unknown[]): vscode.Command => ({ command: id, title, arguments: args });

/** The node for a failed load, with the next step for the kind of failure. */
export function errorNode(err: unknown, ctx: ErrorContext & { what: string }, retry?: () => void): MessageNode {
  if (err instanceof UserError) {
    return new MessageNode(`${err.message} — Open Settings`, 'error', command(OPEN_SETTINGS_COMMAND, 'Open Settings', 'ecsDeploy'), undefined, retry);
  }
  const d = describeAwsError(err, ctx);
  switch (d.kind) {
    case 'credentials':
      return new MessageNode(`${d.short} — Select Profile…`, 'warning', command(SELECT_PROFILE_COMMAND, 'Select Profile…'), d.message, retry);
    case 'expired':
      // An SSO session is renewed by signing in again; rejected keys need another profile.
      return /sso/i.test(d.short)
        ? new MessageNode(`${d.short} — Sign In`, 'warning', command(SIGN_IN_COMMAND, 'Sign In', ctx.profile), d.message, retry)
        : new MessageNode(`${d.short} — Select Profile…`, 'warning', command(SELECT_PROFILE_COMMAND, 'Select Profile…'), d.message, retry);
    case 'network':
    case 'access':
    case 'throttling':
      return new MessageNode(`${d.short} — Show Extension Log`, 'error', command(SHOW_EXTENSION_LOG_COMMAND, 'Show Extension Log'), d.message, retry);
    default:
      return new MessageNode(`Could not ${ctx.what}: ${d.short} — Show Extension Log`, 'error', command(SHOW_EXTENSION_LOG_COMMAND, 'Show Extension Log'), d.message, retry);
  }
}

export function noClustersNode(region: string): MessageNode {
  return new MessageNode(`No clusters in ${region} — Select Region…`, 'empty', command(SELECT_REGION_COMMAND, 'Select Region…'));
}
