// What the sandbox adds to its Docker and ECR stand-ins so Build and Push works on the sample app
// without network: a local `node:20-alpine` stand-in for the sample Dockerfile's FROM, and a
// mirror that tells moto's ECR about images pushed to the registry standing in for ECR's (real
// ECR knows a pushed image at once; moto never sees the registry).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DescribeRepositoriesCommand, ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';

const NODE_STAND_IN = `#!/bin/sh
# ECS Deploy sandbox: a stand-in for Node.js (nothing can be pulled here).
case "$1" in
  -v|--version) echo "v20.0.0 (ECS Deploy sandbox stand-in, not Node.js)"; exit 0 ;;
esac
echo "node $* — ECS Deploy sandbox stand-in: this image has no Node.js; nothing runs"
`;

const NPM_STAND_IN = `#!/bin/sh
# ECS Deploy sandbox: a stand-in for npm (no registry is reachable here).
echo "npm $* — ECS Deploy sandbox stand-in: nothing is installed (no network in the sandbox)"
`;

/**
 * Builds `tag` (default node:20-alpine) from the busybox base image with `node` and `npm`
 * stand-in scripts, so `FROM node:20-alpine` + `RUN npm ci --omit=dev` build offline.
 */
export function buildNodeStandIn(dockerHost, workDir, baseImage, tag = 'node:20-alpine') {
  const dir = path.join(workDir, 'node-stand-in');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'node'), NODE_STAND_IN, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'npm'), NPM_STAND_IN, { mode: 0o755 });
  fs.writeFileSync(
    path.join(dir, 'Dockerfile'),
    [
      `FROM ${baseImage}`,
      'COPY node npm /usr/local/bin/',
      'ENV PATH=/usr/local/bin:/bin NODE_VERSION=20.0.0-sandbox-stand-in',
      'LABEL org.opencontainers.image.description="ECS Deploy sandbox stand-in for node:20-alpine (busybox + node/npm stubs)"',
      'CMD ["node"]',
      '',
    ].join('\n'),
  );
  const r = spawnSync('docker', ['-H', dockerHost, 'build', '-q', '-t', tag, dir], {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
  });
  if (r.status !== 0) throw new Error(`could not build the ${tag} stand-in: ${r.stderr || r.stdout}`);
  return tag;
}

const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

/**
 * Every `intervalMs`, for each repository moto's ECR has: the tags the registry holds, put into
 * moto with the registry's own manifest and digest (PutImage), so DescribeImages lists what was
 * pushed, pinned by the same digest the push reported. Returns stop().
 */
export function mirrorRegistryToEcr({ registry, user, password, endpoint, region = 'us-east-1', intervalMs = 2000, log = () => undefined }) {
  const ecr = new ECRClient({ endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const known = new Map(); // "repo:tag" → digest already in moto
  let timer;
  let stopped = false;

  async function once() {
    const repos = (await ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? [];
    for (const { repositoryName: name } of repos) {
      const list = await fetch(`http://${registry}/v2/${name}/tags/list`, { headers: { authorization: auth } });
      if (!list.ok) continue; // nothing pushed yet
      const tags = (await list.json()).tags ?? [];
      for (const tag of tags) {
        const res = await fetch(`http://${registry}/v2/${name}/manifests/${tag}`, { headers: { authorization: auth, accept: MANIFEST_TYPES } });
        if (!res.ok) continue;
        const digest = res.headers.get('docker-content-digest');
        const manifest = await res.text();
        if (!digest || known.get(`${name}:${tag}`) === digest) continue;
        await ecr.send(
          new PutImageCommand({
            repositoryName: name,
            imageTag: tag,
            imageManifest: manifest,
            imageManifestMediaType: res.headers.get('content-type') ?? undefined,
            imageDigest: digest,
          }),
        );
        known.set(`${name}:${tag}`, digest);
        log(`ECR (moto) now lists ${name}:${tag} ${digest.slice(0, 19)}…`);
      }
    }
  }

  const loop = async () => {
    try {
      await once();
    } catch (err) {
      if (!stopped) log(`ECR mirror: ${err.message}`);
    }
    if (!stopped) timer = setTimeout(loop, intervalMs);
  };
  void loop();
  return () => {
    stopped = true;
    clearTimeout(timer);
    ecr.destroy();
  };
}
