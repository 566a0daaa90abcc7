// Migration 10 on both backends: a draft remembers everyone who saved into it and the last saver's name,
// a version who drafted it and whether it was a review sign-off, and erasure reaches the ids inside those lists.
import type { Store } from '../../store/types';
import { BACKENDS } from '../../testkit/stores';

jest.setTimeout(60_000);

const SAM = '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
const JO = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
const ALEX = '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
const AT = new Date('2026-12-01T10:00:00Z');

describe.each(BACKENDS)('framework drafts and versions with two roles, on $name', (backend) => {
  let store: Store;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const db = await backend.fresh();
    store = await db.open();
    drop = db.drop;
  });
  afterEach(async () => {
    await store.close();
    await drop();
  });

  test("a draft keeps everyone who saved into it and the last saver's name; the version keeps who drafted it", async () => {
    const v = store.frameworkVersions!;
    expect(await v.saveDraft('lbbd', 0, { source: 'a', base: 'file:x', by: SAM, name: 'Sam Lee', at: AT })).toBe(true);
    expect(await v.draft('lbbd')).toMatchObject({ editors: [SAM], updatedBy: SAM, updatedByName: 'Sam Lee' });
    expect(await v.saveDraft('lbbd', 1, { source: 'b', base: 'file:x', by: JO, at: AT, editors: [SAM, JO, SAM] })).toBe(
      true,
    );
    const draft = (await v.draft('lbbd'))!;
    expect(draft).toMatchObject({ editors: [SAM, JO], updatedBy: JO, updatedByName: null, rev: 2 });

    const published = await v.publish({
      frameworkId: 'lbbd',
      after: 0,
      source: 'b',
      fileHash: 'x',
      note: 'Plainer summaries',
      reason: null,
      publishedBy: ALEX,
      at: AT,
      diff: '{}',
      draftRev: draft.rev,
      draftedBy: draft.editors,
    });
    expect(published).toBe(1);
    expect(await v.newest('lbbd')).toMatchObject({ publishedBy: ALEX, draftedBy: [SAM, JO], kind: null });
    const [audit] = await store.auditLog(['framework:lbbd'], 10);
    expect(audit).toMatchObject({ actor: ALEX, action: 'framework-published' });
    expect(JSON.parse(audit!.detail)).toEqual({ version: 1, note: 'Plainer summaries', draftedBy: [SAM, JO] });
  });

  test('a sign-off is a version of its own kind, audited as one', async () => {
    const v = store.frameworkVersions!;
    const version = await v.publish({
      frameworkId: 'jersey',
      after: 0,
      source: 'reviewed',
      fileHash: 'x',
      note: 'Content review signed off',
      reason: null,
      publishedBy: ALEX,
      at: AT,
      diff: '{}',
      draftRev: null,
      kind: 'sign-off',
    });
    expect(await v.version('jersey', Number(version))).toMatchObject({ kind: 'sign-off', draftedBy: [] });
    expect((await v.history('jersey', 5)).map((h) => h.kind)).toEqual(['sign-off']);
    expect((await store.auditLog(['framework:jersey'], 10)).map((a) => a.action)).toEqual(['framework-signed-off']);
  });

  test('erasing a person takes their id out of the editors, drafted-by and audit lists, and their name from the draft', async () => {
    const v = store.frameworkVersions!;
    await v.saveDraft('lbbd', 0, { source: 'a', base: 'file:x', by: SAM, name: 'Sam Lee', at: AT, editors: [JO, SAM] });
    await v.publish({
      frameworkId: 'jersey',
      after: 0,
      source: 'j',
      fileHash: 'x',
      note: 'n',
      reason: null,
      publishedBy: ALEX,
      at: AT,
      diff: '{}',
      draftRev: null,
      draftedBy: [SAM],
    });
    await store.erasePerson({ ids: [SAM], voterCodes: [] });
    expect(await v.draft('lbbd')).toMatchObject({ editors: [JO, 'erased'], updatedBy: 'erased', updatedByName: null });
    expect(await v.newest('jersey')).toMatchObject({ draftedBy: ['erased'], publishedBy: ALEX });
    const detail = (await store.auditLog(['framework:jersey'], 10)).map((a) => a.detail).join('\n');
    expect(detail).not.toContain(SAM);
    expect(JSON.parse(detail)).toMatchObject({ draftedBy: ['erased'] });
  });
});
