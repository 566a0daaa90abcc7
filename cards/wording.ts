/** The words our cards use, in one place so they stay plain, kind and consistent. Framework text comes from the knowledge base. */
export const WORDING = Object.freeze({
  piiReminder:
    'A gentle reminder: this looks as though it may include a name, age, school or reference number. Teams keeps this chat, so please leave out anything that could identify a child or family. Your question is answered all the same.',
  /** What the bot is for, and not for: one line on the welcome and help cards. */
  purpose: 'I help you find and reflect on your practice framework. I am not for case decisions: for those, talk to your manager or the duty team.',
  /** What happens to what people type, said truthfully: the bot keeps nothing, but Teams keeps the chat. */
  privacy: 'I keep no text you type. Teams keeps the chat as usual, so please leave out names or anything that could identify a child or family.',
  inShort: 'In short',
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
  noAnswer: {
    empty: 'What would you like to know about the framework?',
    'no-match': "I'm not sure I have an answer to that.",
    'no-such-number': "The framework doesn't have that number.",
  },
  startWith: 'You could start with',
  noAnswerHint: 'Try asking in different words, or pick one of these.',
  noAnswerHintAlone: 'Try asking in different words.',
  welcome: {
    greeting: "Hello, I'm Practice Companion.",
    answers: 'Ask me about your practice framework. Each answer gives a short summary in my words, then the framework\'s own words and where they come from.',
    reflects: 'Your team can also choose a weekly reflection, and a moment to reflect at the start of meetings.',
    change: 'To use a different framework, type "framework".',
  },
  help: {
    title: 'How to ask',
    howToAsk: 'Type a question about the framework, for example about one of its values, principles or approaches.',
    inChannels: 'In a channel or group chat, @mention me first, then type your question.',
    commands: 'Things you can type',
  },
  about: {
    title: 'About Practice Companion',
    organisation: 'Organisation',
    source: 'Source',
    author: 'Author',
    approver: 'Approved by',
    date: 'Date',
    data: 'How your data is handled',
  },
  framework: {
    howToSwitch: 'To switch, type one of these:',
    otherFrameworks: 'Other frameworks',
  },
});
