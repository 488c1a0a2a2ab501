import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DescribeTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand, type RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { renderComposeProject } from '../../../src/flows/renderCompose';
import { motoEndpoint, resetMoto, testCredentials } from '../env';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');
const PROJECTS = [
  ...fs.readdirSync(path.join(FIXTURES, 'compose'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(FIXTURES, 'compose', d.name)),
  path.join(FIXTURES, 'sample-app'),
];

/** moto (like ECS) answers an absent list with []. */
const list = <T>(x: T[] | undefined): T[] | undefined => (x && x.length ? x : undefined);

/** The fields we set, with the defaults DescribeTaskDefinition fills in left out. */
function comparable(td: RegisterTaskDefinitionCommandInput) {
  return {
    family: td.family,
    networkMode: td.networkMode,
    requiresCompatibilities: td.requiresCompatibilities,
    cpu: td.cpu,
    memory: td.memory,
    executionRoleArn: td.executionRoleArn,
    runtimePlatform: td.runtimePlatform,
    volumes: (list(td.volumes) ?? []).map((v) => ({ name: v.name, efs: v.efsVolumeConfiguration?.fileSystemId })),
    containers: (td.containerDefinitions ?? []).map((c) => ({
      name: c.name,
      image: c.image,
      essential: c.essential,
      command: list(c.command),
      environment: list(c.environment),
      secrets: list(c.secrets),
      ports: list(c.portMappings)?.map((p) => [p.containerPort, p.hostPort, p.protocol]),
      healthCheck: c.healthCheck && { ...c.healthCheck },
      dependsOn: list(c.dependsOn),
      mountPoints: list(c.mountPoints),
      log: c.logConfiguration,
    })),
  };
}

describe('compose corpus → RegisterTaskDefinition on moto', () => {
  let ecs: ECSClient;
  before(async () => {
    await resetMoto();
    ecs = new ECSClient({ endpoint: motoEndpoint(), region: 'us-east-1', credentials: testCredentials, maxAttempts: 1 });
  });
  after(() => ecs.destroy());

  for (const dir of PROJECTS) {
    it(`${path.basename(dir)}: registers and round-trips through DescribeTaskDefinition`, async () => {
      const r = renderComposeProject({
        cwd: dir,
        processEnv: {},
        profiles: ['search'],
        options: { region: 'us-east-1', executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', accountId: '123456789012' },
      });
      assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
      const input = r.taskDefinition!;
      const registered = await ecs.send(new RegisterTaskDefinitionCommand(input));
      assert.equal(registered.taskDefinition?.family, input.family);
      assert.equal(registered.taskDefinition?.revision, 1);
      const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: `${input.family}:1` }));
      assert.deepEqual(comparable(described.taskDefinition as RegisterTaskDefinitionCommandInput), comparable(input));
    });
  }
});
