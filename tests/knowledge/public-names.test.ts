// The names the personal-details check leaves alone come from the loaded framework files (id, names,
// organisation, author), not from code or the check's own word lists: a made-up third authority's
// framework, added as one file, has its own people left alone with no code change.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicNamesOf } from '../../knowledge/respond/public-names';
import { personalDetails } from '../../knowledge/safety/personal-details';
import { loadOrThrow } from '../../testkit/kb';

const QUESTION = 'what did Gareth Penhaligon write about listening first';

/** A knowledge folder with one framework of a made-up authority, Porthkennack, whose author is a person. */
function porthkennack(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pc-names-'));
  const anytown = readFileSync(join(__dirname, '..', 'fixtures', 'frameworks', 'anytown.yaml'), 'utf8');
  const made = anytown
    .replace(/^ {2}author: .*$/m, '  author: Gareth Penhaligon, Head of Practice (HoP)')
    .replace(/Anytown/g, 'Porthkennack')
    .replace(/anytown/g, 'porthkennack');
  writeFileSync(join(dir, 'porthkennack.yaml'), made);
  return dir;
}

test("a third authority's author, id and names are left alone, taken from its framework file", () => {
  const dir = porthkennack();
  try {
    const kb = loadOrThrow(dir);
    const names = publicNamesOf(kb);
    expect(names).toEqual(expect.arrayContaining(['porthkennack', 'Gareth Penhaligon', 'Porthkennack']));
    expect(personalDetails(QUESTION, { publicNames: names })).toEqual([]);
    expect(personalDetails('what does porthkennack say about Penhaligon', { publicNames: names })).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("without that framework's names, the same question is taken to name a person", () => {
  expect(personalDetails(QUESTION, { publicNames: publicNamesOf(loadOrThrow()) })).toEqual(['name']);
  expect(personalDetails(QUESTION)).toEqual(['name']);
});

test("the shipped frameworks' own people come from their files too: Russ Bellenie is LBBD's author", () => {
  const names = publicNamesOf(loadOrThrow());
  expect(names).toEqual(expect.arrayContaining(['Russ Bellenie', 'lbbd', 'jersey']));
  expect(personalDetails('what did Russ Bellenie write about Goldsmiths', { publicNames: names })).toEqual([]);
  expect(personalDetails('what did Russ Bellenie write about Goldsmiths')).toEqual(['name']);
});
