/**
 * Dev-only watchers in a command → the production form where it is clear. Returns the new
 * argv and what was done, or `flag` when the command is a dev server whose production form
 * the tool cannot know.
 */
export type DevCommandResult =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'rewritten'; readonly argv: string[]; readonly note: string }
  | { readonly kind: 'flagged'; readonly note: string };

const RELOAD_FLAGS = new Set(['--reload', '--watch', '--debug', '--debugger']);

export function productionCommand(argv: readonly string[]): DevCommandResult {
  let a = [...argv];
  // Launchers in front of the real program: "npx nodemon", "npm exec nodemon", "yarn nodemon".
  if ((a[0] === 'npx' || a[0] === 'pnpx' || a[0] === 'bunx') && a.length > 1) a = a.slice(1);
  else if ((a[0] === 'npm' && a[1] === 'exec') || (a[0] === 'pnpm' && a[1] === 'exec')) a = a.slice(2);
  else if (a[0] === 'yarn' && /^(nodemon|ts-node-dev|tsx)$/.test(a[1] ?? '')) a = a.slice(1);
  const prog = a[0] ?? '';
  const args = a.slice(1);
  const joined = argv.join(' ');

  if (prog === 'nodemon' || prog === 'ts-node-dev' || prog === 'node-dev') {
    const script = args[0];
    if (script && !args.some((x) => x.startsWith('-')) && /\.(c|m)?js$/.test(script)) {
      return { kind: 'rewritten', argv: ['node', ...args], note: `${prog} restarts on file changes, which only helps in development` };
    }
    return { kind: 'flagged', note: `"${joined}" runs ${prog}, a development file watcher` };
  }
  if (prog === 'node' && args.some((x) => x === '--watch' || x.startsWith('--watch-path'))) {
    return { kind: 'rewritten', argv: ['node', ...args.filter((x) => x !== '--watch' && !x.startsWith('--watch-path'))], note: 'node --watch restarts on file changes' };
  }
  if (prog === 'tsx' && args[0] === 'watch') return { kind: 'rewritten', argv: ['tsx', ...args.slice(1)], note: 'tsx watch restarts on file changes' };
  if (prog === 'uvicorn' || prog === 'gunicorn' || prog === 'hypercorn') {
    if (args.includes('--reload')) return { kind: 'rewritten', argv: [prog, ...args.filter((x) => x !== '--reload')], note: `${prog} --reload restarts on file changes` };
    return { kind: 'unchanged' };
  }
  if (prog === 'flask' && args[0] === 'run') {
    return { kind: 'flagged', note: '"flask run" is Flask\'s development server; use a WSGI server such as gunicorn' };
  }
  if ((prog === 'python' || prog === 'python3') && args.includes('runserver')) {
    return { kind: 'flagged', note: '"manage.py runserver" is Django\'s development server; use gunicorn or uvicorn' };
  }
  if (/^(npm|yarn|pnpm|bun)$/.test(prog)) {
    const script = args[0] === 'run' ? args[1] : args[0];
    if (script && /^(dev|watch|serve|start:dev|dev:.*)$/.test(script)) {
      return { kind: 'flagged', note: `"${joined}" runs the "${script}" script, usually a development server` };
    }
  }
  if (/^(next|nuxt|vite|ng|webpack-dev-server|react-scripts)$/.test(prog) && /^(dev|serve|start)?$/.test(args[0] ?? '')) {
    if (prog !== 'next' || args[0] === 'dev') return { kind: 'flagged', note: `"${joined}" is a development server` };
  }
  if (args.some((x) => RELOAD_FLAGS.has(x)) && /^(rails|bundle|air|reflex|watchmedo)$/.test(prog)) {
    return { kind: 'flagged', note: `"${joined}" reloads on file changes` };
  }
  if (/^(air|reflex|watchmedo|cargo-watch|entr)$/.test(prog)) return { kind: 'flagged', note: `"${joined}" is a file watcher` };
  return { kind: 'unchanged' };
}
