import { LogGroupPoller, type GroupSubscriber, type PollerOptions } from './logGroupPoller';

/**
 * One poller per log group (and connection), shared by every follower of that group: two
 * followed services writing to /ecs/app cost one FilterLogEvents loop, not two.
 */
export class LogPollerHub {
  private readonly pollers = new Map<string, LogGroupPoller>();

  /** `connectionKey` separates accounts/regions/endpoints that happen to use the same group name. */
  subscribe(connectionKey: string, group: string, sub: GroupSubscriber, options: PollerOptions, useLiveTail = false): { poller: LogGroupPoller; dispose(): void } {
    const key = `${connectionKey}\n${group}`;
    let poller = this.pollers.get(key);
    if (!poller) {
      poller = new LogGroupPoller(group, options, useLiveTail);
      this.pollers.set(key, poller);
    }
    const p = poller;
    p.add(sub);
    return {
      poller: p,
      dispose: () => {
        p.remove(sub);
        if (p.size === 0 && this.pollers.get(key) === p) this.pollers.delete(key);
      },
    };
  }

  /** Pollers running now (for tests and the bench). */
  get active(): LogGroupPoller[] {
    return [...this.pollers.values()];
  }

  stopAll(): void {
    for (const p of this.pollers.values()) p.stop();
    this.pollers.clear();
  }
}
