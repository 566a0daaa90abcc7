import { ActivityTypes, TestAdapter } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { PracticeCompanionBot } from '../../bot/teams/bot';
import { turnMiddleware } from '../../bot/teams/turn-middleware';
import { dataHandling } from '../../bot/teams/commands';
import { REPLIES } from '../../bot/teams/messages';
import { openStore } from '../../store/open';
import { cardText } from '../helpers/adaptive-cards';
import { cardOf } from '../helpers/fixtures';
import { testBotDeps } from '../../testkit/bot-deps';
import { loadOrThrow } from '../../testkit/kb';

const kb = loadOrThrow();

async function harness(env: Record<string, string> = {}) {
  const store = await openStore('sqlite::memory:');
  const deps = testBotDeps(store, { env });
  const bot = new PracticeCompanionBot(deps);
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.use(...turnMiddleware(deps));
  return { adapter, store, deps };
}

const card = (a: Partial<Activity>) => cardOf(a as Record<string, unknown>);
const text = (a: Partial<Activity>) => cardText(card(a));

describe('turns: every command', () => {
  test("help in a personal chat names what works there, and offers the framework's examples", async () => {
    const { adapter } = await harness();
    await adapter.send('help').assertReply((a) => {
      const shown = text(a);
      for (const name of ['values', 'principles', 'approaches', 'reflect', 'framework', 'about'])
        expect(shown).toContain(`"${name}`);
      for (const channelOnly of ['schedule', 'unsubscribe', 'meeting', '@mention'])
        expect(shown).not.toContain(channelOnly);
      expect(shown).not.toContain('"ingredients"');
      expect(shown.toLowerCase()).toContain('what does the a in cares mean');
    });
  });

  test.each([
    ['values', ['Compassion', 'Accountability', 'Respect', 'Empowerment', 'Sharing']],
    ['principles', ['Principle 1 · Be collaborative', 'Principle 10 · Be human']],
    ['approaches', ['Restorative Practice', 'New Town Culture']],
  ])('%s lists each entry as a button', async (command, titles) => {
    const { adapter } = await harness();
    await adapter.send(command).assertReply((a) => {
      const shown = text(a);
      for (const t of titles) expect(shown).toContain(t);
      expect(JSON.stringify(card(a))).toContain('"verb":"open"');
    });
  });

  test("ingredients in a Barking & Dagenham chat says kindly what it has instead, and never lists Jersey's", async () => {
    const { adapter } = await harness();
    await adapter.send('ingredients').assertReply((a) => {
      expect(text(a)).toContain(
        'The Barking & Dagenham framework has five values, ten principles and seven approaches rather than ingredients.',
      );
      expect(text(a)).toContain('CARES: our values');
      expect(text(a)).not.toContain('Ingredient');
    });
  });

  test('principles in a Jersey chat: "nine ingredients rather than principles", and the ingredients', async () => {
    const { adapter } = await harness();
    await adapter
      .send('framework jersey')
      .assertReply((a) => expect(text(a)).toMatch(/Switched/))
      .send('principles')
      .assertReply((a) => {
        expect(text(a)).toContain('The Jersey framework has nine ingredients rather than principles.');
        expect(text(a)).toContain('Ingredient 9');
        expect(text(a)).not.toContain('Principle');
      });
  });

  test('framework shows the current framework; "framework jersey" switches and is remembered', async () => {
    const { adapter, store } = await harness();
    await adapter
      .send('framework')
      .assertReply((a) => expect(text(a)).toContain("Barking & Dagenham Children's Social Care Practice Framework"))
      .send('framework jersey')
      .assertReply((a) => expect(text(a)).toMatch(/Switched/))
      .send('ingredient 3')
      .assertReply((a) => expect(text(a)).toContain('Ingredient 3'))
      .send('principle 3')
      .assertReply((a) => expect(text(a)).not.toContain('Principle 3'))
      .send('trauma informed')
      .assertReply((a) => expect(text(a)).toContain('Ingredient 6 · Trauma-informed'));
    expect(await store.frameworkFor('conversation:Convo1')).toBe('jersey');
  });

  test('framework with an unknown name says which names work', async () => {
    const { adapter } = await harness();
    await adapter
      .send('framework atlantis')
      .assertReply((a) =>
        expect(a.text).toMatch(/"framework jersey" for Jersey, or "framework lbbd" for Barking & Dagenham/),
      );
  });

  test('reflect gives a reflection card with one prompt and "Another prompt"', async () => {
    const { adapter } = await harness();
    await adapter.send('reflect').assertReply((a) => {
      expect(JSON.stringify(card(a))).toContain('"verb":"anotherPrompt"');
    });
  });

  test('reflect <topic> picks prompts for the closest entry', async () => {
    const { adapter } = await harness();
    await adapter.send('reflect curiosity').assertReply((a) => {
      expect(text(a)).toContain('Be professionally curious');
      expect(text(a)).toContain(kb.entry('lbbd-professional-curiosity')?.prompts[0]);
    });
  });

  test('about shows the version, both frameworks and how data is handled', async () => {
    const { adapter } = await harness();
    await adapter.send('about').assertReply((a) => {
      const shown = text(a);
      expect(shown).toContain('9.9.9');
      expect(shown).toContain('Jersey CSCS Practice Framework');
      expect(shown).toContain(dataHandling(90)[0]);
    });
  });

  test('a command word inside a sentence is a question, not a command', async () => {
    const { adapter } = await harness();
    await adapter
      .send('help me understand curiosity')
      .assertReply((a) => expect(text(a)).toContain('Be professionally curious'));
  });

  test('commands are whole words: "valuesX" is not "values"', async () => {
    const { adapter } = await harness();
    await adapter.send('valuesX').assertReply((a) => expect(text(a)).not.toContain('Principle 1'));
  });
});

describe('turns: every card action', () => {
  const invoke = (verb: string, data: unknown): Partial<Activity> => ({
    type: ActivityTypes.Invoke,
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  const invokeBody = (a: Partial<Activity>) =>
    (a.value as { body: { statusCode: number; type: string; value: unknown } }).body;

  test('a related-entry button (Action.Submit "open") answers with that entry', async () => {
    const { adapter } = await harness();
    await adapter
      .send({
        type: 'message',
        value: {
          action: 'open',
          entryId: 'jersey-direct-work',
          msteams: { type: 'messageBack', displayText: 'Impactful direct work' },
        },
      })
      .assertReply((a) => expect(text(a)).toContain('Ingredient 9'));
  });

  test('an example-question button (Action.Submit "ask") answers the question', async () => {
    const { adapter } = await harness();
    await adapter
      .send({ type: 'message', value: { action: 'ask', question: 'principle 7' } })
      .assertReply((a) => expect(text(a)).toContain('Principle 7'));
  });

  test('an "open" button for an entry that no longer exists says so', async () => {
    const { adapter } = await harness();
    await adapter
      .send({ type: 'message', value: { action: 'open', entryId: 'lbbd-retired-entry' } })
      .assertReply((a) => expect(a.text).toBe(REPLIES.entryGone));
  });

  test('feedback updates the card in place with thanks, and counts one vote per person', async () => {
    const { adapter, store, deps } = await harness();
    const answerId = await deps.answerIds.issue({ id: 'lbbd-compassion', frameworkId: 'lbbd' });
    await adapter
      .send(invoke('feedback', { answerId, entryId: 'lbbd-compassion', helpful: true }))
      .assertReply((a) => {
        expect(a.type).toBe('invokeResponse');
        expect(invokeBody(a)).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
        expect(cardText(invokeBody(a).value)).toMatch(/Thank you/);
      })
      .send(invoke('feedback', { answerId, entryId: 'lbbd-compassion', helpful: true }))
      .assertReply((a) => expect(invokeBody(a).statusCode).toBe(200));
    expect(await store.feedbackCounts()).toEqual([
      { entryId: 'lbbd-compassion', day: '2026-11-23', helpful: 1, notHelpful: 0 },
    ]);
  });

  test('"Another prompt" refreshes the card with the next prompt for the same entry', async () => {
    const { adapter } = await harness();
    const entry = kb.entry('lbbd-be-human');
    await adapter
      .send(invoke('anotherPrompt', { entryId: 'lbbd-be-human', promptIndex: 1, audience: 'individual' }))
      .assertReply((a) => {
        const shown = cardText(invokeBody(a).value);
        expect(shown).toContain('Principle 10 · Be human');
        expect(shown).toContain(entry?.prompts[1]);
        expect(shown).not.toContain(entry?.prompts[0]);
      });
  });

  test('an unknown verb is refused with 400', async () => {
    const { adapter } = await harness();
    await adapter.send(invoke('shred', {})).assertReply((a) => expect(invokeBody(a).statusCode).toBe(400));
  });
});
