#!/usr/bin/env node
// For the build-push benchmark: runs the build-and-push flow in one long-lived Node process, as
// the extension does in the editor's extension host (modules loaded, clients made once). Reads
// one JSON request a line on stdin — {"dir", "repo"} — and answers {"ms", "reused"} or {"error"}.
// env: ECS_DEPLOY_BENCH = {"moto", "docker", "registry", "records"}
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/src');
const { buildAndPush } = require(path.join(out, 'flows/buildAndPush.js'));
const { ecrClientFor } = require(path.join(out, 'aws/ecrClient.js'));
const { createDockerClient } = require(path.join(out, 'docker/engine.js'));
const { fileBuildRecords } = require(path.join(out, 'docker/buildRecords.js'));

const env = JSON.parse(process.env.ECS_DEPLOY_BENCH);
const connection = { region: 'us-east-1', endpoint: env.moto, ecrRegistryAddress: env.registry };
const deps = {
  docker: createDockerClient(env.docker),
  dockerHost: env.docker,
  ecr: ecrClientFor(connection),
  connection,
  log: { trace() {}, debug() {}, info() {}, warn() {}, error() {} },
  progress: { report() {} },
  buildRecords: fileBuildRecords(env.records),
};

for await (const line of readline.createInterface({ input: process.stdin })) {
  const { dir, repo } = JSON.parse(line);
  const t0 = process.hrtime.bigint();
  try {
    const r = await buildAndPush({ dockerfile: path.join(dir, 'Dockerfile'), repository: repo, createRepository: true, tags: ['bench'] }, deps);
    console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - t0) / 1e6, reused: r.reused }));
  } catch (err) {
    console.log(JSON.stringify({ error: String(err?.message ?? err) }));
  }
}
