import { answerCard, reflectCard } from '../../cards';
import { displayTitle } from '../../knowledge/kb/model';
import { textsOf } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();
const entries = kb.entries.map((entry) => [entry.id, entry] as const);

describe('every entry in the shipped knowledge base', () => {
  test.each(entries)('%s renders as a clean answer card', (_id, entry) => {
    const related = entry.related.flatMap((id) => kb.entry(id) ?? []);
    const message = answerCard({
      kb,
      result: {
        found: true,
        entry,
        confidence: 0.5,
        confident: false,
        how: 'search',
        alternatives: related.slice(0, 3).map((e) => ({ entry: e, confidence: 0.4 })),
      },
      answerId: 'answer-every-entry',
      reminder: ['name', 'postcode'],
      feedback: { helpful: false },
      promptIndex: 7,
    });
    expectWellFormed(message);
    expect(textsOf(message.card)).toContain(displayTitle(entry));
  });

  test.each(entries)('%s renders as a clean reflect card, for one person and for a group', (_id, entry) => {
    for (const audience of ['individual', 'group'] as const) {
      expectWellFormed(
        reflectCard({ kb, entry, promptIndex: 5, audience, heading: 'Welcome. A moment to reflect before we start' }),
      );
    }
  });
});
