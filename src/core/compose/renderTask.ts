import type { ContainerDefinition, LogConfiguration, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { DiagnosticBag, editorProfileHint, sortDiagnostics, type ComposeDiagnostic, type SourcePos } from './diagnostics';
import { renderDependsOn } from './dependsOn';
import { loadComposeProject, type ComposeProject, type LoadOptions } from './loadProject';
import { bool, get, isMap, text, type CMap } from './node';
import type { LaunchType, RenderOptions, ServiceContext } from './renderContext';
import { renderService, type RenderedService } from './renderService';
import { TOP_LEVEL_KEYS } from './serviceKeys';
import { taskSize } from './taskSize';
import { MAX_CONTAINERS, validateTaskDefinition } from './validate';
import { serviceHosts } from './serviceHosts';
import { taskVolumes } from './taskVolumes';

export interface RenderInput extends LoadOptions {
  readonly options: RenderOptions;
}

export interface RenderResult {
  /** The RegisterTaskDefinition input; absent when any diagnostic is an error. */
  readonly taskDefinition?: RegisterTaskDefinitionCommandInput;
  readonly diagnostics: ComposeDiagnostic[];
  readonly projectName?: string;
  readonly family?: string;
}

/** What render saw, for code that builds on the task (the app's stack): the project and each service's rendering. */
export interface RenderDetails {
  readonly project: ComposeProject;
  /** Compose service name → its container, ports and volume uses (with positions). */
  readonly services: ReadonlyMap<string, RenderedService>;
}

/** Compose project → one task definition: every enabled service a container of one awsvpc task. */
export function renderTaskDefinition(input: RenderInput): RenderResult {
  const result: RenderResult & { details?: RenderDetails } = { ...renderTaskWithDetails(input) };
  delete result.details;
  return result;
}

/** renderTaskDefinition, plus the project and the services as rendered (when the files could be read). */
export function renderTaskWithDetails(input: RenderInput): RenderResult & { readonly details?: RenderDetails } {
  const diags = new DiagnosticBag();
  const project = loadComposeProject(input, diags);
  if (!project) return { diagnostics: sortDiagnostics(diags.items) };
  const opts = input.options;
  const launchType = opts.launchType ?? 'FARGATE';
  checkTopLevel(project.root, diags);
  const taskX = get(project.root, 'x-ecs');
  const family = chooseFamily(project, opts, taskX, diags);
  if (!checkServiceCount(project, diags)) {
    return { diagnostics: sortDiagnostics(diags.items), projectName: project.name, details: { project, services: new Map() } };
  }
  const containerNames = containerNamesOf(project, diags);
  const rendered = renderServices(input, project, { containerNames, logGroup: opts.logGroup ?? `/ecs/${family}`, launchType }, diags);
  checkPortClashes(rendered, diags);
  applyStartOrder(project, rendered, containerNames, diags);
  const volumes = taskVolumes(rendered, get(taskX, 'efs'), launchType, diags);
  const td = assembleTask(family, launchType, rendered, taskX, opts, diags, project.taskPos);
  applyRoles(td, opts, taskX, launchType, diags, project.taskPos);
  if (volumes.length) td.volumes = volumes;

  const result = (taskDefinition?: RegisterTaskDefinitionCommandInput) => ({
    taskDefinition,
    diagnostics: sortDiagnostics(diags.items),
    projectName: project.name,
    family,
    details: { project, services: rendered },
  });
  if (diags.hasErrors) return result();
  // Never hand out something ECS would refuse: our own checks run on every output.
  const problems = validateTaskDefinition(td);
  for (const p of problems) diags.error(project.taskPos, `the rendered task definition is invalid: ${p}`, 'invalid-output');
  return result(problems.length ? undefined : td);
}

/** False when no service is enabled (nothing to render); an error too when there are more than a task holds. */
function checkServiceCount(project: ComposeProject, diags: DiagnosticBag): boolean {
  if (project.services.size === 0) {
    const profile = [...project.disabled.values()][0]?.[0] ?? 'NAME';
    diags.error(
      project.namePos,
      { cli: `no service is enabled: every service has a profile; pass --profile ${profile}`, editor: `no service is enabled: every service has a profile; ${editorProfileHint(profile)}` },
      'no-services',
    );
    return false;
  }
  if (project.services.size > MAX_CONTAINERS) {
    diags.error(get(project.root, 'services')!.pos, `${project.services.size} services, but an ECS task holds at most ${MAX_CONTAINERS} containers: leave some out with profiles`, 'too-many-services');
  }
  return true;
}

/** Compose service name → container name (ECS allows letters, digits, "-" and "_"); clashes are errors. */
function containerNamesOf(project: ComposeProject, diags: DiagnosticBag): Map<string, string> {
  const containerNames = new Map<string, string>();
  for (const [name, svc] of project.services) {
    const cn = name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 255);
    if (cn !== name) diags.warn(svc.pos, `service name "${name}" becomes container name "${cn}" (ECS allows letters, digits, "-" and "_")`, 'container-name');
    if ([...containerNames.values()].includes(cn)) diags.error(svc.pos, `two services would both be container "${cn}": rename one`, 'container-name');
    containerNames.set(name, cn);
  }
  return containerNames;
}

/** Each service as a container, logging to the task's awslogs group under its container name. */
function renderServices(
  input: RenderInput,
  project: ComposeProject,
  task: { containerNames: ReadonlyMap<string, string>; logGroup: string; launchType: LaunchType },
  diags: DiagnosticBag,
): Map<string, RenderedService> {
  const opts = input.options;
  const hosts = serviceHosts(project);
  const rendered = new Map<string, RenderedService>();
  for (const [name, svc] of project.services) {
    const xEcs = get(svc, 'x-ecs');
    if (xEcs && !isMap(xEcs)) diags.error(xEcs.pos, 'x-ecs of a service must be a mapping', 'x-ecs');
    const ctx: ServiceContext = {
      name, svc, project, opts, diags, hosts, launchType: task.launchType, env: input.env, readFile: input.readFile,
      xEcs: isMap(xEcs) ? xEcs : undefined,
    };
    const containerName = task.containerNames.get(name)!;
    const log: LogConfiguration = {
      logDriver: 'awslogs',
      options: { 'awslogs-group': task.logGroup, 'awslogs-region': opts.region, 'awslogs-stream-prefix': containerName },
    };
    rendered.set(name, renderService(ctx, containerName, log));
  }
  return rendered;
}

/** depends_on as container dependencies; one-shot services (others wait for them to finish) are not essential. */
function applyStartOrder(project: ComposeProject, rendered: Map<string, RenderedService>, containerNames: ReadonlyMap<string, string>, diags: DiagnosticBag): void {
  const { dependsOn, oneShot } = renderDependsOn(
    {
      services: project.services,
      disabled: project.disabled,
      containerName: (s) => containerNames.get(s) ?? s,
      hasHealthCheck: (s) => rendered.get(s)?.container.healthCheck !== undefined,
    },
    diags,
  );
  for (const [name, r] of rendered) {
    const deps = dependsOn.get(name);
    if (deps) r.container.dependsOn = deps;
    const explicit = bool(get(get(project.services.get(name), 'x-ecs'), 'essential'));
    r.container.essential = explicit ?? !oneShot.has(name);
  }
}

/** The task around the containers: awsvpc, its size and platform. */
function assembleTask(
  family: string,
  launchType: LaunchType,
  rendered: ReadonlyMap<string, RenderedService>,
  taskX: ReturnType<typeof get>,
  opts: RenderOptions,
  diags: DiagnosticBag,
  taskPos: SourcePos,
): RegisterTaskDefinitionCommandInput {
  const size = taskSize([...rendered.values()], launchType, taskX, diags, taskPos);
  const td: RegisterTaskDefinitionCommandInput = {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: [launchType],
    ...(size ? { cpu: String(size.cpu), memory: String(size.memory) } : {}),
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: opts.cpuArchitecture ?? 'X86_64' },
    containerDefinitions: [...rendered.values()].map((r) => r.container as ContainerDefinition),
  };
  return td;
}

/** The execution and task roles: given, else the account's ecsTaskExecutionRole (said), else a warning on Fargate. */
function applyRoles(td: RegisterTaskDefinitionCommandInput, opts: RenderOptions, taskX: ReturnType<typeof get>, launchType: LaunchType, diags: DiagnosticBag, taskPos: SourcePos): void {
  const execRole = opts.executionRoleArn ?? text(get(taskX, 'executionRoleArn'));
  const taskRole = opts.taskRoleArn ?? text(get(taskX, 'taskRoleArn'));
  if (execRole) td.executionRoleArn = execRole;
  else if (opts.accountId) {
    td.executionRoleArn = `arn:aws:iam::${opts.accountId}:role/ecsTaskExecutionRole`;
    diags.info(
      taskPos,
      { cli: `executionRoleArn defaults to ${td.executionRoleArn}`, editor: `executionRoleArn defaults to ${td.executionRoleArn}: write it as x-ecs.executionRoleArn to keep it (quick fix)` },
      'execution-role',
      { role: td.executionRoleArn },
    );
  } else if (launchType === 'FARGATE') {
    const start = 'no execution role: Fargate needs one to pull from ECR and write awslogs; ';
    diags.warn(
      taskPos,
      { cli: `${start}pass --execution-role-arn (usually arn:aws:iam::ACCOUNT:role/ecsTaskExecutionRole)`, editor: `${start}set x-ecs.executionRoleArn (usually arn:aws:iam::ACCOUNT:role/ecsTaskExecutionRole; the quick fix fills in your account)` },
      'execution-role',
    );
  }
  if (taskRole) td.taskRoleArn = taskRole;
}

function chooseFamily(project: ComposeProject, opts: RenderOptions, taskX: ReturnType<typeof get>, diags: DiagnosticBag): string {
  const raw = opts.family ?? text(get(taskX, 'family')) ?? project.name;
  const family = raw.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 255);
  if (!family) diags.error(project.namePos, { cli: 'the task family is empty: set "name:" in the compose file or pass --family', editor: 'the task family is empty: set "name:" or x-ecs.family in the compose file' }, 'family');
  else if (opts.family && family !== opts.family) diags.warn(project.namePos, `family "${opts.family}" becomes "${family}" (letters, digits, "-" and "_")`, 'family');
  return family || 'app';
}

function checkTopLevel(root: CMap, diags: DiagnosticBag): void {
  for (const e of root.entries.values()) {
    if (e.key.startsWith('x-') || !TOP_LEVEL_KEYS.has(e.key)) {
      if (!e.key.startsWith('x-')) diags.warn(e.keyPos, `unknown top-level key "${e.key}" is ignored`, 'unknown-key');
      continue;
    }
    if (e.key === 'version') diags.info(e.keyPos, '"version" is obsolete in the Compose Specification and ignored', 'ignored-key');
    if (e.key === 'include') diags.error(e.keyPos, '"include" is not supported yet: pass the files with -f instead', 'include');
  }
}


function checkPortClashes(rendered: Map<string, RenderedService>, diags: DiagnosticBag): void {
  const owner = new Map<string, string>();
  for (const [name, r] of rendered) {
    for (const p of r.ports) {
      const key = `${p.mapping.containerPort}/${p.mapping.protocol}`;
      const first = owner.get(key);
      if (first) {
        diags.error(
          p.pos,
          `"${name}" and "${first}" both listen on port ${key}: containers of one task share the network, so two cannot use the same port; change one service's port`,
          'port-clash',
        );
      } else owner.set(key, name);
    }
  }
}


export type { SourcePos };
