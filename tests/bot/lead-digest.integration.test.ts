import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { connectorSender } from '../../bot/teams/proactive';
import { DIGEST_REPLIES } from '../../bot/teams/lead-digest';
import { createScheduler } from '../../schedule/scheduler';
import type { Store } from '../../store/types';
import { cardText, validateCard } from '../helpers/adaptive-cards';
import { useBot } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { activity, cardOf } from '../helpers/fixtures';
import { loadOrThrow } from '../../testkit/kb';
import { fakeClock } from '../../testkit/scheduling';
import { BACKENDS } from '../../testkit/stores';
import { scheduleStore } from '../../schedule/schedule-store';
import { clockOf } from '../../time/clock';

/** Sam Taylor, who sends the personal-message and channel-mention fixtures. */
const SAM = '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
const SOMEONE_ELSE = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const PERSONAL_CHAT = 'a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890';
const CHANNEL = '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2';

describe.each(BACKENDS)("a practice lead's digest settings on $name", (backend) => {
  const bot = useBot({ backend });
  let store: Store;
  let app: RunningApp;
  beforeEach(() => {
    store = bot.store;
  });
  const start = async (leads: string) => {
    app = await bot.start({ PRACTICE_LEAD_AAD_IDS: leads }, { clock: clockOf(() => new Date('2026-11-26T10:00:00Z')) });
  };
  const inPersonal = (text: string) => app.post(activity('personal-message', bot.connector.url, { text }));
  const inChannel = (text: string) =>
    app.post(activity('channel-mention', bot.connector.url, { text: `<at>Practice Companion</at> ${text}` }));
  const lastText = () => String(bot.connector.sent().at(-1)?.['text'] ?? '');

  test("a lead's personal chat is recorded when they message the bot; the question itself is not", async () => {
    await start(SAM);
    await inPersonal('what does compassion mean in practice');
    expect(await store.leadChats()).toEqual([
      { leadId: SAM, conversationId: PERSONAL_CHAT, digestOn: true, updatedAt: new Date('2026-11-26T10:00:00Z') },
    ]);
    expect(JSON.stringify(await store.leadChats())).not.toContain('compassion');
  });

  test('the help card tells a lead in their personal chat how to turn the digest off and on, and nobody else', async () => {
    await start(SAM);
    await inPersonal('help');
    const lead = cardOf(bot.connector.sent().at(-1))!;
    expect(validateCard(lead)).toEqual([]);
    expect(cardText(lead)).toContain('type "digest off" to stop your Monday digest, or "digest on" to have it again');
    await inChannel('help');
    expect(cardText(cardOf(bot.connector.sent().at(-1)))).not.toContain('digest');
  });

  test('the help card in a personal chat of someone not in the lead list does not mention the digest', async () => {
    await start(SOMEONE_ELSE);
    await inPersonal('help');
    const card = cardOf(bot.connector.sent().at(-1))!;
    expect(cardText(card)).toContain('help');
    expect(cardText(card)).not.toContain('digest');
  });

  test('nobody else gets a row: not a person outside the lead list, and not a lead speaking in a channel', async () => {
    await start(SOMEONE_ELSE);
    await inPersonal('hello');
    await inChannel('hello');
    expect(await store.leadChats()).toEqual([]);
  });

  test('"digest off" and "digest on" in the personal chat change the setting, audited with the lead as actor', async () => {
    await start(SAM);
    await inPersonal('digest off');
    expect(lastText()).toBe(DIGEST_REPLIES.off);
    expect((await store.leadChats())[0]).toMatchObject({ leadId: SAM, digestOn: false });
    await inPersonal('Digest On');
    expect(lastText()).toBe(DIGEST_REPLIES.on);
    expect((await store.leadChats())[0]).toMatchObject({ digestOn: true });
    const audit = await store.auditLog([PERSONAL_CHAT], 10);
    expect(audit.map((a) => a.action).sort()).toEqual(['digest off', 'digest on']);
    expect(audit.every((a) => a.actor === SAM)).toBe(true);
  });

  test('"digest off" from someone not in the lead list changes nothing and says why', async () => {
    await start(SOMEONE_ELSE);
    await inPersonal('digest off');
    expect(lastText()).toBe(DIGEST_REPLIES.notLead);
    expect(await store.leadChats()).toEqual([]);
    expect(await store.auditLog([PERSONAL_CHAT], 10)).toEqual([]);
  });

  test('"digest off" from a lead in a channel changes nothing and says where to do it', async () => {
    await start(SAM);
    await inChannel('digest off');
    expect(lastText()).toBe(DIGEST_REPLIES.notPersonal);
    expect(await store.leadChats()).toEqual([]);
    expect(await store.auditLog([CHANNEL, PERSONAL_CHAT], 10)).toEqual([]);
  });

  test("a lead's data export shows their chat row, and erasure deletes it and their digests in the post log", async () => {
    await start(`${SAM},${SOMEONE_ELSE}`);
    await inPersonal('hello');
    await store.saveLeadChat(SOMEONE_ELSE, 'a:someone-else', new Date('2026-11-26T10:00:00Z'));
    await scheduleStore(store).addPostWithRotation(
      'weekly-digest',
      `digest:${SAM}:2026-11-30`,
      new Date('2026-11-30T08:00:00Z'),
      (state) => ({
        post: {
          slotKey: `digest:${SAM}:2026-11-30`,
          conversationId: PERSONAL_CHAT,
          slotAt: new Date('2026-11-30T08:00:00Z'),
          status: 'pending',
        },
        state,
      }),
    );
    expect((await store.personalData({ ids: [SAM.toUpperCase()], voterCodes: [] })).leadChats).toEqual([
      { conversationId: PERSONAL_CHAT, digestOn: true, updatedAt: new Date('2026-11-26T10:00:00Z') },
    ]);
    expect(await store.erasePerson({ ids: [SAM], voterCodes: [] })).toMatchObject({
      tables: { lead_chats: { deleted: 1 }, post_log: { deleted: 1 }, conversations: { deleted: 1 } },
    });
    expect((await store.leadChats()).map((c) => c.leadId)).toEqual([SOMEONE_ELSE]);
    expect(await store.postLog({ slotKey: `digest:${SAM}:2026-11-30` }, 5)).toEqual([]);
  });

  test('the digest reaches the personal chat the bot recorded, through its stored reference', async () => {
    await start(SAM);
    await inPersonal('hello');
    const before = bot.connector.sent().length;
    const clock = fakeClock('2026-11-30T08:00:00Z');
    const kb = loadOrThrow();
    const scheduler = createScheduler({
      store,
      kb,
      send: connectorSender(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), '', kb, undefined, {
        store,
        consoleUrl: 'https://practice.example.org/console',
      }),
      clock,
      graceMs: 6 * 3_600_000,
      ratePerSecond: 1000,
      conversationRatePerSecond: 7,
      digest: { leadIds: new Set([SAM]), timeZone: 'Europe/London', time: '08:00' },
    });
    expect(await scheduler.runOnce()).toBe(1);
    expect(bot.connector.sent().length).toBe(before + 1);
    expect(
      decodeURIComponent(bot.connector.requests.at(-1)!.path).startsWith(
        `/v3/conversations/${PERSONAL_CHAT}/activities`,
      ),
    ).toBe(true);
    const card = cardOf(bot.connector.sent().at(-1))!;
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toContain('Last week in Practice Companion');
  });
});
