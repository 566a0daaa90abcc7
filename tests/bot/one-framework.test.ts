// One framework per place, over HTTP: in a chat or team set to a framework, no card shows another
// framework's entry unless the question named that framework. Every command and card kind, for each framework.
import { displayTitle } from '../../knowledge/kb/model';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { cardText } from '../helpers/adaptive-cards';
import { activity, cardOf } from '../helpers/fixtures';
import { loadOrThrow } from '../../testkit/kb';

const kb = loadOrThrow();
const PERSONAL = 'a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890';
const TEAM = '19:d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6@thread.tacv2';
const MEETING_CHAT = '19:meeting_ZTE4ZGQ3YjEtOWM0NC00NDE3LWE5ZjItNWQ0ZTE3YzM5YjYx@thread.v2';
const OTHER = { lbbd: 'jersey', jersey: 'lbbd' } as const;
/** Asked in a place set to the key: a question that names the other framework. */
const NAMED = {
  lbbd: 'what does jersey say about trauma',
  jersey: 'what does barking say about trauma informed practice',
} as const;

let connector: FakeConnector;
let app: RunningApp;

afterEach(async () => {
  await app.close();
  await connector.close();
});

/** The entries a card shows: ids in its buttons' data, or display titles in its text. */
function entriesShown(card: unknown): string[] {
  const json = JSON.stringify(card);
  const text = cardText(card);
  return kb.entries
    .filter((e) => json.includes(`"${e.id}"`) || (e.number !== undefined && text.includes(displayTitle(e))))
    .map((e) => e.id);
}
const frameworkOf = (id: string) => kb.entry(id)?.frameworkId;

describe.each(['lbbd', 'jersey'] as const)('a place set to %s', (home) => {
  const other = OTHER[home];
  const otherName = kb.framework(other)!.name;

  beforeEach(async () => {
    connector = await startFakeConnector();
    app = await startApp({}, { http: true });
    for (const scopeId of [`conversation:${PERSONAL}`, `team:${TEAM}`, `conversation:${MEETING_CHAT}`]) {
      await app.store.setFramework({ scopeId, frameworkId: home, changedBy: 'test', at: new Date() });
    }
  });

  /** Posts an activity and returns the cards the bot sent in reply to it. */
  async function cardsFor(activityJson: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
    const before = connector.sent().length;
    const res = await app.post(activityJson);
    expect(res.status).toBe(200);
    return connector
      .sent()
      .slice(before)
      .map((s) => cardOf(s))
      .filter((c): c is Record<string, unknown> => c !== undefined);
  }
  const personal = (text: string) => activity('personal-message', connector.url, { text });
  const inChannel = (text: string) =>
    activity('channel-mention', connector.url, { text: `<at>Practice Companion</at> ${text}` });

  test.each([
    'help',
    'values',
    'principles',
    'approaches',
    'ingredients',
    'reflect',
    'reflect curiosity',
    'reflect trauma',
    'trauma informed',
    'sharing',
    'working with other agencies',
    'relationships',
    'principle 3',
    'ingredient 3',
    'value 5',
    'UNCRC',
    'CARES',
    'what are our values',
    'banana bread recipe',
    'schedule',
    'meeting',
    'framework',
    'about',
  ])('personal chat, "%s": every entry shown is from the chat\'s framework', async (text) => {
    const cards = await cardsFor(personal(text));
    for (const card of cards) {
      const shown = entriesShown(card).filter((id) => !(text === 'CARES' && id.startsWith('lbbd'))); // CARES names Barking & Dagenham's values
      expect({ text, others: shown.filter((id) => frameworkOf(id) !== home) }).toEqual({ text, others: [] });
      if (text !== 'framework' && text !== 'about' && text !== 'CARES') expect(cardText(card)).not.toContain(otherName);
    }
  });

  test('a question that names the other framework answers from it, and the card says so', async () => {
    const [card] = await cardsFor(personal(NAMED[home]));
    const answered = /"entryId":"([^"]+)","helpful"/.exec(JSON.stringify(card))?.[1] ?? '';
    expect(frameworkOf(answered)).toBe(other);
    expect(kb.entry(answered)?.title).toMatch(/trauma/i);
    expect(cardText(card)).toContain(
      `You asked about the ${kb.framework(other)!.shortName} framework, so this is from it. This chat uses the ${kb.framework(home)!.shortName} framework.`,
    );
    // Its related entries are its own framework's, never mixed.
    const shown = entriesShown(card);
    expect(new Set(shown.map(frameworkOf))).toEqual(new Set([other]));
  });

  test('opening an entry from a button: its related entries are all from the same framework', async () => {
    for (const entry of kb.entries.filter((e) => e.frameworkId === home)) {
      const [card] = await cardsFor(
        activity('personal-message', connector.url, { text: '', value: { action: 'open', entryId: entry.id } }),
      );
      expect({ id: entry.id, others: entriesShown(card).filter((id) => frameworkOf(id) !== home) }).toEqual({
        id: entry.id,
        others: [],
      });
    }
  });

  test.each(['reflect', 'trauma informed', 'values', 'principles', 'ingredients', 'banana bread recipe'])(
    'channel in a team set to the framework, "%s"',
    async (text) => {
      const cards = await cardsFor(inChannel(text));
      expect(cards.length).toBeGreaterThan(0);
      for (const card of cards) expect(entriesShown(card).filter((id) => frameworkOf(id) !== home)).toEqual([]);
    },
  );

  test("the schedule form offers only the team's framework, and a post from another is refused", async () => {
    const [card] = await cardsFor(inChannel('schedule'));
    const choices = JSON.stringify(card).match(/"id":"frameworkId"[^\]]*\]/)?.[0] ?? '';
    expect(choices).toContain(`"value":"${home}"`);
    expect(choices).not.toContain(`"value":"${other}"`);
    const before = connector.sent().length;
    await app.post(
      activity('channel-mention', connector.url, {
        text: '',
        value: {
          action: 'schedule-save',
          frameworkId: other,
          content: other === 'jersey' ? 'ingredient' : 'principle',
          cadence: 'weekly',
          weekdays: '1',
          time: '09:00',
          timeZone: 'Europe/London',
          kind: 'post',
        },
      }),
    );
    expect(JSON.stringify(connector.sent().slice(before))).toContain("I didn't save that");
    expect(await app.store.subscriptionsIn('19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2')).toEqual([]);
  });

  test("the message extension lists only the framework's entries, typed or not", async () => {
    const invoke = (value: Record<string, unknown>) =>
      activity('channel-mention', connector.url, {
        type: 'invoke',
        name: 'composeExtension/query',
        text: undefined,
        entities: [],
        value,
        channelData: {
          channel: { id: '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2' },
          team: { id: TEAM },
          tenant: { id: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93' },
          source: { name: 'compose' },
        },
      });
    for (const value of [
      {
        commandId: 'searchFramework',
        parameters: [{ name: 'initialRun', value: 'true' }],
        queryOptions: { skip: 0, count: 25 },
      },
      {
        commandId: 'searchFramework',
        parameters: [{ name: 'query', value: 'trauma' }],
        queryOptions: { skip: 0, count: 25 },
      },
      {
        commandId: 'searchFramework',
        parameters: [{ name: 'query', value: 'relationships' }],
        queryOptions: { skip: 0, count: 25 },
      },
    ]) {
      const res = await app.post(invoke(value));
      expect(res.status).toBe(200);
      const ids = kb.entries
        .filter((e) => res.body.includes(`"${e.id}"`) || res.body.includes(JSON.stringify(e.title)))
        .map((e) => e.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => frameworkOf(id) !== home)).toEqual([]);
    }
  });

  test("a meeting opener comes from the meeting chat's framework", async () => {
    await app.store.setMeetingOpeners(`conversation:${MEETING_CHAT}`, true, new Date());
    await app.post(activity('meeting-start', connector.url));
    await app.app.scheduler.runOnce();
    const cards = connector.requests
      .map((r) => cardOf(r.body))
      .filter((c): c is Record<string, unknown> => c !== undefined);
    expect(cards).toHaveLength(1);
    const shown = entriesShown(cards[0]);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((id) => frameworkOf(id) !== home)).toEqual([]);
  });

  test('the tab search keeps to the framework it is asked for', async () => {
    const res = await fetch(`${app.url}/api/tab/search?q=${encodeURIComponent('trauma')}&framework=${home}`);
    const body = await res.text();
    const ids = kb.entries.filter((e) => body.includes(`"${e.id}"`)).map((e) => e.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => frameworkOf(id) !== home)).toEqual([]);
  });
});

describe('FRAMEWORKS: a deployment that serves one framework', () => {
  beforeEach(async () => {
    connector = await startFakeConnector();
  });

  test('nobody sees the other framework, and welcome, help and about say nothing of switching', async () => {
    app = await startApp({ FRAMEWORKS: 'jersey', DEFAULT_FRAMEWORK: '' }, { http: true });
    expect(app.app.deps.kb.frameworks.map((f) => f.id)).toEqual(['jersey']);
    const texts: string[] = [];
    for (const text of [
      'help',
      'about',
      'framework',
      'values',
      'what does barking say about trauma',
      'CARES',
      'trauma',
    ]) {
      const before = connector.sent().length;
      await app.post(activity('personal-message', connector.url, { text }));
      texts.push(
        ...connector
          .sent()
          .slice(before)
          .map((s) => `${cardText(cardOf(s))}\n${String(s['text'] ?? '')}`),
      );
    }
    await app.post(activity('install-personal', connector.url));
    texts.push(cardText(cardOf(connector.sent().at(-1))));
    const all = texts.join('\n');
    expect(all).not.toMatch(/Barking|Dagenham|LBBD|CARES: our values/);
    expect(all).not.toMatch(/switch|different framework|"framework jersey"/i);
    const frameworks = await (await fetch(`${app.url}/api/tab/frameworks`)).text();
    expect(frameworks).not.toMatch(/lbbd|Barking/);
  });

  test('a bad value names the variable and the fix', async () => {
    await expect(startApp({ FRAMEWORKS: 'jersey,atlantis', DEFAULT_FRAMEWORK: '' }, { http: true })).rejects.toThrow(
      'FRAMEWORKS: "atlantis" is not a framework in the knowledge folder: use one of jersey, lbbd, separated by commas',
    );
    await expect(startApp({ FRAMEWORKS: 'Jersey CSCS', DEFAULT_FRAMEWORK: '' }, { http: true })).rejects.toThrow(
      'FRAMEWORKS: "jersey cscs" is not a framework id',
    );
    await expect(startApp({ FRAMEWORKS: 'jersey', DEFAULT_FRAMEWORK: 'lbbd' }, { http: true })).rejects.toThrow(
      'DEFAULT_FRAMEWORK: "lbbd" is not one of the frameworks served (FRAMEWORKS=jersey)',
    );
    app = await startApp({ FRAMEWORKS: ' lbbd , jersey ' }, { http: true });
    expect(app.app.deps.kb.frameworks).toHaveLength(2);
  });
});
