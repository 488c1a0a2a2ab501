import fs from 'node:fs';
import path from 'node:path';
import { templateToYaml } from '../../core/stack/index';
import { renderComposeStack } from '../../flows/renderCompose';
import type { CommandContext } from '../command';
import { imageOverrides, list, renderRegion, str, composeSource, refuseArguments } from './composeArgs';
import { parseLaunchArgs, reportStackDiagnostics } from './launchArgs';

export async function run(ctx: CommandContext): Promise<number> {
  const { io, args, log } = ctx;
  const v = args.values;
  refuseArguments('template', args.positionals);
  const images = imageOverrides(list(v.image));
  const launch = parseLaunchArgs(v);
  // The region only fills what render needs offline; the template itself uses AWS::Region.
  const region = await renderRegion(ctx);
  const cwd = process.cwd();
  const result = renderComposeStack({
    ...composeSource(v, io.env),
    options: { region, images, family: str(v.family) },
    launch,
  });
  reportStackDiagnostics(io, result.diagnostics, cwd);
  if (!result.template) return 1;
  const yaml = templateToYaml(result.template).trimEnd();
  const out = str(v.output);
  if (out) {
    fs.writeFileSync(path.resolve(cwd, out), yaml + '\n');
    log.info(`wrote ${out} (stack ${result.app!.stackName})`);
  } else io.stdout(yaml);
  return 0;
}
