// A fault-injecting HTTP proxy in front of moto, for tests of how the product behaves on a bad
// day: throttling with the real error shapes of AWS's JSON and query protocols, connections dropped
// before anything is forwarded (so nothing is ever done twice), answers lost after the call ran,
// a black hole (accepts, never answers) and slow answers. Decisions come from a seeded generator,
// so a run can be repeated; every decision is counted.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FaultPlan {
  /** Fraction of calls answered with the protocol's throttling error (not forwarded). */
  readonly throttle?: number;
  /** Fraction of calls whose connection is closed before forwarding: the client sees ECONNRESET. */
  readonly drop?: number;
  /**
   * Fraction of calls forwarded, then their connection closed without the answer: the call ran
   * but the client cannot know. Only for calls `loseAnswerOf` selects.
   */
  readonly loseAnswer?: number;
  readonly loseAnswerOf?: (operation: string) => boolean;
  /** Accept every connection and never answer. */
  readonly blackHole?: boolean;
  /** Fraction of calls delayed by `slowMs` before forwarding. */
  readonly slow?: number;
  readonly slowMs?: number;
  /** Faults apply for this long after the plan is set (a throttled period), then calls pass. */
  readonly periodMs?: number;
  /** Seed of the decisions; the same seed and call order give the same faults. */
  readonly seed?: number;
}

export interface FaultStats {
  calls: number;
  forwarded: number;
  throttled: number;
  dropped: number;
  answersLost: number;
  blackHoled: number;
  slowed: number;
  /** Calls per operation ("ECS.RegisterTaskDefinition", "CloudFormation.CreateStack"). */
  byOperation: Record<string, number>;
}

export interface FaultProxy {
  /** The endpoint to give clients: http://127.0.0.1:PORT */
  readonly url: string;
  readonly stats: FaultStats;
  /** Replaces the plan (and restarts its period); counters keep counting. */
  setPlan(plan: FaultPlan): void;
  resetStats(): void;
  close(): Promise<void>;
}

/** mulberry32: small, fast, good enough to pick faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Protocol = 'json' | 'query' | 'ec2';

interface Call {
  readonly protocol: Protocol;
  /** "ECS.ListClusters" for the JSON protocol, "CloudFormation.CreateStack" for query. */
  readonly operation: string;
}

const QUERY_SERVICES: Record<string, string> = {
  '2010-05-15': 'CloudFormation',
  '2015-12-01': 'ELBv2',
  '2011-06-15': 'STS',
  '2014-11-06': 'SSM',
  '2016-11-15': 'EC2',
};

/** Which protocol and operation a request is, from its headers and body. */
export function classify(headers: http.IncomingHttpHeaders, body: string): Call {
  const target = headers['x-amz-target'];
  if (typeof target === 'string') {
    const [prefix, op] = target.split('.');
    const service = /ContainerService/i.test(prefix) ? 'ECS' : /ContainerRegistry/i.test(prefix) ? 'ECR' : /Logs/i.test(prefix) ? 'Logs' : prefix;
    return { protocol: 'json', operation: `${service}.${op}` };
  }
  const form = new URLSearchParams(body);
  const version = form.get('Version') ?? '';
  const service = QUERY_SERVICES[version] ?? 'Query';
  return { protocol: service === 'EC2' ? 'ec2' : 'query', operation: `${service}.${form.get('Action') ?? 'Unknown'}` };
}

let requestIds = 0;
const requestId = () => `fault-${Date.now().toString(16)}-${(++requestIds).toString(16)}`;

/** The answer AWS gives a throttled call, in the shape of the call's protocol. */
export function throttlingAnswer(protocol: Protocol): { status: number; headers: Record<string, string>; body: string } {
  const id = requestId();
  if (protocol === 'json') {
    return {
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'ThrottlingException', 'x-amzn-requestid': id },
      body: JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }),
    };
  }
  if (protocol === 'ec2') {
    return {
      status: 503,
      headers: { 'content-type': 'text/xml;charset=UTF-8' },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>${id}</RequestID></Response>`,
    };
  }
  return {
    status: 400,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id },
    body:
      `<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">\n` +
      `  <Error>\n    <Type>Sender</Type>\n    <Code>Throttling</Code>\n    <Message>Rate exceeded</Message>\n  </Error>\n` +
      `  <RequestId>${id}</RequestId>\n</ErrorResponse>\n`,
  };
}

const emptyStats = (): FaultStats => ({ calls: 0, forwarded: 0, throttled: 0, dropped: 0, answersLost: 0, blackHoled: 0, slowed: 0, byOperation: {} });

/** Starts the proxy on 127.0.0.1 (a free port) in front of `target` (moto's endpoint). */
export async function startFaultProxy(target: string, initial: FaultPlan = {}): Promise<FaultProxy> {
  const upstream = new URL(target);
  let plan = initial;
  let planSetAt = Date.now();
  let random = seededRandom(initial.seed ?? 1);
  let stats = emptyStats();
  const sockets = new Set<Socket>();

  const active = () => plan.periodMs === undefined || Date.now() - planSetAt < plan.periodMs;
  const roll = (fraction: number | undefined) => {
    // Always draw, so one decision does not shift the others' sequence.
    const r = random();
    return fraction !== undefined && fraction > 0 && r < fraction;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const call = classify(req.headers, body.toString('utf8'));
      stats.calls++;
      stats.byOperation[call.operation] = (stats.byOperation[call.operation] ?? 0) + 1;
      if (plan.blackHole) {
        stats.blackHoled++;
        return; // accepted, never answered
      }
      const faulty = active();
      const throttle = roll(plan.throttle) && faulty;
      const drop = roll(plan.drop) && faulty;
      const slow = roll(plan.slow) && faulty;
      const lose = roll(plan.loseAnswer) && faulty && (plan.loseAnswerOf?.(call.operation) ?? true);
      if (drop) {
        stats.dropped++;
        req.socket.destroy();
        return;
      }
      if (throttle) {
        stats.throttled++;
        const a = throttlingAnswer(call.protocol);
        res.writeHead(a.status, { ...a.headers, 'content-length': Buffer.byteLength(a.body) });
        res.end(a.body);
        return;
      }
      const forward = () => {
        stats.forwarded++;
        const headers = { ...req.headers, host: upstream.host };
        const out = http.request(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
          (answer) => {
            if (lose) {
              // The call ran; its answer never reaches the client.
              stats.answersLost++;
              answer.resume();
              answer.on('end', () => req.socket.destroy());
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        out.on('error', () => req.socket.destroy());
        out.end(body);
      };
      if (slow) {
        stats.slowed++;
        setTimeout(forward, plan.slowMs ?? 2000);
      } else forward();
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get stats() {
      return stats;
    },
    setPlan(next: FaultPlan) {
      plan = next;
      planSetAt = Date.now();
      random = seededRandom(next.seed ?? 1);
    },
    resetStats() {
      stats = emptyStats();
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** "calls 212, throttled 61, dropped 9, …": for the test log and the report. */
export function formatStats(s: FaultStats): string {
  return `calls ${s.calls}, forwarded ${s.forwarded}, throttled ${s.throttled}, dropped ${s.dropped}, answers lost ${s.answersLost}, black-holed ${s.blackHoled}, slowed ${s.slowed}`;
}
