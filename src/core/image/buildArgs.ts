/** "K=V" → [K, V]; "K" alone takes its value from the environment, as `docker build --build-arg K` does. */
export function parseBuildArg(text: string, env: Readonly<Record<string, string | undefined>>): [string, string | undefined] {
  const eq = text.indexOf('=');
  if (eq === 0) throw new Error(`"${text}" is not a build argument — write it as NAME=VALUE`);
  return eq < 0 ? [text, env[text]] : [text.slice(0, eq), text.slice(eq + 1)];
}
