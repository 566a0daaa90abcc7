import { staffSupportCard } from '../../cards';
import { WORDING } from '../../cards/wording';
import { textsOf } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../../testkit/kb';
import { expectWellFormed } from './well-formed';

const kb = loadOrThrow();

describe('staffSupportCard', () => {
  test('a kind word, then the staff-support signpost first, then where case advice comes from; no entry', () => {
    const signposts = kb.framework('jersey')!.signposts;
    const message = staffSupportCard({ signposts });
    expectWellFormed(message);
    const texts = textsOf(message.card);
    expect(texts[0]).toBe(WORDING.staffSupport.title);
    expect(texts.indexOf(signposts.staffSupport.text)).toBeGreaterThan(0);
    expect(texts.indexOf(signposts.staffSupport.text)).toBeLessThan(texts.indexOf(signposts.caseAdvice.text));
    expect(texts).not.toContain(signposts.urgent.text);
    expect(message.summary).toBe(signposts.staffSupport.text);
    expect(kb.entries.some((e) => texts.includes(e.summary))).toBe(false);
  });

  test('a signpost link becomes a button', () => {
    const signposts = kb.framework('jersey')!.signposts;
    const message = staffSupportCard({
      signposts: { ...signposts, staffSupport: { text: signposts.staffSupport.text, link: 'https://example.org/eap' } },
    });
    expectWellFormed(message);
    expect(JSON.stringify(message.card)).toContain('https://example.org/eap');
  });
});
