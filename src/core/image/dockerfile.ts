/** One instruction of a Dockerfile with the line it starts on (1-based), as the classic builder counts steps. */
export interface DockerfileInstruction {
  readonly line: number;
  /** Upper-cased keyword: FROM, RUN, COPY… */
  readonly keyword: string;
  /** The rest, continuation lines joined. */
  readonly args: string;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*?)\s*$/;

/**
 * Splits a Dockerfile into instructions: comments and blank lines skipped, lines ending in the
 * escape character (`\`, or the one an `# escape=` directive names) joined to the next one.
 */
export function parseDockerfile(text: string): DockerfileInstruction[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let escape = '\\';
  // Parser directives are only recognised before the first instruction, comment or blank line.
  for (const l of lines) {
    const m = DIRECTIVE.exec(l.trim());
    if (!m) break;
    if (m[1].toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const out: DockerfileInstruction[] = [];
  let start = 0;
  let buffer = '';
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (!buffer && (trimmed === '' || trimmed.startsWith('#'))) continue;
    if (buffer && trimmed.startsWith('#')) continue; // comments inside a continued instruction are dropped
    if (!buffer) start = i + 1;
    if (trimmed.endsWith(escape)) {
      buffer += trimmed.slice(0, -1) + ' ';
      continue;
    }
    buffer += trimmed;
    out.push(instructionOf(buffer, start));
    buffer = '';
  }
  if (buffer.trim()) out.push(instructionOf(buffer, start));
  return out;
}

function instructionOf(text: string, line: number): DockerfileInstruction {
  const m = /^(\S+)\s*(.*)$/s.exec(text.trim());
  return { line, keyword: (m?.[1] ?? '').toUpperCase(), args: (m?.[2] ?? '').trim() };
}

export interface Stage {
  readonly line: number;
  readonly image: string;
  readonly name?: string;
}

/** The FROM lines: base image (flags such as --platform dropped) and stage name. */
export function dockerfileStages(instructions: readonly DockerfileInstruction[]): Stage[] {
  return instructions
    .filter((i) => i.keyword === 'FROM')
    .map((i) => {
      const words = i.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const as = words.findIndex((w) => w.toLowerCase() === 'as');
      return { line: i.line, image: words[0] ?? '', ...(as > 0 && words[as + 1] ? { name: words[as + 1] } : {}) };
    });
}
