import * as path from 'node:path';
import { DiagnosticBag, type SourcePos } from './diagnostics';
import { interpolateTree, type EnvMap } from './interpolate';
import { mergeNodes, mergeServices } from './merge';
import { get, isMap, isSeq, text, type CMap, type CNode } from './node';
import { parseComposeYaml } from './parseYaml';

/** Reads a file the converter needs (compose files for `extends`, env files); undefined when missing. Injected: core does no I/O. */
export type FileReader = (absolutePath: string) => string | undefined;

export interface ComposeFile {
  /** Absolute path; diagnostics carry it. */
  readonly path: string;
  readonly text: string;
}

export interface LoadOptions {
  readonly files: readonly ComposeFile[];
  readonly projectDirectory: string;
  /** Process environment merged with .env (process wins), as Compose does. */
  readonly env: EnvMap;
  readonly profiles: readonly string[];
  readonly readFile: FileReader;
}

export interface ComposeProject {
  readonly name: string;
  readonly namePos: SourcePos;
  /** Where task-level findings belong: the top-level x-ecs key, else name:, else services:. */
  readonly taskPos: SourcePos;
  readonly root: CMap;
  /** Enabled services in file order, `extends` resolved. */
  readonly services: ReadonlyMap<string, CMap>;
  /** Services left out because no enabled profile names them. */
  readonly disabled: ReadonlyMap<string, readonly string[]>;
  readonly disabledServiceNames: ReadonlySet<string>;
  readonly mainFiles: ReadonlySet<string>;
  readonly projectDirectory: string;
}

/** Parses, interpolates and merges the files, resolves `extends` and profiles. Undefined when a file cannot be read as YAML. */
export function loadComposeProject(opts: LoadOptions, diags: DiagnosticBag): ComposeProject | undefined {
  let root: CNode | undefined;
  for (const f of opts.files) {
    const doc = parseFile(f.path, f.text, opts.env, diags);
    if (!doc) return undefined;
    root = root ? mergeNodes(root, doc) : doc;
  }
  const top: SourcePos = { file: opts.files[0]?.path ?? path.join(opts.projectDirectory, 'compose.yaml'), line: 1, col: 1 };
  if (!root || !isMap(root)) {
    diags.error(top, 'a compose file must be a mapping with a "services" key', 'no-services');
    return undefined;
  }
  const servicesNode = get(root, 'services');
  if (!isMap(servicesNode) || servicesNode.entries.size === 0) {
    diags.error(servicesNode?.pos ?? top, 'no services defined: add a "services:" mapping with at least one service', 'no-services');
    return undefined;
  }
  const nameNode = get(root, 'name');
  const servicesKey = root.entries.get('services')?.keyPos;
  const rawName = text(nameNode) ?? opts.env.COMPOSE_PROJECT_NAME ?? path.basename(opts.projectDirectory);
  const active = new Set([...opts.profiles, ...(opts.env.COMPOSE_PROFILES ?? '').split(',').map((p) => p.trim())].filter(Boolean));
  const services = new Map<string, CMap>();
  const disabled = new Map<string, string[]>();
  const resolver = new ExtendsResolver(opts, diags);
  for (const [name, e] of servicesNode.entries) {
    if (!isMap(e.value)) {
      diags.error(e.value.pos, `service "${name}" must be a mapping`, 'service-shape');
      continue;
    }
    const svc = resolver.resolve(name, e.value, servicesNode, []);
    const profiles = get(svc, 'profiles');
    const names = isSeq(profiles) ? profiles.items.map(text).filter((s): s is string => !!s) : [];
    if (names.length > 0 && !active.has('*') && !names.some((p) => active.has(p))) {
      disabled.set(name, names);
      continue;
    }
    services.set(name, svc);
  }
  return {
    name: normaliseProjectName(rawName),
    // Not the file's first line, which is often a comment: the keys the finding is about.
    namePos: nameNode?.pos ?? servicesKey ?? top,
    taskPos: root.entries.get('x-ecs')?.keyPos ?? root.entries.get('name')?.keyPos ?? servicesKey ?? top,
    root,
    services,
    disabled,
    disabledServiceNames: new Set(disabled.keys()),
    mainFiles: new Set(opts.files.map((f) => f.path)),
    projectDirectory: opts.projectDirectory,
  };
}

function parseFile(file: string, source: string, env: EnvMap, diags: DiagnosticBag): CNode | undefined {
  const doc = parseComposeYaml(file, source, diags);
  if (doc) interpolateTree(doc, env, diags);
  return doc;
}

/** Compose's project-name rule: lower case, letters, digits, "-" and "_". */
export function normaliseProjectName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[_-]+/, '');
}

/** `extends: name` or `extends: {service, file}`; cross-file bases come through the injected reader. */
class ExtendsResolver {
  private readonly fileCache = new Map<string, CMap | undefined>();
  constructor(
    private readonly opts: LoadOptions,
    private readonly diags: DiagnosticBag,
  ) {}

  resolve(name: string, svc: CMap, siblings: CMap, stack: string[]): CMap {
    const ext = svc.entries.get('extends');
    if (!ext) return svc;
    const own: CMap = { ...svc, entries: new Map([...svc.entries].filter(([k]) => k !== 'extends')) };
    const baseName = text(ext.value) ?? text(get(ext.value, 'service'));
    const fileRel = text(get(ext.value, 'file'));
    if (!baseName) {
      this.diags.error(ext.value.pos, `extends of "${name}" needs a service name: "extends: {service: NAME, file: FILE}"`, 'extends');
      return own;
    }
    let pool = siblings;
    let file = ext.keyPos.file;
    if (fileRel) {
      file = path.resolve(path.dirname(ext.keyPos.file), fileRel);
      const other = this.loadFile(file, get(ext.value, 'file')!.pos);
      if (!other) return own;
      pool = other;
    }
    const id = `${file}#${baseName}`;
    if (stack.includes(id)) {
      this.diags.error(ext.value.pos, `extends of "${name}" makes a cycle: ${[...stack, id].map((s) => s.split('#')[1]).join(' → ')}`, 'extends');
      return own;
    }
    const base = get(pool, baseName);
    if (!isMap(base)) {
      this.diags.error(ext.value.pos, `extends of "${name}": no service "${baseName}"${fileRel ? ` in ${fileRel}` : ''}`, 'extends');
      return own;
    }
    const resolvedBase = this.resolve(baseName, base, pool, [...stack, id]);
    return mergeServices(resolvedBase, own) as CMap;
  }

  private loadFile(file: string, at: SourcePos): CMap | undefined {
    if (!this.fileCache.has(file)) {
      const source = this.opts.readFile(file);
      let services: CMap | undefined;
      if (source === undefined) this.diags.error(at, `extends file ${file} not found`, 'extends');
      else {
        const doc = parseFile(file, source, this.opts.env, this.diags);
        const s = get(doc, 'services');
        if (isMap(s)) services = s;
        else if (doc) this.diags.error(at, `extends file ${file} has no "services"`, 'extends');
      }
      this.fileCache.set(file, services);
    }
    return this.fileCache.get(file);
  }
}
