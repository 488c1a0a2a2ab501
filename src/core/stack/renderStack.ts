import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { DiagnosticBag, sortDiagnostics, type ComposeDiagnostic } from '../compose/diagnostics';
import { get } from '../compose/node';
import { UNKNOWN_ACCOUNT } from '../compose/renderService';
import { renderTaskWithDetails, type RenderInput } from '../compose/renderTask';
import { ecsVolumeName } from '../compose/volumes';
import { names as appNames } from './appNames';
import { addAutoScaling, type ScalingSpec } from './autoScaling';
import { appTags, getAtt, ifCondition, ref, sub, type StackTemplate } from './cfn';
import { taskDefinitionProperties } from './cfnTaskDefinition';
import { addExecutionRole } from './executionRole';
import { addFileSystems, type FileSystemUse, type NewFileSystem } from './fileSystems';
import { DEFAULT_CPU_TARGET, DEFAULT_LOG_RETENTION_DAYS, type LaunchOptions } from './launchOptions';
import { addLoadBalancer } from './loadBalancer';
import { MergedLaunch } from './mergedLaunch';
import { addNetwork, type AppNetwork } from './network';
import { chooseHealthCheckPath, choosePublicPort } from './publicPort';
import { classifyVolumes, ownerOf } from './stackVolumes';
import { checkDatabaseCopies, desiredCount } from './taskCopies';
import { moveSecretsToParameters, type StackSecret } from './stackSecrets';

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
    efsVolumes: volumes.flatMap((v) =>
      v.kind.kind === 'efs'
        ? [{ volume: v.volume, logicalId: v.kind.logicalId }]
        : v.kind.kind === 'existing'
          ? [{ volume: v.volume, logicalId: '', existingFileSystemId: v.kind.fileSystemId }]
          : [],
    ),
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
