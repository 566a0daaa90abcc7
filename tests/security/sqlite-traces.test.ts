// Third probe, finding 5: erased and deleted data stayed in the SQLite file (no secure_delete, no
// VACUUM): `strings db | grep <id>` found the id twice after `data erase`, and an expired suggestion's
// text was still in the file after a checkpoint. Backups were written 0644, and they hold the signing keys.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/open';
import type { Store } from '../../store/types';
import { runOps } from '../helpers/cli';

jest.setTimeout(30_000);

const SAM = '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
const SAM_CHAT = 'a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890';
const AT = new Date('2026-11-20T10:00:00Z');

let dir: string;
let file: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pc-traces-'));
  file = join(dir, 'practice-companion.db');
  store = await openStore(`sqlite:${file}`);
});
afterEach(async () => store.close());

/** How often `text` is in the database's files (the file itself and its write-ahead log), as `strings | grep` would find it. */
function inFile(text: string): number {
  let count = 0;
  for (const f of [file, `${file}-wal`]) {
    if (!existsSync(f)) continue;
    const bytes = readFileSync(f);
    for (let at = bytes.indexOf(text); at >= 0; at = bytes.indexOf(text, at + 1)) count++;
  }
  return count;
}

/** Sam as the probe found them: a lead with a chat, changes in the audit log, a published version and a draft. */
async function samWasHere(): Promise<void> {
  await store.saveConversation(
    {
      id: SAM_CHAT,
      kind: 'personal',
      serviceUrl: 'http://127.0.0.1:9/',
      reference: { conversation: { id: SAM_CHAT, conversationType: 'personal' } },
    },
    AT,
  );
  await store.saveLeadChat(SAM, SAM_CHAT, AT);
  await store.setFramework({ scopeId: `conversation:${SAM_CHAT}`, frameworkId: 'jersey', changedBy: SAM, at: AT });
  await store.frameworkVersions.saveDraft('jersey', 0, { source: 'x', base: 'file:0', by: SAM, at: AT });
  await store.frameworkVersions.publish({
    frameworkId: 'lbbd',
    after: 0,
    source: 'framework: {}',
    fileHash: '0'.repeat(64),
    note: 'A clearer summary',
    reason: null,
    publishedBy: SAM,
    at: AT,
    diff: '{}',
    draftRev: null,
  });
  await store.audit({ scopeId: '19:channel@thread.tacv2', at: AT, actor: SAM, action: 'pause', detail: 'paused' });
}

describe('what is erased or deleted leaves no trace in the SQLite file', () => {
  test('the probe: after `data erase`, neither their id nor their chat is anywhere in the file', async () => {
    await samWasHere();
    expect(inFile(SAM)).toBeGreaterThan(0);
    const run = await runOps(['data', 'erase', '--user', SAM], { DATABASE_URL: `sqlite:${file}` });
    expect(run.code).toBe(0);
    expect(inFile(SAM)).toBe(0);
    expect(inFile(SAM_CHAT)).toBe(0);
  });

  test("an expired suggestion's text is gone from the file once the retention purge has run", async () => {
    const TEXT = 'how do we record a zebra crossing risk assessment';
    await store.addSuggestion({ id: 's1', text: TEXT, frameworkId: 'lbbd', day: '2026-01-01' });
    await store.addSuggestion({
      id: 's2',
      text: 'a second zebra question kept for now',
      frameworkId: 'lbbd',
      day: '2026-11-19',
    });
    expect(inFile(TEXT)).toBeGreaterThan(0);
    expect(await store.purgeSuggestions('2026-06-01')).toBe(1);
    expect(inFile(TEXT)).toBe(0);
    expect(inFile('a second zebra question kept for now')).toBeGreaterThan(0);
  });

  test('a suggestion marked answered leaves no text behind once its undo window ends', async () => {
    const TEXT = 'what does the zebra principle mean for supervision';
    await store.addSuggestion({ id: 's1', text: TEXT, frameworkId: 'lbbd', day: '2026-11-19' });
    expect(await store.resolveSuggestion('s1', 'answered', new Date('2026-11-20T10:00:00Z'))).toBe(true);
    expect(await store.finishResolvedSuggestions(new Date('2026-11-20T10:10:00Z'))).toBe(1);
    expect(inFile(TEXT)).toBe(0);
  });

  test("the daily purge leaves no voter's code behind", async () => {
    const CODE = 'VOTER-CODE-OF-SOMEONE-0123456789';
    await store.recordVote({
      answerId: 'card-000001',
      voter: CODE,
      entryId: 'lbbd-respect',
      day: '2026-01-01',
      helpful: true,
    });
    expect(inFile(CODE)).toBeGreaterThan(0);
    const report = await store.purge(
      new Date('2026-11-20T03:00:00Z'),
      { votesDays: 90, askCountsDays: 730, postLogDays: 365, auditDays: 365, goneConversationsDays: 30 },
      'test',
    );
    expect(report?.removed.votes).toBe(1);
    expect(inFile(CODE)).toBe(0);
  });
});

describe('backups', () => {
  test('are written readable by their owner only (0600)', async () => {
    await samWasHere();
    const target = join(dir, 'backup.db');
    const run = await runOps(['backup', target], { DATABASE_URL: `sqlite:${file}` });
    expect(run.code).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  test("the database the service makes is its owner's only too", () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
