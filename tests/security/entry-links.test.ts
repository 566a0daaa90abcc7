// Third probe, a point to settle: Markdown links inside entry text passed into Adaptive Cards, so an
// entry (from a file, or saved in the console) could send practitioners anywhere. Now entry text may
// link only to https addresses on the hosts the framework file itself lists (its signposts' links).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR, loadSources } from '../../knowledge/kb/load';
import { CONSOLE_CALL_HEADER } from '../../bot/web/console/routes';
import { startApp } from '../../testkit/app-harness';

const LBBD = readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'lbbd.yaml'), 'utf8');
const SITE = 'https://www.lbbd.gov.uk/childrens-services';

/** lbbd.yaml with the urgent signpost linking to the council's site, and `summary` in place of respect's. */
function withSummary(summary: string, signpostLink: string | null = SITE): string {
  let source = LBBD;
  if (signpostLink !== null)
    source = source.replace(/(\n {2}urgent:\n {4}text: [^\n]*\n)/, `$1    link: ${signpostLink}\n`);
  const at = source.indexOf('  - id: lbbd-respect');
  const summaryAt = source.indexOf('    summary:', at);
  const next = source.indexOf('\n    text:', summaryAt);
  return `${source.slice(0, summaryAt)}    summary: ${JSON.stringify(summary)}${source.slice(next)}`;
}

const problemsOf = (source: string) => {
  const loaded = loadSources([{ file: 'lbbd.yaml', source }]);
  return loaded.ok ? [] : loaded.problems.map((p) => `${p.field}: ${p.message}`);
};

describe('links in entry text', () => {
  test('the file as it is has a signpost link and loads', () => {
    expect(problemsOf(withSummary('Respect for everyone.'))).toEqual([]);
  });

  test.each([
    ['a Markdown link to another site', '[Get help here](https://evil.example/help)'],
    ['a bare address', 'Visit https://evil.example/help for help.'],
    ['an autolink', 'See <https://evil.example/help>.'],
    ['a www address', 'See www.evil.example for help.'],
    ['http, even to the listed site', '[Help](http://www.lbbd.gov.uk/help)'],
    ['javascript:', '[Help](javascript:alert(1))'],
    ['data:', '[Help](data:text/html,hi)'],
    ['mailto:', '[Write to us](mailto:someone@evil.example)'],
    ['a bare javascript: in prose', 'Click javascript:alert(1) now.'],
    ['a user name smuggling a host', '[Help](https://www.lbbd.gov.uk@evil.example/help)'],
    ['a look-alike host', '[Help](https://www.lbbd.gov.uk.evil.example/help)'],
  ])('%s is refused, naming the entry', (_label, summary) => {
    const problems = problemsOf(withSummary(`Respect. ${summary}`));
    expect(problems).toEqual([expect.stringMatching(/^lbbd-respect\.summary: .*link/)]);
  });

  test('prose with a colon after a scheme word is not a link ("this file: the name", "tel: ask the office")', () => {
    // jersey.yaml's notes say "neither does this file: the framework's name is…"; that once stopped it loading.
    expect(problemsOf(withSummary('Respect. This file: the source. Data: the figures. Tel: ask the office.'))).toEqual(
      [],
    );
  });

  test('an https link to a host the file lists is allowed', () => {
    expect(problemsOf(withSummary('Respect. [Our procedures](https://www.lbbd.gov.uk/procedures).'))).toEqual([]);
  });

  test('with no signpost links, no link is allowed at all', () => {
    const problems = problemsOf(withSummary('[Our procedures](https://www.lbbd.gov.uk/procedures)', null));
    expect(problems).toEqual([expect.stringMatching(/^lbbd-respect\.summary: /)]);
  });

  test('the editor refuses to save one, so no card ever shows it', async () => {
    const app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true });
    try {
      const call = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${app.url}/api/console/frameworks/${path}`, {
          method,
          headers: { [CONSOLE_CALL_HEADER]: 'console', 'content-type': 'application/json' },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        return { status: res.status, json: (await res.json()) as Record<string, unknown> };
      };
      const f = (await call('GET', 'lbbd')).json as {
        entries: Array<Record<string, unknown>>;
        etags: { entries: Record<string, string> };
      };
      const respect = f.entries.find((e) => e['id'] === 'lbbd-respect')!;
      const res = await call('PUT', 'lbbd/draft/entries/lbbd-respect', {
        entry: { ...respect, summary: 'Visit [our help page](https://evil.example/help).' },
        etag: f.etags.entries['lbbd-respect'],
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.json['problems'])).toContain('lbbd-respect.summary');
      expect(await app.store.frameworkVersions.draft('lbbd')).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
