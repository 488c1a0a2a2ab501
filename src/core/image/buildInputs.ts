import { parseDockerfile } from './dockerfile';

/**
 * What a classic-builder build reads from outside its context: the images named by FROM and
 * COPY --from. Knowing them (and their local IDs) lets an unchanged build be recognised without
 * running it. `unsure` names what makes the inputs unknowable, and the build must then run.
 */
export type BuildInputs = { readonly images: readonly string[] } | { readonly unsure: string };

/** `$NAME`, `${NAME}`, `${NAME:-word}` and `${NAME:+word}` as Dockerfiles expand them; undefined when a name has no value. */
export function expandVariables(text: string, vars: ReadonlyMap<string, string | undefined>): string | undefined {
  let missing = false;
  const out = text.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, op, word, bare) => {
    if (whole === '\\$') return '$';
    const value = vars.get(braced ?? bare);
    if (op === '-') return value ? value : word;
    if (op === '+') return value ? word : '';
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : out;
}

/** The NAME[=default] declarations of one ARG instruction (quotes around a default removed). */
function argDeclarations(args: string): Array<[string, string | undefined]> {
  const out: Array<[string, string | undefined]> = [];
  for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) {
    const raw = m[2];
    out.push([m[1], raw === undefined ? undefined : raw.replace(/^(["'])(.*)\1$/, '$2')]);
  }
  return out;
}

const flagValue = (words: readonly string[], flag: string) => words.find((w) => w.toLowerCase().startsWith(`--${flag}=`))?.slice(flag.length + 3);

/**
 * The images a Dockerfile builds from, with the global ARGs (before the first FROM) set from
 * their defaults and `buildArgs`. Earlier stages and `scratch` are not images.
 */
export function buildInputsOf(dockerfileText: string, buildArgs: Readonly<Record<string, string>> = {}): BuildInputs {
  const globals = new Map<string, string | undefined>();
  const stages: string[] = [];
  const images = new Set<string>();
  for (const ins of parseDockerfile(dockerfileText)) {
    const words = ins.args.split(/\s+/).filter(Boolean);
    switch (ins.keyword) {
      case 'ARG':
        if (stages.length === 0) for (const [name, def] of argDeclarations(ins.args)) globals.set(name, buildArgs[name] ?? def);
        break;
      case 'FROM': {
        const plain = words.filter((w) => !w.startsWith('--'));
        const image = expandVariables(plain[0] ?? '', globals);
        if (!image) return { unsure: `line ${ins.line}: FROM ${plain[0] ?? ''} has no value for a build argument it uses` };
        const lower = image.toLowerCase();
        if (lower !== 'scratch' && !stages.includes(lower)) images.add(image);
        const as = plain.findIndex((w) => w.toLowerCase() === 'as');
        stages.push(as > 0 && plain[as + 1] ? plain[as + 1].toLowerCase() : `#${stages.length}`);
        break;
      }
      case 'COPY': {
        const from = flagValue(words, 'from');
        if (from === undefined) break;
        if (from.includes('$')) return { unsure: `line ${ins.line}: COPY --from=${from} uses a variable` };
        const isStage = stages.includes(from.toLowerCase()) || (/^\d+$/.test(from) && Number(from) < stages.length);
        if (!isStage) images.add(from);
        break;
      }
      case 'ADD':
        // The classic builder downloads remote sources at every build and compares checksums.
        if (words.some((w) => /^(https?:\/\/|git@)/i.test(w))) return { unsure: `line ${ins.line}: ADD fetches a remote source` };
        break;
    }
  }
  if (stages.length === 0) return { unsure: 'the Dockerfile has no FROM' };
  return { images: [...images].sort() };
}
