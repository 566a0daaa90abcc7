import type { Store } from '../../store/types';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { runOps } from '../helpers/cli';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity } from '../helpers/fixtures';
import { BACKENDS } from '../../testkit/stores';
import { legacyVoterCode } from '../../bot/voter-code';
import { WEEKLY_FORM_SUBMIT } from '../../testkit/scheduling';
import { clockOf } from '../../time/clock';

const CHANNEL = '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2';
const SAM = '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
const ALEX = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
const ALEX_FROM = { id: '29:alex-teams-id', name: 'Alex Morgan', aadObjectId: ALEX };

interface Exported {
  person: string;
  auditEntries: Array<{ at: string; where: string; action: string; detail: string }>;
  votes: Array<{ answerId: string; entryId: string; day: string; helpful: boolean }>;
  schedulesCreated: Array<{ id: string; conversationId: string; status: string }>;
}

describe.each(BACKENDS)("people's data rights on $name", (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  let store: Store;
  let connector: FakeConnector;
  let app: RunningApp;

  beforeEach(async () => {
    db = await backend.fresh();
    store = await db.open();
    connector = await startFakeConnector();
    let t = Date.parse('2026-11-24T12:00:00Z');
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { store, clock: clockOf(() => new Date((t += 1000))) });
  });
  afterEach(async () => {
    await app.close();
    await connector.close();
    await db.drop();
  });

  const vote = (answerId: string, entryId: string, helpful: boolean, from?: Record<string, unknown>) =>
    app.post(
      activity('adaptive-card-action', connector.url, {
        ...(from && { from }),
        value: {
          action: { type: 'Action.Execute', verb: 'feedback', data: { answerId, entryId, helpful } },
          trigger: 'manual',
        },
      }),
    );
  const say = (text: string, from?: Record<string, unknown>) =>
    app.post(
      activity('channel-mention', connector.url, {
        ...(from && { from }),
        text: `<at>Practice Companion</at> ${text}`,
      }),
    );
  const ops = (...args: string[]) => runOps(args, { DATABASE_URL: db.url });

  /** Answer card ids as the bot issues them (votes for ids it did not issue are refused). */
  const ids = { sam1: '', sam2: '', alex1: '' };

  /** Sam and Alex use the bot over HTTP, as Teams would send their turns. */
  async function realTurns() {
    const issue = (id: string) => app.app.deps.answerIds.issue({ id, frameworkId: 'lbbd' });
    ids.sam1 = await issue('lbbd-accountability');
    ids.sam2 = await issue('lbbd-respect');
    ids.alex1 = await issue('lbbd-accountability');
    expect((await vote(ids.sam1, 'lbbd-accountability', true)).status).toBe(200);
    expect((await vote(ids.sam2, 'lbbd-respect', false)).status).toBe(200);
    expect((await vote(ids.alex1, 'lbbd-accountability', true, ALEX_FROM)).status).toBe(200);
    expect(
      (
        await app.post(
          activity('channel-mention', connector.url, { text: '', attachments: [], value: WEEKLY_FORM_SUBMIT }),
        )
      ).status,
    ).toBe(200);
    expect((await say('schedule pause')).status).toBe(200);
    expect((await say('schedule resume', ALEX_FROM)).status).toBe(200);
  }

  test('export prints everything stored about one person, and only theirs; it is audited without naming them', async () => {
    await realTurns();
    const run = await ops('data', 'export', '--user', SAM);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Exported;
    expect(out.person).toBe(SAM);
    expect(out.votes).toEqual([
      { answerId: ids.sam1, entryId: 'lbbd-accountability', day: '2026-11-24', helpful: true },
      { answerId: ids.sam2, entryId: 'lbbd-respect', day: '2026-11-24', helpful: false },
    ]);
    expect(out.auditEntries.map((a) => [a.where, a.action])).toEqual([
      [CHANNEL, 'subscribe'],
      [CHANNEL, 'pause'],
    ]);
    expect(out.schedulesCreated).toEqual([expect.objectContaining({ conversationId: CHANNEL, status: 'active' })]);
    expect(run.stdout).not.toContain(ALEX);

    // The same person, their id typed in capitals.
    expect(JSON.parse((await ops('data', 'export', '--user', SAM.toUpperCase())).stdout)).toMatchObject({
      votes: out.votes,
      auditEntries: out.auditEntries,
    });

    const [logged] = await store.auditLog(['service'], 1);
    expect(logged).toMatchObject({
      action: 'data-export',
      detail: 'exported the data held about one person: 2 audit entries, 2 votes, 1 schedules made',
    });
    expect(JSON.stringify(logged)).not.toContain(SAM);
  });

  test('erase deletes their votes, puts "erased" in place of their id, prints what changed, and leaves everyone else alone', async () => {
    await realTurns();
    const run = await ops('data', 'erase', '--user', SAM);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      person: SAM,
      tables: {
        votes: { deleted: 2, anonymised: 0 },
        audit_log: { deleted: 0, anonymised: 2 },
        subscriptions: { deleted: 0, anonymised: 1 },
      },
    });
    expect(run.stderr).toContain('votes: 2 deleted');

    const after = JSON.parse((await ops('data', 'export', '--user', SAM)).stdout) as Exported;
    expect(after).toMatchObject({ votes: [], auditEntries: [], schedulesCreated: [] });
    const log = await store.auditLog([CHANNEL], 10);
    expect(log.map((a) => a.actor).sort()).toEqual([ALEX, 'erased', 'erased']);
    expect((await store.subscriptionsIn(CHANNEL))[0]?.createdBy).toBe('erased');
    expect(await store.feedbackCounts()).toEqual([
      { entryId: 'lbbd-accountability', day: '2026-11-24', helpful: 1, notHelpful: 0 },
    ]);
    const alex = JSON.parse((await ops('data', 'export', '--user', ALEX)).stdout) as Exported;
    expect(alex.votes).toHaveLength(1);
    expect(alex.auditEntries.map((a) => a.action)).toEqual(['resume']);

    const service = await store.auditLog(['service'], 10);
    expect(service.map((a) => a.action)).toEqual(expect.arrayContaining(['data-erase', 'data-export']));
    expect(service.find((a) => a.action === 'data-erase')?.detail).toBe(
      "erased one person's data: votes 2 deleted, 0 made anonymous; audit_log 0 deleted, 2 made anonymous; subscriptions 0 deleted, 1 made anonymous",
    );
    expect(JSON.stringify(service)).not.toContain(SAM);

    // A second erase finds nothing more.
    const again = JSON.parse((await ops('data', 'erase', '--user', SAM)).stdout) as {
      tables: Record<string, { deleted: number; anonymised: number }>;
    };
    expect(Object.values(again.tables).every((n) => n.deleted === 0 && n.anonymised === 0)).toBe(true);
  });

  test('a missing or mistyped id is refused with what to give, and nothing is changed', async () => {
    await realTurns();
    const typo = await ops('data', 'erase', '--user', 'sam.taylor@example.org');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('is not an Entra object id');
    expect((await ops('data', 'erase')).code).toBe(2);
    expect(JSON.parse((await ops('data', 'export', '--user', SAM)).stdout).votes).toHaveLength(2);
  });

  test('votes are stored under a keyed code, not one anyone could make from a staff id; export and erase also find votes stored under the old unkeyed code', async () => {
    await realTurns();
    const stored = (await store.personalData({ ids: [], voterCodes: [legacyVoterCode(SAM)] })).votes;
    expect(stored).toEqual([]);
    // A vote stored before codes had a key.
    await store.recordVote({
      answerId: 'old-card-0001',
      voter: legacyVoterCode(SAM),
      entryId: 'lbbd-sharing',
      day: '2026-11-20',
      helpful: true,
    });
    const out = JSON.parse((await ops('data', 'export', '--user', SAM)).stdout) as Exported;
    expect(out.votes.map((v) => v.answerId).sort()).toEqual(['old-card-0001', ids.sam1, ids.sam2].sort());
    expect(JSON.parse((await ops('data', 'erase', '--user', SAM)).stdout)).toMatchObject({
      tables: { votes: { deleted: 3 } },
    });
  });
});
