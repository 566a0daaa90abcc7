import type { DetailKind } from '../safety';
import type { Framework, Signposts } from '../kb/model';

/**
 * The words of a response, Teams-free: the chat's cards, the tab and `practice-companion ask` all say
 * these, so what the command line prints is what staff see. Plain, kind and short (UK English).
 * The signposts' own texts are the framework files' (knowledge/frameworks/*.yaml), never here.
 */

export type SignpostName = keyof Signposts;

/** The heading each signpost is shown under. */
export const SIGNPOST_HEADINGS: Readonly<Record<SignpostName, string>> = Object.freeze({
  urgent: 'If a child may be at risk now',
  caseAdvice: 'For a decision about a child or family',
  procedures: 'Local procedures',
  staffSupport: 'Looking after yourself',
  workerSafety: 'If you are not safe',
  crisis: 'If it ever feels like too much',
  employment: 'Questions about your job',
});

const DETAIL_WORDS: Readonly<Record<DetailKind, string>> = Object.freeze({
  name: 'a name',
  age: 'an age',
  school: 'a school',
  address: 'an address',
  postcode: 'a postcode',
  phone: 'a phone number',
  email: 'an email address',
  'date-of-birth': 'a date of birth',
  reference: 'a reference number',
});

/** "a name", "a name and a postcode", "a name, an age and a school": what was noticed, never what it was. */
export function detailsNoticed(kinds: readonly DetailKind[]): string {
  const words = [...new Set(kinds)].map((k) => DETAIL_WORDS[k]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export const RESPONSE_WORDS = Object.freeze({
  /**
   * The personal-details reminder, on every card of the reply: a reminder, never a refusal. In chat,
   * why it matters (Teams keeps the chat); in the tab, nothing is kept, so only the ask.
   */
  reminder: (kinds: readonly DetailKind[], where: 'chat' | 'tab' = 'chat') =>
    `A gentle reminder: this looks as though it may include ${detailsNoticed(kinds)}. ${
      where === 'chat' ? 'Teams keeps this chat, so please' : 'Please'
    } leave out anything that could identify a child or family.`,
  noAnswer: {
    empty: 'What would you like to know about the framework?',
    'no-match': "I'm not sure I have an answer to that.",
    'no-such-number': "The framework doesn't have that number.",
    'not-covered': "The framework doesn't cover that.",
  },
  /** A plain decline: something the framework does not contain. */
  notCovered: (name: string) => `The framework doesn't cover ${name}.`,
  /** A question that named an entry the practice team has retired. */
  noLongerCovered: (name: string) => `The framework no longer covers "${name}": the practice team took it out.`,
  notCoveredHint:
    "It holds the framework's own ideas, not procedures, legal duties, employment matters or other practice models. For this, please go to the people and places below.",
  noAnswerHint: 'The framework may not cover this. You could ask in different words, or pick one of these.',
  noAnswerHintAlone: 'The framework may not cover this. You could ask in different words.',
  whereInstead: 'Where to go instead',
  /** "Who is our current PSW": who wrote or approved the framework, and when; never as if they hold the role now. */
  wroteIt: (f: Pick<Framework, 'name' | 'author' | 'authorRole' | 'date'>) =>
    `The ${f.name} was ${f.authorRole === 'approver' ? 'approved' : 'written'} by ${f.author}${
      f.author.includes(',') ? ',' : ''
    } in ${f.date}.`,
  checkIntranet: 'Check your intranet for who holds the role now.',
  /** Where several frameworks are served and this place has chosen none. */
  unchosen: {
    line: 'No framework has been chosen here yet, so this is the best match across them.',
    choose: 'Choose the one you use, and I will answer from it:',
  },
});
