import * as assert from 'node:assert/strict';
import { filterLogEventPages, findLogGroup, recentLogStreams } from '../../../src/aws/logs';
import { resetMoto } from '../env';
import { clients, createStream, GROUP, put, seedShop } from './seedService';

describe('CloudWatch Logs calls against moto', () => {
  let c: ReturnType<typeof clients>;
  const t0 = Date.now() - 60_000;

  before(async () => {
    await resetMoto();
    c = clients();
    await seedShop(c.ecs, c.logs);
    for (const s of ['a/x/1', 'a/x/2', 'other/y/3']) await createStream(c.logs, s);
    // 12 events per stream, 4 of them sharing one millisecond.
    for (const s of ['a/x/1', 'a/x/2', 'other/y/3']) {
      await put(c.logs, s, Array.from({ length: 12 }, (_, i) => ({ timestamp: t0 + Math.max(i, 3) * 100, message: `${s} #${i}` })));
    }
  });
  after(() => c.dispose());

  it('pages with limit + nextToken: every event once, and `more` says when another page follows', async () => {
    const pages: Array<{ n: number; more: boolean }> = [];
    const ids: string[] = [];
    for await (const p of filterLogEventPages(c.logs, { group: GROUP, startTime: t0, limit: 5 })) {
      pages.push({ n: p.events.length, more: p.more });
      ids.push(...p.events.map((e) => e.eventId));
    }
    assert.equal(ids.length, 36);
    assert.equal(new Set(ids).size, 36);
    assert.deepEqual(pages.map((p) => p.n), [5, 5, 5, 5, 5, 5, 5, 1]);
    assert.deepEqual(pages.map((p) => p.more), [true, true, true, true, true, true, true, false]);
  });

  it('startTime includes events at exactly that millisecond; logStreamNames narrows to those streams', async () => {
    const events = [];
    for await (const p of filterLogEventPages(c.logs, { group: GROUP, streams: ['a/x/2'], startTime: t0 + 300 })) events.push(...p.events);
    // Events 0..3 share t0+300; 4..11 follow.
    assert.equal(events.length, 12);
    assert.ok(events.every((e) => e.logStreamName === 'a/x/2' && e.timestamp >= t0 + 300));
    assert.equal(events[0].message, 'a/x/2 #0');
  });

  it('finds the group (with its ARN for Live Tail) and lists streams newest first', async () => {
    const g = await findLogGroup(c.logs, GROUP);
    assert.match(g?.arn ?? '', /^arn:aws:logs:us-east-1:\d+:log-group:\/ecs\/shop$/);
    assert.equal(await findLogGroup(c.logs, '/ecs/sho'), undefined);
    const streams = await recentLogStreams(c.logs, GROUP);
    assert.deepEqual(streams.map((s) => s.name).sort(), ['a/x/1', 'a/x/2', 'other/y/3']);
  });

  it('passes the AbortSignal to the call', async () => {
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(async () => {
      for await (const _ of filterLogEventPages(c.logs, { group: GROUP, startTime: t0 }, ac.signal)) void _;
    }, (e: Error) => e.name === 'AbortError');
  });
});
