/** Escapes text for a Markdown tooltip (names and reasons come from AWS, not from us). */
export function md(text: string | undefined): string {
  return (text ?? '').replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
