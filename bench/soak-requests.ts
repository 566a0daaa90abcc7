// The request mix of bench/soak.ts, built from the real Teams activities the tests use
// (testkit/fixtures/activities), with fresh conversation, team and user ids as it goes, so that anything
// kept per conversation, team or person grows with the run unless it is bounded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

const FIXTURES = join(__dirname, '..', 'testkit', 'fixtures', 'activities');
const fixture = (name: string): Json => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Json;
const BASE = {
  personal: fixture('personal-message'),
  channel: fixture('channel-mention'),
  group: fixture('group-chat-message'),
  cardAction: fixture('adaptive-card-action'),
  query: fixture('compose-extension-query'),
  initialRun: fixture('compose-extension-initial-run'),
};

const QUESTIONS = [
  'what does the A in CARES mean',
  'principle 7',
  'how do we work with domestic abuse',
  'jersey trauma informed',
  'safegaurding',
  "what's the wifi password",
  'list the principles',
  'how do I write a good case note',
  'what is restorative practice',
  'relationship based practice',
];
const TYPED = [
  'prin',
  'principle 7',
  'trauma',
  'domestc abuse',
  'CARES',
  'case no',
  'wifi',
  'respect',
  'voice of',
  'r',
];

/** One HTTP request, as autocannon takes it. */
export interface SoakRequest {
  readonly kind: RequestKind;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

export const REQUEST_KINDS = ['question', 'vote', 'card action', 'tab search', 'extension query'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Out of every 20 requests: 8 questions, 3 votes, 3 other card actions, 3 tab requests, 3 compose-box invokes. */
const MIX: readonly RequestKind[] = [
  ...Array<RequestKind>(8).fill('question'),
  ...Array<RequestKind>(3).fill('vote'),
  ...Array<RequestKind>(3).fill('card action'),
  ...Array<RequestKind>(3).fill('tab search'),
  ...Array<RequestKind>(3).fill('extension query'),
];

/** A vote needs an answer id the bot issued: taken from the answer cards it sent to the fake connector. */
export type IssuedAnswer = Readonly<Json>;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

/**
 * The `i`th request. Every other request opens a new conversation (each seen twice), every third a new
 * person, every fortieth a new team: nothing repeats for long. `echo`: for the echo bot, which serves
 * only /api/messages, a tab search is sent as the same question in a message.
 */
export function soakRequest(
  i: number,
  serviceUrl: string,
  entryIds: readonly string[],
  answers: readonly IssuedAnswer[],
  echo: boolean,
): SoakRequest {
  const kind = MIX[i % MIX.length] ?? 'question';
  const conversation = Math.floor(i / 2);
  const person = Math.floor(i / 3);
  const team = Math.floor(i / 40);
  const question = QUESTIONS[Math.floor(i / MIX.length) % QUESTIONS.length] ?? 'principle 7';
  const entryId = entryIds[i % entryIds.length] ?? 'lbbd-accountability';
  const ids = {
    user: `29:soak-user-${person}`,
    aad: `00000000-0000-4000-8000-${hex(person, 12)}`,
    personal: `a:soak-personal-${conversation}`,
    channel: `19:soak-channel-${conversation}@thread.tacv2`,
    team: `19:soak-team-${team}@thread.tacv2`,
    group: `19:soak-group-${conversation}@thread.v2`,
  };
  const post = (base: Json, changes: Json): SoakRequest => ({
    kind,
    method: 'POST',
    path: '/api/messages',
    body: JSON.stringify(vary(base, changes)),
  });
  const vary = (base: Json, changes: Json): Json => ({
    ...base,
    id: `soak-${i}`,
    serviceUrl,
    from: { ...(base['from'] as Json), id: ids.user, aadObjectId: ids.aad },
    ...changes,
  });
  const inChannel = (base: Json): Json => ({
    conversation: { ...(base['conversation'] as Json), id: ids.channel },
    channelData: {
      ...(base['channelData'] as Json),
      channel: { id: ids.channel },
      team: { id: ids.team },
      ...('teamsTeamId' in (base['channelData'] as Json) ? { teamsChannelId: ids.channel, teamsTeamId: ids.team } : {}),
    },
  });
  const personal = { conversation: { ...(BASE.personal['conversation'] as Json), id: ids.personal } };

  switch (kind) {
    case 'question': {
      const where = i % 5;
      if (where === 0)
        return post(BASE.channel, { ...inChannel(BASE.channel), text: `<at>Practice Companion</at> ${question}` });
      if (where === 1)
        return post(BASE.group, {
          conversation: { ...(BASE.group['conversation'] as Json), id: ids.group },
          text: `<at>Practice Companion</at> ${question}`,
        });
      return post(BASE.personal, { ...personal, text: question });
    }
    case 'vote': {
      const answer = answers[i % Math.max(1, answers.length)];
      if (echo || !answer) return post(BASE.personal, { ...personal, text: question });
      return post(BASE.cardAction, {
        ...personal,
        value: action(i % 2 === 0 ? 'Helpful' : 'Not helpful', 'feedback', { ...answer, helpful: i % 2 === 0 }),
      });
    }
    case 'card action':
      return post(BASE.cardAction, {
        ...personal,
        value: i % 2 === 0 ? action('Open', 'open', { entryId }) : action('Ask', 'ask', { question }),
      });
    case 'tab search':
      if (echo) return post(BASE.personal, { ...personal, text: question });
      return i % 3 === 0
        ? { kind, method: 'GET', path: `/api/tab/place?team=${encodeURIComponent(ids.team)}` }
        : { kind, method: 'GET', path: `/api/tab/search?q=${encodeURIComponent(question)}` };
    case 'extension query': {
      const typed = TYPED[Math.floor(i / MIX.length) % TYPED.length] ?? 'prin';
      const base = i % 4 === 0 ? BASE.initialRun : BASE.query;
      return post(base, {
        ...inChannel(base),
        ...(base === BASE.query
          ? { value: { ...(base['value'] as Json), parameters: [{ name: 'query', value: typed }] } }
          : {}),
      });
    }
  }
}

function action(title: string, verb: string, data: Json): Json {
  return { action: { type: 'Action.Execute', title, verb, data }, trigger: 'manual' };
}

/** The answer ids in the feedback buttons of an activity the bot sent. */
export function issuedAnswers(activity: unknown, into: IssuedAnswer[], keep: number): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const o = node as Json;
    const data = o['data'] as Json | undefined;
    if (o['verb'] === 'feedback' && typeof data?.['answerId'] === 'string' && typeof data['entryId'] === 'string') {
      into.push(data);
      if (into.length > keep) into.shift();
      return;
    }
    Object.values(o).forEach(visit);
  };
  visit(activity);
}
