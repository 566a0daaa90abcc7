// Issue 23 §4 and §5 over the editor's API: a draft is never replaced or discarded unseen, a version can
// be undone field by field, editors draft and approvers publish (never their own draft), a content review
// is signed off as a version, and local mode shows the two roles with stand-in identities.
import { CONSOLE_CALL_HEADER } from '../../bot/web/console/routes';
import { aboutCard } from '../../cards';
import { digestFigures } from '../../schedule/digest';
import { nodesOf } from '../helpers/adaptive-cards';
import { STAND_IN_HEADER } from '../../bot/web/console/roles';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { LEAD, NOT_LEAD, SIGNED_IN_ENV, startTenantKeys } from '../helpers/tenant-keys';
import type { TenantKeys } from '../helpers/tenant-keys';

jest.setTimeout(90_000);

type Json = Record<string, unknown>;
interface Framework extends Json {
  entries: Json[];
  framework: Json;
  etags: { entries: Record<string, string>; framework: string };
  draft: (Json & { rev: number }) | null;
}

const APPROVER = NOT_LEAD; // an approver need not be a practice lead to open the console
const SECOND_APPROVER = '0e0e0e0e-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
const ENTRY = 'lbbd-compassion';

function client(app: RunningApp, auth: () => Promise<Record<string, string>>) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.url}/api/console/${path}`, {
      method,
      headers: {
        [CONSOLE_CALL_HEADER]: 'console',
        ...(await auth()),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Json };
  };
  const draft = async () => (await call('GET', 'frameworks/lbbd/draft')).json as Framework;
  return {
    call,
    draft,
    /** Saves a new summary for ENTRY into the draft. */
    async edit(summary: string) {
      const d = await draft();
      const entry = d.entries.find((e) => e['id'] === ENTRY)!;
      return call('PUT', `frameworks/lbbd/draft/entries/${ENTRY}`, {
        entry: { ...entry, summary },
        etag: d.etags.entries[ENTRY],
      });
    },
  };
}

describe('drafts are never lost without a word, and a version can be undone (local mode)', () => {
  let app: RunningApp;
  let a: ReturnType<typeof client>;
  beforeEach(async () => {
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true });
    a = client(app, async () => ({}));
  });
  afterEach(async () => app.close());

  test('restoring over a draft is refused, saying whose it is and when it was saved, until the caller names it', async () => {
    expect((await a.edit('A summary in the draft.')).status).toBe(200);
    const refused = await a.call('POST', 'frameworks/lbbd/versions/0/restore');
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      code: 'DraftExists',
      draft: { rev: 1, updatedBy: 'local', editors: ['local'], updatedAt: expect.any(String) },
    });
    expect((await a.draft()).entries.find((e) => e['id'] === ENTRY)?.['summary']).toBe('A summary in the draft.');
    // Someone saves again after the page showed revision 1: naming 1 no longer replaces it.
    expect((await a.edit('Saved again since.')).status).toBe(200);
    expect((await a.call('POST', 'frameworks/lbbd/versions/0/restore?replace=1')).status).toBe(409);
    expect((await a.call('POST', 'frameworks/lbbd/versions/0/restore?replace=2')).status).toBe(200);
    expect((await a.draft()).entries.find((e) => e['id'] === ENTRY)?.['summary']).not.toBe('Saved again since.');
  });

  test('discarding names the revision shown: a draft saved since is kept', async () => {
    expect((await a.edit('First.')).status).toBe(200);
    expect((await a.edit('Second.')).status).toBe(200);
    expect((await a.call('DELETE', 'frameworks/lbbd/draft?replace=1')).status).toBe(409);
    expect((await a.draft()).draft).not.toBeNull();
    expect((await a.call('DELETE', 'frameworks/lbbd/draft?replace=2')).status).toBe(200);
    expect((await a.draft()).draft).toBeNull();
  });

  test("history gives each field's wording before and after, and undoing a version puts the old wording back in the draft", async () => {
    const before = (await a.draft()).entries.find((e) => e['id'] === ENTRY)?.['summary'];
    expect((await a.edit('A kinder summary.')).status).toBe(200);
    expect((await a.call('POST', 'frameworks/lbbd/publish', { note: 'Kinder' })).status).toBe(200);
    const history = (await a.call('GET', 'frameworks/lbbd/versions')).json as {
      versions: Array<Json & { diff: { changes: Json[] } }>;
    };
    expect(history.versions[0]).toMatchObject({ version: 1, draftedBy: ['local'], kind: null });
    expect(history.versions[0]!.diff.changes).toEqual([
      { field: `${ENTRY}.summary`, before, after: 'A kinder summary.' },
    ]);

    const undo = await a.call('POST', 'frameworks/lbbd/versions/1/undo');
    expect(undo).toMatchObject({ status: 200, json: { undone: [`${ENTRY}.summary`], keptSince: [] } });
    expect((await a.draft()).entries.find((e) => e['id'] === ENTRY)?.['summary']).toBe(before);
    // Nothing left to undo once the draft already has the wording before.
    expect((await a.call('POST', 'frameworks/lbbd/versions/1/undo')).json['code']).toBe('NothingToUndo');
  });
});

describe('the two roles in local mode, with stand-in identities', () => {
  let app: RunningApp;
  let editor: ReturnType<typeof client>;
  let approver: ReturnType<typeof client>;
  beforeEach(async () => {
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true });
    editor = client(app, async () => ({ [STAND_IN_HEADER]: 'editor' }));
    approver = client(app, async () => ({ [STAND_IN_HEADER]: 'approver' }));
  });
  afterEach(async () => app.close());

  test('the session says who the page acts as; without a stand-in, no second approver is configured', async () => {
    expect((await editor.call('GET', 'session')).json).toMatchObject({
      me: { id: 'stand-in-editor', name: 'Sam Editor (stand-in)' },
      roles: { approversConfigured: true, approver: false, standIn: 'editor' },
    });
    expect((await client(app, async () => ({})).call('GET', 'session')).json).toMatchObject({
      me: { id: 'local' },
      roles: { approversConfigured: false, approver: false, standIn: null },
    });
  });

  test("the editor's publish is refused; the approver publishes it; nobody publishes their own draft", async () => {
    expect((await editor.edit('Drafted by the editor.')).status).toBe(200);
    const refused = await editor.call('POST', 'frameworks/lbbd/publish', { note: 'x', reason: 'I am sure' });
    expect(refused).toMatchObject({ status: 403, json: { code: 'NeedsApprover' } });
    expect((await approver.draft()).draft).toMatchObject({ editors: ['stand-in-editor'] });

    const published = await approver.call('POST', 'frameworks/lbbd/publish', { note: 'Looked at and published' });
    expect(published.status).toBe(200);
    const [v] = ((await approver.call('GET', 'frameworks/lbbd/versions')).json['versions'] as Json[]) ?? [];
    expect(v).toMatchObject({ publishedBy: 'stand-in-approver', draftedBy: ['stand-in-editor'] });
    const [audit] = await app.store.auditLog(['framework:lbbd'], 5);
    expect(audit).toMatchObject({ actor: 'stand-in-approver', action: 'framework-published' });
    expect(JSON.parse(audit!.detail)).toMatchObject({ draftedBy: ['stand-in-editor'] });

    // The approver edits a draft of their own: they cannot publish it.
    expect((await approver.edit("The approver's own wording.")).status).toBe(200);
    expect((await approver.call('POST', 'frameworks/lbbd/publish', { note: 'mine' })).json['code']).toBe('OwnDraft');
  });

  test("a content review is signed off by the approver as a version: about's details change, and it is audited", async () => {
    const review = { reviewer: 'Jo Smith, Principal Social Worker', reviewedOn: '2026-12-01', reviewDue: '2027-12-01' };
    expect((await editor.call('POST', 'frameworks/lbbd/sign-off', review)).json['code']).toBe('NeedsApprover');
    const bad = await approver.call('POST', 'frameworks/lbbd/sign-off', { ...review, reviewDue: '2026-11-01' });
    expect(bad.status).toBe(400);
    expect(bad.json['problems']).toEqual([expect.objectContaining({ field: 'reviewDue' })]);

    // A draft in progress moves onto the signed-off version instead of going stale.
    expect((await editor.edit('Drafted before the sign-off.')).status).toBe(200);
    const signed = await approver.call('POST', 'frameworks/lbbd/sign-off', review);
    expect(signed).toMatchObject({ status: 200, json: { version: 1 } });
    expect(app.app.deps.kb.framework('lbbd')?.review).toEqual({
      by: 'Jo Smith, Principal Social Worker',
      on: '2026-12-01',
      due: '2027-12-01',
    });
    const [v] = (await approver.call('GET', 'frameworks/lbbd/versions')).json['versions'] as Json[];
    expect(v).toMatchObject({ kind: 'sign-off', publishedBy: 'stand-in-approver', draftedBy: [] });
    expect((await app.store.auditLog(['framework:lbbd'], 5))[0]).toMatchObject({
      actor: 'stand-in-approver',
      action: 'framework-signed-off',
    });
    // `about` shows the review to staff, from the version live now.
    const facts = nodesOf(aboutCard({ version: '0.0.0', kb: app.app.deps.kb, dataHandling: [] }).card)
      .filter((n) => n.type === 'FactSet')
      .flatMap((n) => n.facts as Array<{ title: string; value: string }>);
    expect(facts).toEqual(
      expect.arrayContaining([
        { title: 'Content reviewed by', value: 'Jo Smith, Principal Social Worker' },
        { title: 'Next review due', value: expect.stringMatching(/2027/) },
      ]),
    );
    const draft = await editor.draft();
    expect(draft.draft).toMatchObject({ stale: false, editors: ['stand-in-editor'] });
    expect(draft.framework['reviewed_by']).toBe('Jo Smith, Principal Social Worker');
    expect(draft.entries.find((e) => e['id'] === ENTRY)?.['summary']).toBe('Drafted before the sign-off.');
  });
});

test('the weekly digest reminds the leads of a signed-off review 30 days before it is due, not sooner', async () => {
  const app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true });
  try {
    const approver = client(app, async () => ({ [STAND_IN_HEADER]: 'approver' }));
    const week = { kind: 'digest', from: '2026-11-23', to: '2026-11-29' } as const; // sent Monday 30 November
    const signOff = async (reviewDue: string) =>
      expect(
        (
          await approver.call('POST', 'frameworks/lbbd/sign-off', {
            reviewer: 'Jo Smith',
            reviewedOn: '2026-11-20',
            reviewDue,
          })
        ).status,
      ).toBe(200);
    await signOff('2026-12-31'); // 31 days after the Monday: not yet
    expect((await digestFigures(app.store, app.app.deps.kb, week)).reviewsDue).toEqual([]);
    await signOff('2026-12-30'); // 30 days after it: reminded
    expect((await digestFigures(app.store, app.app.deps.kb, week)).reviewsDue).toEqual([
      { framework: 'Barking & Dagenham', due: '2026-12-30' },
    ]);
  } finally {
    await app.close();
  }
});

describe('the two roles signed in through Teams', () => {
  let keys: TenantKeys;
  let app: RunningApp;
  beforeAll(async () => {
    keys = await startTenantKeys();
  });
  afterAll(async () => keys.close());
  afterEach(async () => app?.close());

  const as = (oid: string, name?: string) => async () => ({
    authorization: `Bearer ${await keys.token({ oid, ...(name && { name }) })}`,
  });

  test('with approvers set: the lead drafts, an approver publishes and is recorded beside the drafter', async () => {
    app = await startApp(
      { ...SIGNED_IN_ENV, DEFAULT_FRAMEWORK: 'lbbd', PRACTICE_APPROVER_AAD_IDS: `${APPROVER},${SECOND_APPROVER}` },
      { http: true, consoleKeysUrl: keys.keysUrl },
    );
    const lead = client(app, as(LEAD, 'Sam Lee'));
    const approver = client(app, as(APPROVER, 'Alex Kay'));
    expect((await lead.call('GET', 'session')).json).toMatchObject({
      me: { id: LEAD, name: 'Sam Lee' },
      roles: { approversConfigured: true, approver: false },
    });
    expect((await lead.edit('Drafted by Sam.')).status).toBe(200);
    expect((await approver.draft()).draft).toMatchObject({ updatedBy: LEAD, updatedByName: 'Sam Lee' });
    expect((await lead.call('POST', 'frameworks/lbbd/publish', { note: 'x' })).status).toBe(403);
    // The stand-in header is read in local mode only: signed in, it makes nobody an approver.
    const pretending = client(app, async () => ({ ...(await as(LEAD)()), [STAND_IN_HEADER]: 'approver' }));
    expect((await pretending.call('POST', 'frameworks/lbbd/publish', { note: 'x' })).json['code']).toBe(
      'NeedsApprover',
    );
    expect((await approver.call('POST', 'frameworks/lbbd/publish', { note: 'Checked by Alex' })).status).toBe(200);
    const [v] = (await approver.call('GET', 'frameworks/lbbd/versions')).json['versions'] as Json[];
    expect(v).toMatchObject({ publishedBy: APPROVER, draftedBy: [LEAD] });
  });

  test('without approvers, one lead drafts and publishes, as before, and the session says no second approver is configured', async () => {
    app = await startApp({ ...SIGNED_IN_ENV, DEFAULT_FRAMEWORK: 'lbbd' }, { http: true, consoleKeysUrl: keys.keysUrl });
    const lead = client(app, as(LEAD));
    expect((await lead.call('GET', 'session')).json['roles']).toMatchObject({ approversConfigured: false });
    expect((await lead.edit('Drafted and published by one lead.')).status).toBe(200);
    expect((await lead.call('POST', 'frameworks/lbbd/publish', { note: 'One lead' })).status).toBe(200);
    // Someone who is neither a lead nor an approver is still refused.
    expect((await client(app, as(APPROVER)).call('GET', 'session')).status).toBe(403);
  });
});
