import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { DiagnosticBag, sortDiagnostics, type ComposeDiagnostic, type SourcePos } from '../compose/diagnostics';
import { get, text } from '../compose/node';
import { UNKNOWN_ACCOUNT } from '../compose/renderService';
import { renderTaskWithDetails, type RenderDetails, type RenderInput } from '../compose/renderTask';
import { ecsVolumeName } from '../compose/volumes';
import { addAutoScaling, type ScalingSpec } from './autoScaling';
import { appTags, getAtt, ifCondition, ref, sub, type StackTemplate } from './cfn';
import { taskDefinitionProperties } from './cfnTaskDefinition';
import { databaseOf, volumeOwner } from './databases';
import { addExecutionRole } from './executionRole';
import { addFileSystems, type FileSystemUse, type NewFileSystem } from './fileSystems';
import { DEFAULT_CPU_TARGET, DEFAULT_LOG_RETENTION_DAYS, type LaunchOptions } from './launchOptions';
import { addLoadBalancer } from './loadBalancer';
import { MergedLaunch } from './mergedLaunch';
import { names as appNames } from './appNames';
import { addNetwork, type AppNetwork } from './network';
import { choosePublicPort, healthCheckPathOf } from './publicPort';
import { moveSecretsToParameters, type StackSecret } from './stackSecrets';
import { pascalId } from './names';

export interface StackRenderInput extends RenderInput {
  readonly launch: LaunchOptions;
}

export interface StackRenderResult {
  /** A plain JSON-able object; absent when any diagnostic is an error. */
  readonly template?: StackTemplate;
  /** Render's and the stack's, PATH:LINE:COL positions. */
  readonly diagnostics: ComposeDiagnostic[];
  /** When the names could be resolved. */
  readonly app?: AppSummary;
  /** Values only for `up` to store in SSM; never in the template. Empty when there are errors. */
  readonly secrets: readonly StackSecret[];
}

export interface AppSummary {
  serviceName: string;
  clusterName: string;
  stackName: string;
  family: string;
  /** Absent = private service, no load balancer. `container` is the container's name in the task. */
  publicPort?: { container: string; port: number };
  https: boolean;
  healthCheckPath?: string;
  network: AppNetwork;
  desiredCount: number;
  scaling?: { min: number; max: number; cpuTarget: number };
  /** `logicalId` is '' for a file system the stack does not own (`existingFileSystemId`, from x-ecs.efs). */
  efsVolumes: { volume: string; logicalId: string; existingFileSystemId?: string }[];
  ephemeralVolumes: string[];
  /** '/ecs-deploy/<cluster>/<service>' */
  parameterPath: string;
  /** The log group the containers write to (a resource of the stack). */
  logGroupName: string;
  /** The tag value every resource carries under `ecs-deploy:app`: '<cluster>/<service>'. */
  appId: string;
}

const CLUSTER_CONDITION = 'CreateClusterCondition';
const TASK_SECURITY_GROUP = 'TaskSecurityGroup';
const DEFAULT_GRACE_SECONDS = 60;

/** Render diagnostics the stack answers itself (it makes the execution role and the file systems; it moves secrets). */
const ANSWERED_BY_STACK = new Set(['execution-role', 'named-volume', 'secret-in-environment']);

type VolumeKind = { kind: 'efs'; logicalId: string } | { kind: 'existing'; fileSystemId: string } | { kind: 'ephemeral' };

interface VolumeInfo {
  readonly volume: string;
  readonly firstUse: SourcePos;
  kind: VolumeKind;
  /** Services that mount it, and whether they write it. */
  readonly users: Array<{ service: string; writes: boolean; pos: SourcePos }>;
}

/**
 * Compose project + launch options → the app's CloudFormation stack: the task definition render
 * makes (same rules and diagnostics), its execution role and log group, the Fargate service,
 * security groups, the load balancer, EFS for named volumes, auto scaling. Pure: account-, VPC-
 * and subnet-dependent values are parameters and pseudo parameters.
 */
export function renderStackTemplate(input: StackRenderInput): StackRenderResult {
  // The account is left out on purpose: built images become ${AWS::AccountId} URIs, and no default role is assumed.
  const rendered = renderTaskWithDetails({ ...input, options: { ...input.options, launchType: 'FARGATE', accountId: undefined } });
  const details = rendered.details;
  if (!details) return { diagnostics: rendered.diagnostics, secrets: [] };
  const diags = new DiagnosticBag();
  const { project } = details;
  const xEcs = get(project.root, 'x-ecs');
  const launch = new MergedLaunch(input.launch, xEcs, diags, project.namePos);
  const o = launch.options;
  const family = rendered.family ?? project.name;
  const app = appNames(o.cluster ?? project.name, o.service ?? family, launch);

  const publicPort = choosePublicPort(details, launch, diags);
  if (!publicPort && o.certificateArn && o.port !== 'none') launch.error(['certificateArn'], `${launch.label('certificateArn')} needs a load balancer, but no service publishes a port: choose one with --port SERVICE:CONTAINER_PORT`);
  const publicContainer = publicPort ? details.services.get(publicPort.service)?.container : undefined;
  const healthCheckPath = publicPort ? chooseHealthCheckPath(publicPort, publicContainer, launch, diags, details) : undefined;
  if (!publicPort && o.healthCheckPath) diags.warn(launch.at('healthCheckPath') ?? project.namePos, `${launch.label('healthCheckPath')} is ignored: the app has no load balancer`, 'health-check-path');

  const network: AppNetwork = o.vpc === 'new' ? { mode: 'new' } : o.vpc && o.vpc !== 'default' ? { mode: 'existing', vpcId: o.vpc, ...(o.subnets ? { subnets: o.subnets } : {}) } : { mode: 'default' };
  const volumes = classifyVolumes(details, launch, get(xEcs, 'efs'), diags);
  const scaling: ScalingSpec | undefined = o.max !== undefined ? { min: o.min ?? 1, max: o.max, cpuTarget: o.cpuTarget ?? DEFAULT_CPU_TARGET } : undefined;
  const desired = desiredCount(details, launch, scaling, diags);
  const keepOneDatabase = checkDatabaseCopies(details, volumes, launch, desired, scaling, diags);

  const fromRender = [...rendered.diagnostics.filter((d) => !ANSWERED_BY_STACK.has(d.code ?? '')), ...answered(rendered.diagnostics, app?.parameterPath)];
  const allDiagnostics = () => sortDiagnostics([...fromRender, ...diags.items]);
  const diagnostics = allDiagnostics();
  const summary: AppSummary | undefined = app && {
    serviceName: app.service,
    clusterName: app.cluster,
    stackName: app.stackName,
    family,
    ...(publicPort ? { publicPort: { container: publicPort.container, port: publicPort.port } } : {}),
    https: Boolean(publicPort && o.certificateArn),
    ...(healthCheckPath ? { healthCheckPath } : {}),
    network,
    desiredCount: desired.count,
    ...(scaling ? { scaling: { ...scaling } } : {}),
    efsVolumes: volumes
      .filter((v) => v.kind.kind !== 'ephemeral')
      .map((v) => (v.kind.kind === 'efs' ? { volume: v.volume, logicalId: v.kind.logicalId } : { volume: v.volume, logicalId: '', existingFileSystemId: (v.kind as { fileSystemId: string }).fileSystemId })),
    ephemeralVolumes: volumes.filter((v) => v.kind.kind === 'ephemeral').map((v) => v.volume),
    parameterPath: app.parameterPath,
    logGroupName: app.logGroupName,
    appId: app.appId,
  };
  if (!rendered.taskDefinition || !summary || !app || diagnostics.some((d) => d.severity === 'error')) return { diagnostics, ...(summary ? { app: summary } : {}), secrets: [] };

  // --- the template -------------------------------------------------------------------------
  const tags = appTags(app.appId);
  const t: StackTemplate = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `ECS Deploy app ${app.appId}: the compose project ${project.name} as one Fargate service`,
    Parameters: {
      CreateCluster: {
        Type: 'String',
        Description: `Whether the stack makes the cluster ${app.cluster} (false when it exists already); it is kept when the app is deleted`,
        Default: 'true',
        AllowedValues: ['true', 'false'],
      },
    },
    Conditions: { [CLUSTER_CONDITION]: { 'Fn::Equals': [ref('CreateCluster'), 'true'] } },
    Resources: {},
    Outputs: {},
  };
  const r = t.Resources;
  const net = addNetwork(t, network, tags);
  r.Cluster = {
    Type: 'AWS::ECS::Cluster',
    Condition: CLUSTER_CONDITION,
    // Other apps may share the cluster; an empty one costs nothing. Deleting the app never deletes it.
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: { ClusterName: app.cluster, Tags: tags },
  };
  r.LogGroup = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: app.logGroupName, RetentionInDays: o.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS, Tags: tags } };
  r[TASK_SECURITY_GROUP] = {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: { GroupDescription: publicPort ? `Tasks: only the load balancer, on port ${publicPort.port}` : 'Tasks: nothing comes in', VpcId: net.vpcId, Tags: tags },
  };
  const listeners = publicPort
    ? addLoadBalancer(t, { port: publicPort.port, healthCheckPath: healthCheckPath!, certificateArn: o.certificateArn, taskSecurityGroup: TASK_SECURITY_GROUP }, net, tags)
    : [];
  const newFileSystems: NewFileSystem[] = volumes.flatMap((v) => (v.kind.kind === 'efs' ? [{ volume: v.volume, logicalId: v.kind.logicalId, owner: ownerOf(v, details) }] : []));
  const fsUses = addFileSystems(t, newFileSystems, net, TASK_SECURITY_GROUP, app.appId, tags);

  const td = taskDefinitionProperties(rendered.taskDefinition);
  const givenExecutionRole = rendered.taskDefinition.executionRoleArn;
  const containers = td.ContainerDefinitions as CfnContainer[];
  const secrets = moveSecretsToParameters(containers as Parameters<typeof moveSecretsToParameters>[0], app.parameterPath);
  if (!givenExecutionRole) addExecutionRole(t, app.parameterPath, referencedSecrets(rendered.taskDefinition.containerDefinitions ?? []), tags);
  else if (secrets.length) {
    diags.warn(
      get(xEcs, 'executionRoleArn')?.pos ?? project.namePos,
      `the execution role ${givenExecutionRole} must be allowed ssm:GetParameters on ${app.parameterPath}/* to read the ${secrets.length} secret-looking variable(s) the stack moves to SSM Parameter Store`,
      'execution-role-secrets',
    );
  }
  for (const c of containers) {
    c.Image = stackImage(c.Image);
    const options = c.LogConfiguration?.Options;
    if (options) {
      options['awslogs-group'] = ref('LogGroup');
      options['awslogs-region'] = ref('AWS::Region');
    }
  }
  td.ExecutionRoleArn = givenExecutionRole ?? getAtt('ExecutionRole', 'Arn');
  td.Volumes = (td.Volumes as Array<{ Name: string; EFSVolumeConfiguration?: unknown }> | undefined)?.map((v) => {
    const use = fsUses.get(volumes.find((x) => ecsVolumeName(x.volume) === v.Name)?.volume ?? '');
    return use ? { Name: v.Name, EFSVolumeConfiguration: use.efsVolumeConfiguration } : v;
  });
  if (!td.Volumes) delete td.Volumes;
  r.TaskDefinition = { Type: 'AWS::ECS::TaskDefinition', Properties: { ...td, Tags: tags } };

  const deploymentConfiguration = {
    DeploymentCircuitBreaker: { Enable: true, Rollback: true },
    // One database on one data directory: stop the old task before the new one starts.
    ...(keepOneDatabase ? { MinimumHealthyPercent: 0, MaximumPercent: 100 } : { MinimumHealthyPercent: 100, MaximumPercent: 200 }),
  };
  const startPeriod = publicContainer?.healthCheck?.startPeriod ?? 0;
  r.Service = {
    Type: 'AWS::ECS::Service',
    // Tasks that start before their way in (listener, ingress) or their file system (mount targets, NFS ingress) fail their checks.
    DependsOn: [
      ...listeners,
      ...(publicPort ? ['TaskIngressFromLoadBalancer'] : []),
      ...[...fsUses.values()].flatMap((u: FileSystemUse) => u.mountTargets),
      ...(fsUses.size ? ['EfsIngressFromTasks'] : []),
      ...net.serviceDependsOn,
    ],
    Properties: {
      ServiceName: app.service,
      Cluster: ifCondition(CLUSTER_CONDITION, ref('Cluster'), app.cluster),
      LaunchType: 'FARGATE',
      TaskDefinition: ref('TaskDefinition'),
      DesiredCount: desired.count,
      DeploymentConfiguration: deploymentConfiguration,
      NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'ENABLED', Subnets: net.subnets, SecurityGroups: [getAtt(TASK_SECURITY_GROUP, 'GroupId')] } },
      ...(publicPort
        ? {
            LoadBalancers: [{ ContainerName: publicPort.container, ContainerPort: publicPort.port, TargetGroupArn: ref('TargetGroup') }],
            HealthCheckGracePeriodSeconds: Math.max(DEFAULT_GRACE_SECONDS, startPeriod + 30),
          }
        : {}),
      PropagateTags: 'SERVICE',
      EnableECSManagedTags: true,
      Tags: tags,
    },
  };
  if (r.Service.DependsOn!.length === 0) delete r.Service.DependsOn;
  if (scaling) addAutoScaling(t, app.cluster, scaling);

  t.Outputs = {
    ...(publicPort
      ? {
          ServiceUrl: { Description: "The app's address", Value: sub(`${o.certificateArn ? 'https' : 'http'}://\${LoadBalancer.DNSName}`) },
          LoadBalancerDnsName: { Description: "The load balancer's DNS name", Value: getAtt('LoadBalancer', 'DNSName') },
        }
      : {}),
    ServiceArn: { Description: 'The ECS service', Value: ref('Service') },
    ServiceName: { Description: 'The ECS service name', Value: getAtt('Service', 'Name') },
    ClusterName: { Description: 'The cluster the service runs in', Value: app.cluster },
    LogGroupName: { Description: "The containers' log group", Value: ref('LogGroup') },
    TaskSecurityGroupId: { Description: "The tasks' security group", Value: getAtt(TASK_SECURITY_GROUP, 'GroupId') },
    ...t.Outputs,
  };
  return { template: t, diagnostics: allDiagnostics(), app: summary, secrets };
}

interface CfnContainer {
  Name: string;
  Image: unknown;
  LogConfiguration?: { Options?: Record<string, unknown> };
}

/** A built image's ECR URI without a known account → filled in by CloudFormation for the stack's account and region. */
function stackImage(image: unknown): unknown {
  if (typeof image !== 'string') return image;
  const m = new RegExp(`^${UNKNOWN_ACCOUNT}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/(.*)$`).exec(image);
  return m ? sub(`\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com${m[1] ?? ''}/${m[2]}`) : image;
}

/** The valueFrom of every `x-ecs.secrets` entry (render put them in `secrets`). */
function referencedSecrets(containers: readonly ContainerDefinition[]): string[] {
  return containers.flatMap((c) => (c.secrets ?? []).map((s) => s.valueFrom!).filter(Boolean));
}

/** Render's findings that the stack answers, said again for what the stack does. */
function answered(items: readonly ComposeDiagnostic[], parameterPath: string | undefined): ComposeDiagnostic[] {
  return items
    .filter((d) => d.code === 'secret-in-environment')
    .map((d) => ({
      ...d,
      severity: 'info' as const,
      message: `${d.data?.variable ?? 'this variable'} looks secret: the stack reads it from SSM Parameter Store (${parameterPath ?? '/ecs-deploy/CLUSTER/SERVICE'}/…, a SecureString \`up\` writes); its value is not in the template`,
    }));
}

function chooseHealthCheckPath(publicPort: { service: string; port: number }, container: ContainerDefinition | undefined, launch: MergedLaunch, diags: DiagnosticBag, details: RenderDetails): string {
  if (launch.options.healthCheckPath) return launch.options.healthCheckPath;
  const svc = details.project.services.get(publicPort.service);
  const at = get(svc, 'healthcheck')?.pos ?? get(svc, 'ports')?.pos ?? details.project.namePos;
  const own = healthCheckPathOf(container?.healthCheck?.command, publicPort.port);
  if (own) {
    diags.info(at, `the load balancer checks ${own} on ${publicPort.service}:${publicPort.port}, the path of its own health check`, 'health-check-path');
    return own;
  }
  diags.info(at, `the load balancer checks / on ${publicPort.service}:${publicPort.port} (answers 200–399 are healthy); --health-check-path PATH chooses another`, 'health-check-path');
  return '/';
}

/** Each named volume in use: a new EFS file system, one x-ecs.efs names, or task storage (--ephemeral). */
function classifyVolumes(details: RenderDetails, launch: MergedLaunch, efs: ReturnType<typeof get>, diags: DiagnosticBag): VolumeInfo[] {
  const byName = new Map<string, VolumeInfo>();
  for (const [service, r] of details.services) {
    r.volumes.forEach((use, i) => {
      const writes = !(r.container.mountPoints?.[i]?.readOnly ?? false);
      const info = byName.get(use.volume) ?? { volume: use.volume, firstUse: use.pos, kind: { kind: 'ephemeral' }, users: [] };
      info.users.push({ service, writes, pos: use.pos });
      byName.set(use.volume, info);
    });
  }
  const ephemeral = new Set(launch.options.ephemeral ?? []);
  for (const name of ephemeral) {
    if (!byName.has(name)) {
      const inUse = [...byName.keys()];
      launch.error(['ephemeral'], `${launch.label('ephemeral')} names volume "${name}", which no service mounts (${inUse.length ? `volumes in use: ${inUse.join(', ')}` : 'no named volume is in use'})`);
    }
  }
  const ids = new Set<string>();
  for (const v of byName.values()) {
    const fsId = text(get(get(efs, v.volume), 'fileSystemId'));
    if (fsId && ephemeral.has(v.volume)) {
      launch.error(['ephemeral'], `volume "${v.volume}" is both on EFS (x-ecs efs names ${fsId}) and ${launch.label('ephemeral')}: choose one`, v.firstUse);
    }
    if (fsId) {
      v.kind = { kind: 'existing', fileSystemId: fsId };
      diags.warn(get(get(efs, v.volume), 'fileSystemId')!.pos, `the stack uses ${fsId} as it is: its mount targets must be in the app's two subnets and let in NFS (port 2049) from the tasks' security group (stack output TaskSecurityGroupId)`, 'existing-efs');
    } else if (ephemeral.has(v.volume)) {
      v.kind = { kind: 'ephemeral' };
      diags.warn(v.firstUse, `named volume ${v.volume} stays on the task's own storage (${launch.label('ephemeral')}): its data is lost whenever the task stops or is replaced`, 'ephemeral-volume', { volume: v.volume });
    } else {
      let id = `Efs${pascalId(v.volume)}`;
      for (let n = 2; ids.has(id); n++) id = `Efs${pascalId(v.volume)}${n}`;
      ids.add(id);
      v.kind = { kind: 'efs', logicalId: id };
      const owner = ownerOf(v, details);
      diags.info(
        v.firstUse,
        `named volume ${v.volume} → an encrypted EFS file system of the stack (${id}), kept when the app is deleted; ${owner ? `its directory belongs to uid ${owner.uid} (${owner.because})` : 'its directory belongs to root: if the container writes as another user, set "user: UID:GID" on the service'}`,
        'efs-volume',
        { volume: v.volume },
      );
    }
  }
  return [...byName.values()];
}

/** The user the volume's writer runs as: a database's first, else the first writer's. */
function ownerOf(v: VolumeInfo, details: RenderDetails) {
  const writers = v.users.filter((u) => u.writes).map((u) => details.services.get(u.service)!);
  const writer = writers.find((w) => databaseOf(w.container.image)) ?? writers[0];
  return writer ? volumeOwner(writer.container.image, writer.container.user) : undefined;
}

interface Desired {
  readonly count: number;
  /** Where the count comes from when it is in the compose file (x-ecs or deploy.replicas). */
  readonly pos?: SourcePos;
  readonly label: string;
}

/** `--desired`/x-ecs desiredCount, else deploy.replicas (the largest, as the services run together), else 1 (or the scaling minimum). */
function desiredCount(details: RenderDetails, launch: MergedLaunch, scaling: ScalingSpec | undefined, diags: DiagnosticBag): Desired {
  if (launch.options.desired !== undefined) return { count: launch.options.desired, pos: launch.at('desired'), label: `${launch.label('desired')} ${launch.options.desired}` };
  const replicas: Array<{ service: string; count: number; pos: SourcePos }> = [];
  for (const [service, svc] of details.project.services) {
    const node = get(get(svc, 'deploy'), 'replicas');
    if (!node) continue;
    const t = text(node);
    if (t === undefined || !/^\d+$/.test(t)) diags.error(node.pos, `deploy.replicas of "${service}" must be a whole number`, 'replicas');
    else replicas.push({ service, count: Number(t), pos: node.pos });
  }
  const top = replicas.reduce<(typeof replicas)[number] | undefined>((a, b) => (!a || b.count > a.count ? b : a), undefined);
  if (top && replicas.some((x) => x.count !== top.count)) {
    diags.warn(top.pos, `the services of one task run together: the service runs ${top.count} copies of the task (the largest deploy.replicas)`, 'replicas');
  }
  if (top) {
    const count = scaling ? Math.min(scaling.max, Math.max(scaling.min, top.count)) : top.count;
    return { count, pos: top.pos, label: `deploy.replicas ${top.count} of "${top.service}"` };
  }
  return { count: scaling?.min ?? 1, label: 'the desired count' };
}

/**
 * The trap of a database in the app's task: more than one copy of the task means more than one
 * database. On a persistent (EFS) volume that is refused; on task storage each copy has its own.
 * Returns whether deployments must keep to one task at a time (a database writes EFS).
 */
function checkDatabaseCopies(details: RenderDetails, volumes: VolumeInfo[], launch: MergedLaunch, desired: Desired, scaling: ScalingSpec | undefined, diags: DiagnosticBag): boolean {
  const copies = Math.max(desired.count, scaling?.max ?? 0);
  const kindOf = new Map(volumes.map((v) => [v.volume, v.kind.kind]));
  let onEfs = false;
  for (const [service, r] of details.services) {
    const db = databaseOf(r.container.image);
    if (!db) continue;
    const persistent = r.volumes.filter((u, i) => !r.container.mountPoints?.[i]?.readOnly && kindOf.get(u.volume) !== 'ephemeral');
    if (persistent.length) {
      onEfs = true;
      const use = persistent[0];
      diags.info(use.pos, `"${service}" (${db}) writes ${use.volume} on EFS: each deployment stops the running task before starting the new one (minimum healthy 0 %, maximum 100 %), so two databases never share the data directory; expect a short pause on each deployment`, 'database-deployment');
      if (copies > 1) {
        const setting = scaling && scaling.max > 1 ? { pos: launch.at('max'), label: `${launch.label('max')} ${scaling.max}` } : desired;
        diags.error(
          setting.pos ?? use.pos,
          `${setting.label} can run ${copies} copies of the task, but its database "${service}" (${db}) writes the volume ${use.volume} on EFS: two copies of ${db} on one data directory lock or corrupt it. ` +
            `Keep one copy, or take the database out of this task: ${managedDatabase(db)}, or the database as its own service (its own compose project, one copy); --ephemeral ${use.volume} gives every copy its own throw-away database instead`,
          'database-copies',
          { service, volume: use.volume },
        );
      }
    } else if (copies > 1) {
      const svc = details.project.services.get(service);
      diags.warn(get(svc, 'image')?.pos ?? svc!.pos, `every one of the ${copies} copies of the task runs its own, separate ${db} database "${service}" on task storage: they share no data, and it is lost when a task stops`, 'database-copies', { service });
    }
  }
  return onEfs;
}

function managedDatabase(db: string): string {
  if (/^mongo/.test(db)) return 'a managed database such as Amazon DocumentDB or MongoDB Atlas';
  if (/^(postgres|postgresql|postgis|timescaledb|mysql|mariadb|percona)$/.test(db)) return 'a managed database such as Amazon RDS or Aurora';
  if (/^(redis|redis-stack|valkey|keydb)$/.test(db)) return 'a managed store such as Amazon ElastiCache';
  return 'a managed database service';
}

