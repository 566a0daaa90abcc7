/** The prompt at `index`, counting round when the index passes the end; undefined only for an empty list. */
export function promptAt(prompts: readonly string[], index: number): string | undefined {
  if (prompts.length === 0) return undefined;
  const at = ((Math.trunc(index) % prompts.length) + prompts.length) % prompts.length;
  return prompts[at];
}
