import type { ParsedFile } from './load';
import type { Problem } from './problems';

/**
 * Links inside a framework's text. Cards render Markdown, so a link in an entry (or the framework's
 * description, or a signpost's text) would reach every practitioner who reads it. A file may link only
 * to https addresses on the hosts it lists itself: the hosts of its signposts' `link`s, which a practice
 * lead chose on purpose. Any other link (another host, http:, javascript:, mailto:, a bare address, a
 * www address, an address with a user name in it) is a problem, as `kb validate` reports them, so the
 * file does not load and the editor will not save or publish it.
 */

/** Everything in a piece of text that a card, or a reader, could follow. */
const LINKS = [
  /\]\(\s*<?([^)\s>]*)/g, // [label](address)
  /<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi, // <address>
  /(?<![\w.@/-])((?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s)<>\]"']+)/gi, // a bare address
  // a bare scheme, with something after it ("this file: the…" is prose, not a link)
  /(?<![\w.-])((?:javascript|vbscript|data|mailto|tel|file):[^\s)<>\]"']+)/gi,
];

/** The addresses in `text`, as written. */
export function linksIn(text: string): string[] {
  return [...new Set(LINKS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1] ?? '')))].filter((l) => l.length > 0);
}

/** True when `address` is an https link to one of `hosts`, with nothing (a user name) before the host. */
function allowed(address: string, hosts: ReadonlySet<string>): boolean {
  let url: URL;
  try {
    url = new URL(address.startsWith('www.') ? `https://${address}` : address);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    hosts.has(url.hostname.toLowerCase()) &&
    // Written as it parses: no backslashes or encoded tricks that a card might read another way.
    !/[\\]/.test(address) &&
    !address.startsWith('www.')
  );
}

/** The hosts a file lists: those of its signposts' links. */
function listedHosts(f: ParsedFile): Set<string> {
  const hosts = new Set<string>();
  for (const post of Object.values(f.data.signposts)) {
    if (post?.link === undefined) continue;
    try {
      hosts.add(new URL(post.link).hostname.toLowerCase());
    } catch {
      /* the schema has already refused a link that is not https://… */
    }
  }
  return hosts;
}

/** Every link a file's text holds that goes anywhere but an https address on a host the file lists. */
export function linkProblems(files: readonly ParsedFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const f of files) {
    const hosts = listedHosts(f);
    const check = (value: unknown, path: PropertyKey[], field: string) => {
      if (typeof value === 'string') {
        const wrong = linksIn(value).filter((l) => !allowed(l, hosts));
        if (wrong.length > 0)
          problems.push({
            file: f.file,
            ...f.locate(path),
            field,
            message: `links to "${wrong[0]}": text may link only to https addresses on the sites this file's signposts link to${hosts.size > 0 ? ` (${[...hosts].join(', ')})` : ' (it has none)'}. Remove the link, or add the site as a signpost's link`,
          });
      } else if (Array.isArray(value)) value.forEach((v, i) => check(v, [...path, i], field));
    };
    for (const [key, value] of Object.entries(f.data.framework)) check(value, ['framework', key], `framework.${key}`);
    for (const [name, post] of Object.entries(f.data.signposts))
      if (post !== undefined) check(post.text, ['signposts', name, 'text'], `signposts.${name}.text`);
    f.data.entries.forEach((e, i) => {
      for (const [key, value] of Object.entries(e))
        if (key !== 'id') check(value, ['entries', i, key], `${e.id}.${key}`);
    });
  }
  return problems;
}
