import * as vscode from 'vscode';
import { LoadBalancerNode } from '../tree/infrastructureNodes';
import type { CommandBody } from '../commandWrapper';

/** Open in Browser: the app's URL (a load balancer row, or a URL given by a notification). */
export function openUrl(): CommandBody {
  return async (_run, arg?: unknown) => {
    const url = arg instanceof LoadBalancerNode ? arg.url : typeof arg === 'string' ? arg : undefined;
    if (!url) return false;
    return vscode.env.openExternal(vscode.Uri.parse(url));
  };
}
