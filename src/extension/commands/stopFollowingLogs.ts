import * as vscode from 'vscode';
import type { CommandBody } from '../commandWrapper';
import { LogFollowers } from '../logs/logFollowers';
import { followTargetFrom } from './followLogs';

/** ECS: Stop Following Logs — the node's service, the only one followed, or one picked. */
export function stopFollowingLogs(followers: LogFollowers): CommandBody {
  return async ({ log }, arg?: unknown) => {
    const target = followTargetFrom(arg);
    if (target) return followers.stop(LogFollowers.key(target));
    const followed = followers.followed();
    if (followed.length === 0) {
      log.info('Stop Following Logs: nothing is being followed');
      void vscode.window.showInformationMessage('No service logs are being followed.');
      return false;
    }
    const pick =
      followed.length === 1
        ? followed[0]
        : (await vscode.window.showQuickPick(
            followed.map((f) => ({ label: f.target.service, description: f.target.cluster, f })),
            { title: 'ECS: Stop Following Logs', placeHolder: 'Service to stop following' },
          ))?.f;
    return pick ? followers.stop(pick.key) : false;
  };
}
