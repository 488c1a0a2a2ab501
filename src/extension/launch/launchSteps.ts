import * as vscode from 'vscode';
import type { RenderInput } from '../../core/compose/renderTask';
import { launchChoices, launchProblem, type LaunchChoices } from '../../core/stack/launchChoices';
import { DEFAULT_CPU_TARGET, launchValueProblem, type LaunchOptions } from '../../core/stack/launchOptions';
import type { AccountFacts } from '../../flows/stack/accountFacts';
import { MultiStepInput, type Step } from './multiStepInput';

interface State {
  readonly input: RenderInput;
  readonly facts: AccountFacts;
  answers: LaunchOptions;
}

export const LAUNCH_TITLE = 'Launch on ECS';
const STEPS = 6;
type Item<T> = vscode.QuickPickItem & { value: T };

const choices = (s: State): LaunchChoices => launchChoices(s.input, s.answers);

const service: Step<State> = async (input, s) => {
  const value = await input.inputBox({
    step: 1,
    prompt: 'ECS service name (also names the stack, its log group and its secrets path)',
    value: s.answers.service ?? choices(s).app?.serviceName ?? '',
    validate: (v) => (v ? launchValueProblem('service', v) : 'A service needs a name'),
  });
  s.answers = { ...s.answers, service: value };
  return cluster;
};

const cluster: Step<State> = async (input, s) => {
  const wanted = s.answers.cluster ?? choices(s).app?.clusterName ?? '';
  const items: Item<string | undefined>[] = s.facts.clusters.map((c) => ({ label: c, description: 'existing cluster', value: c }));
  if (wanted && !s.facts.clusters.includes(wanted)) items.unshift({ label: `$(add) New cluster: ${wanted}`, description: 'Fargate, made by the stack (kept when the app is deleted)', value: wanted });
  items.push({ label: '$(edit) New cluster with another name…', value: undefined });
  const picked = await input.pick({ step: 2, placeholder: 'Cluster the service runs in', items, active: items.find((i) => i.value === wanted) });
  let name = picked.value;
  if (name === undefined) {
    name = await input.inputBox({ step: 2, prompt: 'Name of the new cluster', value: wanted, validate: (v) => (v ? launchValueProblem('cluster', v) : 'A cluster needs a name') });
  }
  s.answers = { ...s.answers, cluster: name };
  return network;
};

const network: Step<State> = async (input, s) => {
  const pair = s.facts.defaultSubnets;
  const defaultVpc = s.facts.vpcs.find((v) => v.isDefault);
  const items: Item<string>[] = [];
  if (defaultVpc) {
    items.push({
      label: 'Default VPC',
      description: pair ? `${defaultVpc.id} · subnets in ${pair[0].zone} and ${pair[1].zone}` : `${defaultVpc.id} · needs subnets in two zones`,
      detail: 'Tasks get a public IP to pull images; no NAT gateway (about $33 a month) is needed.',
      value: 'default',
    });
  }
  items.push({ label: 'New VPC', description: '10.0.0.0/16 with two public subnets in two zones', detail: 'Made by the stack, with an internet gateway and routes; deleted with the app.', value: 'new' });
  for (const v of s.facts.vpcs.filter((x) => !x.isDefault)) items.push({ label: `Existing VPC ${v.id}`, description: [v.name, v.cidr].filter(Boolean).join(' · '), value: v.id });
  const wanted = s.answers.vpc ?? (defaultVpc && pair ? 'default' : 'new');
  const picked = await input.pick({ step: 3, placeholder: 'Network of the tasks and the load balancer', items, active: items.find((i) => i.value === wanted) });
  s.answers = { ...s.answers, vpc: picked.value, subnets: undefined };
  return port;
};

const port: Step<State> = async (input, s) => {
  const c = choices(s);
  const items: Item<string>[] = c.ports.map((p) => ({
    label: `${p.service}:${p.port}`,
    description: 'Application Load Balancer, internet-facing',
    detail: `HTTP :80 → ${p.service}:${p.port}${p.healthCheckPath ? `, health check ${p.healthCheckPath} (from its compose health check)` : ''}`,
    value: `${p.service}:${p.port}`,
  }));
  items.push({ label: 'No load balancer', description: 'a private service', detail: 'Nothing reaches it from the internet (a worker, a queue consumer).', value: 'none' });
  const current = s.answers.port ?? (c.app?.publicPort ? `${c.app.publicPort.container}:${c.app.publicPort.port}` : undefined);
  const picked = await input.pick({ step: 4, placeholder: 'What the load balancer serves', items, active: items.find((i) => i.value === current) ?? items[0] });
  s.answers = { ...s.answers, port: picked.value };
  if (picked.value === 'none') {
    s.answers = { ...s.answers, healthCheckPath: undefined, certificateArn: undefined };
    return volumes;
  }
  const fromCompose = c.ports.find((p) => `${p.service}:${p.port}` === picked.value)?.healthCheckPath;
  const path = await input.inputBox({
    step: 4,
    prompt: 'Health check path: the load balancer sends traffic only to tasks that answer it with 200–399',
    value: s.answers.healthCheckPath ?? fromCompose ?? '/',
    validate: (v) => launchValueProblem('healthCheckPath', v),
  });
  s.answers = { ...s.answers, healthCheckPath: path };
  if (s.facts.certificates.length) {
    const certs: Item<string | undefined>[] = [
      { label: 'HTTP only', description: 'port 80', value: undefined },
      ...s.facts.certificates.map((cert) => ({ label: `HTTPS with ${cert.domain}`, description: 'port 443, and 80 redirects to it', detail: cert.arn, value: cert.arn })),
    ];
    const chosen = await input.pick({ step: 4, placeholder: 'HTTPS (ACM certificates of this region)', items: certs, active: certs.find((x) => x.value === s.answers.certificateArn) ?? certs[0] });
    s.answers = { ...s.answers, certificateArn: chosen.value };
  }
  return volumes;
};

const volumes: Step<State> = async (input, s) => {
  const c = choices(s);
  if (!c.volumes.length) return scaling;
  const items: Item<string>[] = c.volumes.map((v) => ({
    label: v.name,
    description: v.database ? `${v.database} data` : v.writers.length ? `written by ${v.writers.join(', ')}` : 'read only',
    detail: 'Checked: persistent on EFS, encrypted, kept when the app is deleted. Unchecked: task storage, lost when the task stops.',
    value: v.name,
  }));
  const ephemeral = new Set(s.answers.ephemeral ?? c.app?.ephemeralVolumes ?? []);
  const kept = await input.pickMany({ step: 5, placeholder: 'Named volumes to keep on EFS (persistent)', items, checked: items.filter((i) => !ephemeral.has(i.value)) });
  const onTask = items.filter((i) => !kept.includes(i)).map((i) => i.value);
  s.answers = { ...s.answers, ephemeral: onTask.length ? onTask : undefined };
  return scaling;
};

const scaling: Step<State> = async (input, s) => {
  const c = choices(s);
  // The database trap is refused here, with its reason, before the user types numbers.
  const trap = launchProblem(s.input, { ...s.answers, desired: undefined, min: 1, max: 2, cpuTarget: DEFAULT_CPU_TARGET });
  const items: Item<'fixed' | 'auto'>[] = [
    { label: 'A fixed number of tasks', description: `${s.answers.desired ?? c.app?.desiredCount ?? 1}`, value: 'fixed' },
    trap
      ? { label: 'Auto scaling on CPU', description: '$(error) not for this app', detail: trap, value: 'auto' }
      : { label: 'Auto scaling on CPU', description: 'a range of tasks, following average CPU', value: 'auto' },
  ];
  const picked = await input.pick({
    step: 6,
    placeholder: 'How many copies of the task run',
    items,
    active: items[s.answers.max !== undefined && !trap ? 1 : 0],
    validate: (item) => {
      if (item.value !== 'auto' || !trap) return undefined;
      void vscode.window.showWarningMessage(trap);
      return `Auto scaling is not available: ${trap}`;
    },
  });
  if (picked.value === 'fixed') {
    const n = await input.inputBox({
      step: 6,
      prompt: 'Tasks to run',
      value: String(s.answers.desired ?? c.app?.desiredCount ?? 1),
      validate: (v) => (!/^\d+$/.test(v) ? 'A whole number' : launchProblem(s.input, { ...s.answers, desired: Number(v), min: undefined, max: undefined, cpuTarget: undefined })),
    });
    s.answers = { ...s.answers, desired: Number(n), min: undefined, max: undefined, cpuTarget: undefined };
    return undefined;
  }
  const range = await input.inputBox({
    step: 6,
    prompt: 'Tasks: MIN-MAX, and the average CPU to keep, e.g. "1-4 at 70%"',
    value: `${s.answers.min ?? 1}-${s.answers.max ?? 4} at ${s.answers.cpuTarget ?? DEFAULT_CPU_TARGET}%`,
    validate: (v) => {
      const r = parseRange(v);
      return r ? launchProblem(s.input, { ...s.answers, desired: undefined, ...r }) : 'Write it as MIN-MAX at CPU%, e.g. 1-4 at 70%';
    },
  });
  s.answers = { ...s.answers, desired: undefined, ...parseRange(range)! };
  return undefined;
};

/** "1-4 at 70%" → min 1, max 4, cpu target 70. */
export function parseRange(text: string): { min: number; max: number; cpuTarget: number } | undefined {
  const m = /^\s*(\d+)\s*-\s*(\d+)\s*(?:at\s*(\d+(?:\.\d+)?)\s*%?)?\s*$/i.exec(text);
  if (!m) return undefined;
  return { min: Number(m[1]), max: Number(m[2]), cpuTarget: m[3] ? Number(m[3]) : DEFAULT_CPU_TARGET };
}

/**
 * The six Launch steps (Back works, every step has a default Enter accepts). Starts from the
 * compose file's x-ecs answers; returns all answers, or throws an AbortError on Escape.
 */
export async function askLaunchAnswers(renderInput: RenderInput, facts: AccountFacts, start: LaunchOptions): Promise<LaunchOptions> {
  const state = await MultiStepInput.run<State>(LAUNCH_TITLE, STEPS, service, { input: renderInput, facts, answers: { ...start } });
  return state.answers;
}
