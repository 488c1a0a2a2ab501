import { formatBytes } from './bytes';
import type { EngineEvent } from './buildProgress';

const DONE = new Set(['Pushed', 'Layer already exists', 'Mounted from']);

/** Follows a push stream's per-layer events and says "Pushing 3 layers 45%". */
export class PushProgress {
  private readonly layers = new Map<string, { current: number; total: number; done: boolean }>();
  digest?: string;

  /** Feeds one event; returns the message to show when it changed what we know. */
  update(e: EngineEvent): string | undefined {
    if (e.aux?.Digest) this.digest = e.aux.Digest;
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(e.status ?? '');
    if (digest) this.digest ??= digest[1];
    if (!e.id || !e.status) return undefined;
    const layer = this.layers.get(e.id) ?? { current: 0, total: 0, done: false };
    this.layers.set(e.id, layer);
    if (e.status === 'Pushing' && e.progressDetail?.total) {
      layer.current = e.progressDetail.current ?? 0;
      layer.total = e.progressDetail.total;
    } else if (DONE.has(e.status) || e.status.startsWith('Mounted from')) {
      layer.done = true;
    }
    return this.message();
  }

  message(): string {
    const all = [...this.layers.values()];
    const pending = all.filter((l) => !l.done).length;
    const total = all.reduce((s, l) => s + (l.total || 0), 0);
    const current = all.reduce((s, l) => s + (l.done ? l.total || 0 : l.current), 0);
    const percent = all.length === 0 ? 0 : total > 0 ? Math.floor((current / total) * 100) : Math.floor(((all.length - pending) / all.length) * 100);
    const n = all.length;
    return `Pushing ${n} layer${n === 1 ? '' : 's'} ${pending === 0 ? 100 : Math.min(percent, 99)}%${total ? ` of ${formatBytes(total)}` : ''}`;
  }
}
