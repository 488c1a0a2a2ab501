import fs from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, type CpuArchitecture, type LaunchType } from '../../core/compose/index';
import { accountFromArn, renderComposeProject } from '../../flows/renderCompose';
import { UsageError } from '../args';
import type { CommandContext } from '../command';
import { composeSource, imageOverrides, list, renderRegion, shownPath, str, refuseArguments } from './composeArgs';

function choice<T extends string>(value: string | undefined, option: string, allowed: Record<string, T>): T | undefined {
  if (value === undefined) return undefined;
  const v = allowed[value.toLowerCase()];
  if (!v) throw new UsageError(`--${option} must be ${Object.keys(allowed).join(' or ')}, not '${value}'`);
  return v;
}

export async function run(ctx: CommandContext): Promise<number> {
  const { io, args, log } = ctx;
  const v = args.values;
  refuseArguments('render', args.positionals);
  const launchType = choice<LaunchType>(str(v['launch-type']), 'launch-type', { fargate: 'FARGATE', ec2: 'EC2' });
  const cpuArchitecture = choice<CpuArchitecture>(str(v['cpu-architecture']), 'cpu-architecture', { x86_64: 'X86_64', arm64: 'ARM64' });
  const images = imageOverrides(list(v.image));
  // The region only fills awslogs-region: read it like every command, without calling AWS.
  const region = await renderRegion(ctx);
  const executionRoleArn = str(v['execution-role-arn']);
  const taskRoleArn = str(v['task-role-arn']);
  const source = composeSource(v, io.env);
  const { cwd } = source;
  const result = renderComposeProject({
    ...source,
    options: {
      region,
      launchType,
      cpuArchitecture,
      images,
      family: str(v.family),
      executionRoleArn,
      taskRoleArn,
      logGroup: str(v['log-group']),
      accountId: accountFromArn(executionRoleArn) ?? accountFromArn(taskRoleArn),
    },
  });
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(d, shownPath(d.file, cwd)));
  if (!result.taskDefinition) return 1;
  const json = JSON.stringify(result.taskDefinition, null, 2);
  const out = str(v.output);
  if (out) {
    fs.writeFileSync(path.resolve(cwd, out), json + '\n');
    log.info(`wrote ${out} (family ${result.family})`);
  } else io.stdout(json);
  return 0;
}
