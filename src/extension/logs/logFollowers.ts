import * as vscode from 'vscode';
import { profileLabel, profileName } from '../../core/connection';
import type { Logger } from '../../core/logger';
import { userMessage } from '../../core/userError';
import { followServiceLogs, type FollowTarget } from '../../flows/followLogs';
import { LogPollerHub } from '../../flows/logs/pollerHub';
import type { Connected } from '../connectionState';
import { LogChannel } from './logChannel';
import { readLogsSettings } from './logsSettings';

interface Follower {
  readonly target: FollowTarget;
  readonly channel: LogChannel;
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/** A followed service as tests and the Stop picker see it. */
export interface FollowedService {
  readonly key: string;
  readonly channelName: string;
  readonly target: FollowTarget;
  readonly appended: number;
  recent(n: number): string[];
}

/**
 * Every log follower of the window: one "ECS Logs: <service>" channel per followed service,
 * all sharing one poller per log group. Disposing it (deactivation) stops them all.
 */
export class LogFollowers implements vscode.Disposable {
  private readonly followers = new Map<string, Follower>();
  /** Channels by service, kept after Stop so the lines stay readable; replaced on the next follow. */
  private readonly channels = new Map<string, LogChannel>();
  private readonly hub = new LogPollerHub();

  constructor(private readonly log: Logger) {}

  static key(t: FollowTarget): string {
    return `${t.cluster}/${t.service}`;
  }

  followed(): FollowedService[] {
    return [...this.followers.entries()].map(([key, f]) => ({
      key,
      channelName: f.channel.name,
      target: f.target,
      get appended() {
        return f.channel.appended;
      },
      recent: (n: number) => f.channel.recent(n),
    }));
  }

  /**
   * Starts following (a service already followed is restarted with the new filter) and resolves
   * once the backlog is in the channel; rejects when following cannot start (no such service…).
   */
  async follow(target: FollowTarget, connected: Connected, signal: AbortSignal): Promise<void> {
    const key = LogFollowers.key(target);
    this.stop(key, false);
    this.channels.get(key)?.dispose();
    const settings = readLogsSettings();
    const name = `ECS Logs: ${target.service}`;
    const controller = new AbortController();
    // Disposing the channel (deactivation, or another extension holding it) stops its follower.
    const channel = new LogChannel(name, settings.maxBacklogLines, () => controller.abort());
    this.channels.set(key, channel);
    const abort = () => controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    const { connection, clients } = connected;
    const what = [target.container && `container ${target.container}`, target.taskId && `task ${target.taskId}`].filter(Boolean).join(', ');
    channel.note(
      `Following service ${target.service}${what ? ` (${what})` : ''} in cluster ${target.cluster}, ${profileLabel(connection)} · ${connection.region}: ` +
        `the last ${settings.sinceMinutes} min, then new lines${settings.useLiveTail ? ' (Live Tail where available)' : ''}. Times are local.`,
    );
    channel.channel.show(true);
    let ready!: () => void;
    const started = new Promise<void>((resolve) => (ready = resolve));
    const done = followServiceLogs(
      {
        ecs: clients.ecs,
        logs: clients.logs,
        liveTailLogs: clients.logsStreaming,
        log: this.log,
        hub: this.hub,
        connectionKey: `${profileName(connection)}|${connection.region}|${connection.endpoint ?? ''}`,
      },
      { target, sinceMs: settings.sinceMinutes * 60_000, follow: true, useLiveTail: settings.useLiveTail, onFollowing: ready },
      { lines: (batch) => channel.push(batch.map((l) => l.text)), notice: (m) => (channel.note(m), this.log.warn(`${name}: ${m}`)) },
      controller.signal,
    );
    const follower: Follower = { target, channel, controller, done: done.catch(() => undefined) };
    this.followers.set(key, follower);
    this.updateContext();
    void done.then(
      () => channel.note('Stopped following.'),
      (err: unknown) => {
        channel.note(`Stopped: ${userMessage(err)}`);
        if (this.followers.get(key) === follower) this.followers.delete(key);
        this.updateContext();
      },
    );
    try {
      await Promise.race([started, done]);
    } finally {
      signal.removeEventListener('abort', abort);
    }
    channel.flush();
    this.log.info(`Following logs of ${key}`);
  }

  /** Stops one follower; its channel stays readable unless `dispose` is set. */
  stop(key: string, dispose = false): boolean {
    const f = this.followers.get(key);
    if (!f) return false;
    this.followers.delete(key);
    this.updateContext();
    f.controller.abort();
    if (dispose) {
      f.channel.dispose();
      this.channels.delete(key);
    }
    this.log.info(`Stopped following logs of ${key}`);
    return true;
  }

  /** "Stop Following Logs" shows only while something is followed. */
  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'ecsDeploy.logs.following', this.followers.size > 0);
  }

  dispose(): void {
    for (const key of [...this.followers.keys()]) this.stop(key, true);
    for (const c of this.channels.values()) c.dispose();
    this.channels.clear();
    this.hub.stopAll();
  }
}
