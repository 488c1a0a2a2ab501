// Explorer benchmark (issue: the ECS explorer). Seeds moto with 5 clusters × 40 services × 5
// tasks, then loads each level through the same functions the tree uses, counting the AWS calls
// and comparing them with the floor: List* at their maximum page size, Describe* batched at the
// API maximum, nothing fetched twice, few calls in flight.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { startMoto } from '../harness/services.mjs';
import { stopAll, stopAllOnExit } from '../harness/processes.mjs';

const require = createRequire(import.meta.url);
const out = (p) => require(path.resolve('out', p));
const { AwsClients, MAX_CALLS_IN_FLIGHT } = out('src/aws/clients.js');
const { awsClientConfig } = out('src/aws/clientConfig.js');
const { listClusters } = out('src/aws/clusters.js');
const { loadClusterContents } = out('src/aws/clusterContents.js');
const { groupTasks } = out('src/core/explorer/taskGroups.js');
const { seedLargeAccount } = out('test/support/ecsSeed.js');

const SHAPE = { clusters: 5, services: 40, tasksPerService: 5 };
stopAllOnExit();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-explorer-'));
const moto = await startMoto(work);
try {
  const t0 = Date.now();
  await seedLargeAccount({ endpoint: moto.endpoint, region: 'us-east-1' }, SHAPE);
  console.log(`seeded ${SHAPE.clusters} clusters × ${SHAPE.services} services × ${SHAPE.tasksPerService} tasks in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const calls = [];
  const conn = { region: 'us-east-1', endpoint: moto.endpoint };
  const clients = new AwsClients(conn, awsClientConfig(conn, { credentials: async () => ({ accessKeyId: 'b', secretAccessKey: 'b' }), maxAttempts: 1 }));
  clients.ecs.middlewareStack.add((next, ctx) => (args) => {
    calls.push({ op: ctx.commandName.replace(/Command$/, ''), input: args.input });
    return next(args);
  }, { step: 'initialize', name: 'count', priority: 'high' });

  const pages = (n, size) => Math.max(1, Math.ceil(n / size));
  const batches = (n, size) => Math.ceil(n / size);
  const rows = [];
  async function step(name, fn, floorOf) {
    const start = calls.length;
    const t = process.hrtime.bigint();
    const result = await fn();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const made = calls.slice(start);
    const byOp = {};
    for (const c of made) byOp[c.op] = (byOp[c.op] ?? 0) + 1;
    const floor = floorOf(result);
    const floorTotal = Object.values(floor).reduce((a, b) => a + b, 0);
    rows.push({ name, made: made.length, floor: floorTotal, ms, detail: byOp, floorDetail: floor });
    return result;
  }

  const clusters = await step('first level (clusters)', () => listClusters(clients.ecs), (cs) => ({
    ListClusters: pages(cs.length, 100),
    DescribeClusters: batches(cs.length, 100),
  }));
  const contentFloor = (c) => {
    const stopped = c.tasks.filter((t) => t.desiredStatus === 'STOPPED').length;
    return {
      ListServices: pages(c.services.length, 100),
      DescribeServices: batches(c.services.length, 10),
      ListTasks: pages(c.tasks.length - stopped, 100) + pages(stopped, 100),
      DescribeTasks: batches(c.tasks.length, 100),
    };
  };
  const first = await step('expand one cluster', () => loadClusterContents(clients.ecs, clusters[0].name), contentFloor);
  const grouped = groupTasks(first.tasks, new Date());
  const svcName = first.services[0].serviceName;
  // Service and task levels come from what the cluster expansion loaded: no call.
  await step('expand one service', async () => grouped.byService.get(svcName) ?? [], () => ({}));
  await step('expand one task', async () => (grouped.byService.get(svcName) ?? [])[0]?.containers ?? [], () => ({}));
  await step('everything (all levels)', async () => {
    const cs = await listClusters(clients.ecs);
    const all = await Promise.all(cs.map((c) => loadClusterContents(clients.ecs, c.name)));
    return { cs, all };
  }, ({ cs, all }) => {
    const sum = { ListClusters: pages(cs.length, 100), DescribeClusters: batches(cs.length, 100) };
    for (const c of all) for (const [k, v] of Object.entries(contentFloor(c))) sum[k] = (sum[k] ?? 0) + v;
    return sum;
  });

  const dup = new Set();
  let repeated = 0;
  const lastStep = calls.slice(calls.length - rows.at(-1).made);
  for (const c of lastStep) {
    const key = `${c.op} ${JSON.stringify(c.input)}`;
    if (dup.has(key)) repeated++;
    dup.add(key);
  }

  console.log('');
  console.log('| step | calls made | floor | made/floor | wall time | calls by operation |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    const ratio = r.floor === 0 ? (r.made === 0 ? '—' : '∞') : (r.made / r.floor).toFixed(2);
    const detail = Object.entries(r.detail).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
    console.log(`| ${r.name} | ${r.made} | ${r.floor} | ${ratio} | ${r.ms.toFixed(0)} ms | ${detail} |`);
  }
  console.log('');
  console.log(`calls repeated within the "everything" refresh: ${repeated}`);
  console.log(`peak calls in flight: ${clients.limiter.peak} (cap ${MAX_CALLS_IN_FLIGHT})`);
  if (rows.some((r) => r.made < r.floor)) {
    console.log('(made < floor: moto answers List* with more than 100 items per page; AWS stops at 100, where made = floor)');
  }
  const atFloor = rows.every((r) => r.made <= r.floor);
  console.log(`target (calls made = floor at every step): ${atFloor && repeated === 0 ? 'met' : 'NOT met'}`);
  clients.dispose();
} finally {
  await stopAll();
  fs.rmSync(work, { recursive: true, force: true });
}
