// The writer of logs.bench.mjs, in its own process so the follower's CPU time is its own:
// puts TOTAL events into STREAMS of GROUP at a steady RATE per second, with bursts of BURST
// events that share one millisecond every BURST_EVERY puts. Prints a JSON summary at the end.
import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';

const { ENDPOINT, GROUP, STREAMS, TOTAL, RATE, BURST, BURST_EVERY } = process.env;
const streams = STREAMS.split(',');
const total = Number(TOTAL);
const rate = Number(RATE);
const logs = new CloudWatchLogsClient({ endpoint: ENDPOINT, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 3 });
const TICK_MS = 100;
const t0 = Date.now();
let seq = 0;
let puts = 0;
let putMs = 0;
let tick = 0;
while (seq < total) {
  // Each tick writes rate/10 events spread over the streams; every BURST_EVERY ticks one stream
  // gets BURST events stamped with the same millisecond.
  const perTick = Math.max(1, Math.round((rate * TICK_MS) / 1000));
  for (let s = 0; s < streams.length && seq < total; s++) {
    const burst = tick % Number(BURST_EVERY) === 0 && s === tick % streams.length;
    const n = Math.min(total - seq, burst ? Number(BURST) : Math.ceil(perTick / streams.length));
    const ts = Date.now();
    const logEvents = Array.from({ length: n }, () => ({ timestamp: burst ? ts : Date.now(), message: `w${seq++} ${burst ? 'burst' : 'steady'} line of the benchmark` }));
    const p0 = Date.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: streams[s], logEvents }));
    putMs += Date.now() - p0;
    puts++;
  }
  tick++;
  const due = t0 + tick * TICK_MS;
  if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
}
logs.destroy();
process.stdout.write(JSON.stringify({ written: seq, puts, seconds: (Date.now() - t0) / 1000, meanPutMs: putMs / puts }) + '\n');
