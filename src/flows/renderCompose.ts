import fs from 'node:fs';
import path from 'node:path';
import {
  listBuildTargets,
  parseEnvFile,
  renderTaskDefinition,
  type BuildTarget,
  type ComposeFile,
  type FileReader,
  type RenderOptions,
  type RenderResult,
} from '../core/compose/index';
import { renderStackTemplate, type LaunchOptions, type StackRenderResult } from '../core/stack/index';
import { UserError } from '../core/userError';

/** Files `docker compose` looks for, in its order, and the override that goes with each. */
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

export interface RenderComposeRequest {
  /** `-f` files in order (relative to cwd); empty = the default file of the project directory plus its override. */
  readonly files?: readonly string[];
  readonly projectDirectory?: string;
  /** Replaces the project's `.env`. */
  readonly envFile?: string;
  readonly profiles?: readonly string[];
  readonly processEnv: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly options: RenderOptions;
  /** Defaults to the file system; the extension passes one that prefers unsaved editor text. */
  readonly readFile?: FileReader;
}

export interface RenderComposeResult extends RenderResult {
  readonly files: readonly string[];
  readonly projectDirectory: string;
}

/** Reads a file as UTF-8; undefined when it is missing or a folder. */
export const readFileOrUndefined: FileReader = (p) => {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
};

/** The compose files `docker compose` would use in a folder: the first default file and its override. */
export function defaultComposeFiles(dir: string, exists: (p: string) => boolean = fs.existsSync): string[] {
  const main = DEFAULT_FILES.find((f) => exists(path.join(dir, f)));
  if (!main) return [];
  const ext = path.extname(main);
  const override = [`${path.basename(main, ext)}.override.yaml`, `${path.basename(main, ext)}.override.yml`].find((f) => exists(path.join(dir, f)));
  return [main, ...(override ? [override] : [])].map((f) => path.join(dir, f));
}

/**
 * Resolves the compose files, the project directory and the environment (.env or --env-file,
 * process environment winning) as `docker compose` does, then runs the pure converter with a
 * reader for env files and `extends` files.
 */
export function renderComposeProject(req: RenderComposeRequest): RenderComposeResult {
  const input = composeInput(req);
  const result = renderTaskDefinition({ ...input, options: req.options });
  return { ...result, files: input.files.map((f) => f.path), projectDirectory: input.projectDirectory };
}

export interface RenderStackRequest extends RenderComposeRequest {
  /** INFRA options given by the caller; they win over the compose file's top-level x-ecs. */
  readonly launch: LaunchOptions;
}

export interface RenderStackResult extends StackRenderResult {
  readonly files: readonly string[];
  readonly projectDirectory: string;
}

/** The app's CloudFormation stack from the compose project, read as `docker compose` reads it. */
export function renderComposeStack(req: RenderStackRequest): RenderStackResult {
  const input = composeInput(req);
  const result = renderStackTemplate({ ...input, options: req.options, launch: req.launch });
  return { ...result, files: input.files.map((f) => f.path), projectDirectory: input.projectDirectory };
}

/** The services Compose would build (`build:`), with their contexts, Dockerfiles and ECR repositories. */
export function composeBuildTargets(req: Omit<RenderComposeRequest, 'options'>): BuildTarget[] {
  return listBuildTargets(composeInput(req));
}

/** The files, project directory and environment of a compose project, read as `docker compose` does. */
export function composeInput(req: Omit<RenderComposeRequest, 'options'>) {
  const readFile = req.readFile ?? readFileOrUndefined;
  const given = (req.files ?? []).map((f) => path.resolve(req.cwd, f));
  const projectDirectory = path.resolve(req.cwd, req.projectDirectory ?? (given.length ? path.dirname(given[0]) : '.'));
  const files = given.length ? given : defaultComposeFiles(projectDirectory, (p) => readFile(p) !== undefined);
  if (files.length === 0) {
    throw new UserError(`no compose file in ${projectDirectory}: expected one of ${DEFAULT_FILES.join(', ')}, or pass -f FILE`);
  }
  const composeFiles: ComposeFile[] = files.map((file) => {
    const text = readFile(file);
    if (text === undefined) throw new UserError(`compose file ${file} not found`);
    return { path: file, text };
  });
  const env = projectEnvironment(projectDirectory, req, readFile);
  return { files: composeFiles, projectDirectory, env, profiles: req.profiles ?? [], readFile };
}

function projectEnvironment(projectDirectory: string, req: Omit<RenderComposeRequest, 'options'>, readFile: FileReader): Record<string, string | undefined> {
  const envPath = req.envFile ? path.resolve(req.cwd, req.envFile) : path.join(projectDirectory, '.env');
  const text = readFile(envPath);
  if (text === undefined && req.envFile) throw new UserError(`env file ${envPath} not found`);
  const fromFile = text === undefined ? [] : parseEnvFile(envPath, text, req.processEnv);
  const env: Record<string, string | undefined> = {};
  for (const e of fromFile) env[e.name] = e.value;
  // The shell wins over .env, as in Compose.
  for (const [k, v] of Object.entries(req.processEnv)) if (v !== undefined) env[k] = v;
  return env;
}

/** The account id in a role ARN, so the default execution role and ECR URIs can be filled in offline. */
export function accountFromArn(arn: string | undefined): string | undefined {
  return arn ? /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(arn)?.[1] : undefined;
}
