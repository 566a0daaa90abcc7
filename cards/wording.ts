import { RESPONSE_WORDS, ROUTE_CONTENT, SIGNPOST_HEADINGS } from '../knowledge/respond';

/**
 * What happens to what people type, said truthfully and in the same words on the cards, on /privacy, in
 * the export notes and in docs/data-protection.md (tests/security/notices.test.ts keeps them in step):
 * nothing is kept but a question the person chooses to send, which is checked and deleted after `days`
 * (SUGGESTION_RETENTION_DAYS); Teams keeps the chat. Cards speak as "I"; the other places name the app.
 */
export function typedTextNotice(days: number, who: 'I' | 'Practice Companion' = 'I'): string {
  return `${who} ${who === 'I' ? 'keep' : 'keeps'} no text you type, except a question you choose to send to the practice team, which is checked for personal details and deleted after ${days} ${days === 1 ? 'day' : 'days'}. Teams keeps the chat.`;
}

/** The notice as a card's last line: what is kept, and what to leave out. */
export const privacyLine = (days: number) => `${typedTextNotice(days)} ${WORDING.leaveOut}`;

/**
 * The words our cards use, in one place so they stay plain, kind and consistent. Framework text comes from
 * the knowledge base; the words of a response (routes, declines, reminders) from knowledge/respond, which
 * the tab and the command line say too.
 */
export const WORDING = Object.freeze({
  /** What the bot is for, and not for: one line on the welcome and help cards. */
  purpose:
    'I help you find and reflect on your practice framework. I am not for case decisions: for those, talk to your manager or the duty team.',
  /** After the privacy notice (typedTextNotice) on cards: what to leave out, because Teams keeps the chat. */
  leaveOut: 'Please leave out names or anything that could identify a child or family.',
  inShort: 'In short',
  /** Under every post and prompt in a channel, group chat or meeting. */
  noDetailsInReplies: "Please keep replies general: don't share details of children or families here.",
  signposts: {
    urgentTitle: ROUTE_CONTENT['child-at-risk'].title,
    caseAdvice: SIGNPOST_HEADINGS.caseAdvice,
    procedures: SIGNPOST_HEADINGS.procedures,
    staffSupport: SIGNPOST_HEADINGS.staffSupport,
    notForCases: ROUTE_CONTENT['child-at-risk'].closing,
    whereInstead: RESPONSE_WORDS.whereInstead,
    open: 'Open',
  },
  frameworkSays: 'The framework says',
  readFullText: 'Read the full text',
  whoUses: 'Who uses it',
  why: 'Why',
  reflect: 'Reflect',
  related: 'Related',
  didYouMean: 'Did you mean…',
  youCouldAsk: 'You could ask',
  didThisHelp: 'Did this help?',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  thanksHelpful: 'Thank you, you said this helped. You can change your answer.',
  thanksNotHelpful: "Thank you, you said this didn't help. You can change your answer.",
  anotherPrompt: 'Another prompt',
  /** The heading of the reflection that opens a meeting, kept on every prompt after "Another prompt". */
  meetingOpener: 'Welcome. A moment to reflect before we start',
  noAnswer: RESPONSE_WORDS.noAnswer,
  /** The first-run question, when more than one framework is served and none is configured. */
  chooseFramework: {
    question: (place: 'team' | 'chat') => `Which practice framework does this ${place} use?`,
    why: 'I answer from one framework at a time, so the answers match the way you work.',
    later: 'You can change it later by typing "framework".',
  },
  /** The staff-support card, for someone who says the work is weighing on them. */
  staffSupport: {
    title: ROUTE_CONTENT.distress.title,
    kind: ROUTE_CONTENT.distress.kind,
    private: ROUTE_CONTENT.distress.closing,
  },
  /** The not-sure card when a question names something the framework does not contain. */
  notCovered: RESPONSE_WORDS.notCovered,
  noLongerCovered: RESPONSE_WORDS.noLongerCovered,
  notCoveredHint: RESPONSE_WORDS.notCoveredHint,
  startWith: 'You could start with',
  noAnswerHint: RESPONSE_WORDS.noAnswerHint,
  noAnswerHintAlone: RESPONSE_WORDS.noAnswerHintAlone,
  welcome: {
    greeting: "Hello, I'm Practice Companion.",
    answers:
      "Ask me about your practice framework. Each answer gives a short summary in my words, then the framework's own words and where they come from.",
    reflects: 'Your team can also choose a weekly reflection, and a moment to reflect at the start of meetings.',
    change: 'To use a different framework, type "framework".',
    /** Which framework this team or chat answers from. */
    uses: (place: 'team' | 'chat', name: string) => `This ${place} uses the ${name}.`,
    /** In a channel or group chat, typed messages reach me only with an @mention. */
    mention: (place: 'team' | 'chat') =>
      place === 'team'
        ? "In this team's channels, @mention me first (type @ and choose Practice Companion), then type your question. The buttons work without it."
        : 'In this chat, @mention me first (type @ and choose Practice Companion), then type your question. The buttons work without it.',
    meetingsHeading: 'Meetings',
    meetingsOffer:
      'I can open this team\'s meetings with a short moment to reflect. It is off until someone chooses it, and can be turned off again with "meeting openers off".',
    meetingsButton: 'Turn on meeting openers',
    meetingOn: 'When this meeting starts, I will post a short moment to reflect. Type "meeting openers off" to stop.',
    meetingOff:
      'Meeting openers are off here. Type "meeting openers on" if you would like one when the meeting starts.',
  },
  help: {
    title: 'How to ask',
    howToAsk: 'Type a question about the framework, for example about one of its values, principles or approaches.',
    inChannels: 'In a channel or group chat, @mention me first, then type your question.',
    commands: 'You can also',
    lists: (words: string) => `Type ${words} to see them all, and pick one to read.`,
    reflect: 'Type "reflect" for something to think about. Add a topic if you like, such as "reflect curiosity".',
    frameworkShow: 'Type "framework" to see which framework I answer from.',
    digest: 'As a practice lead, type "digest off" to stop your Monday digest, or "digest on" to have it again.',
    frameworkSwitch: 'Type "framework" to see which framework I answer from here, and to change it.',
    schedule: 'Type "schedule" to see, add or pause regular reflection posts here.',
    meetings:
      'Type "meeting openers on" and I will open each meeting with a short reflection ("meeting openers off" stops it).',
    about: 'Type "about" to see where my content comes from and how your data is handled.',
  },
  about: {
    title: 'About Practice Companion',
    organisation: 'Organisation',
    source: 'Source',
    author: 'Author',
    approver: 'Approved by',
    date: 'Date',
    reviewedBy: 'Content reviewed by',
    reviewedOn: 'Reviewed on',
    reviewDue: 'Next review due',
    review: 'Content review',
    neverReviewed:
      "Not yet reviewed. Nobody responsible for practice has checked this content yet. The summaries and prompts are Practice Companion's own words, not the framework's.",
    data: 'How your data is handled',
  },
  /** `schedule history`. */
  history: {
    title: 'Schedule history',
    posts: 'Posts',
    changes: 'Changes',
    none: 'None yet.',
  },
  framework: {
    noneChosen: 'No framework has been chosen here yet, so I answer from the best match across them.',
    orType: 'Or type one of these:',
    howToSwitch: 'To switch, type one of these:',
    otherFrameworks: 'Other frameworks',
  },
});
