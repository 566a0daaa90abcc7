import { frameworkQuestionCard } from '../../cards';
import { chooseFrameworkSchema } from '../../cards/actions';
import { textsOf } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();

describe('frameworkQuestionCard', () => {
  test.each([
    ['team', 'Which practice framework does this team use?'],
    ['chat', 'Which practice framework does this chat use?'],
  ] as const)('in a %s it asks %p, with a button per framework that carries only its id', (place, question) => {
    const message = frameworkQuestionCard({ kb, place, retentionDays: 90 });
    expectWellFormed(message);
    expect(textsOf(message.card)).toContain(question);
    const json = JSON.stringify(message.card);
    const buttons = [
      ...json.matchAll(/\{"type":"Action\.Execute","title":"([^"]+)","verb":"chooseFramework","data":(\{[^}]*\})\}/g),
    ];
    expect(buttons.map((b) => b[1])).toEqual(kb.frameworks.map((f) => f.shortName));
    for (const b of buttons) expect(chooseFrameworkSchema.safeParse(JSON.parse(b[2]!)).success).toBe(true);
    expect(message.card.fallbackText).toContain('"framework lbbd" for Barking & Dagenham');
  });
});
