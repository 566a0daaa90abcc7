import type { Turn } from '../platform/types';
import { aboutCard, frameworkCard, helpCard, listCard, privacyLine, reflectCard } from '../../cards';
import type { Entry, Framework } from '../../knowledge/kb/model';
import type { Kind } from '../../knowledge/kb/schema';
import { respond } from '../../knowledge/respond';
import { countWord } from '../../knowledge/search/numbers';
import { answerQuestion } from './answering';
import { featuredThisWeek, meetingCommand } from './meetings';
import { scheduleCommand, unsubscribeCommand } from './schedule/commands';
import type { BotDeps } from '../deps';
import { chooseFramework, findFramework, placeFramework } from './framework-choice';
import { cardActivity, textActivity } from './reply';
import { leadOf } from './lead-digest';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';

export interface Command {
  /** Shown in help and in the app manifest's command list. */
  readonly description: string;
  /** The argument it takes, if any, e.g. "[name]". Commands without one are matched only when typed alone. */
  readonly argument?: string;
  run(context: Turn, argument: string, deps: BotDeps): Promise<void>;
}

export type CommandName =
  | 'help'
  | 'values'
  | 'principles'
  | 'approaches'
  | 'ingredients'
  | 'framework'
  | 'reflect'
  | 'schedule'
  | 'unsubscribe'
  | 'meeting'
  | 'about';

const list = (kind: Kind, description: string): Command => ({
  description,
  run: (context, _argument, deps) => sendList(context, kind, deps),
});

export const commands = {
  help: {
    description: 'What I can do, and how to ask',
    run: async (context, _argument, deps) => {
      const framework = await placeFramework(context, deps);
      // Only the lists this place's framework has (every served one's, where none is chosen), in the order people meet them.
      const has = new Set(
        deps.kb.entries.filter((e) => !framework || e.frameworkId === framework.id).map((e) => e.kind),
      );
      const lists = (['value', 'principle', 'approach', 'ingredient'] as const)
        .filter((k) => has.has(k))
        .map((k) => plural(k));
      await context.sendActivity(
        cardActivity(
          helpCard({
            place: teamsActivity(context).kind === 'personal' ? 'personal' : 'group',
            lists,
            canSwitchFramework: deps.kb.frameworks.length > 1,
            // Practice leads, in their personal chat, also see how to turn their weekly digest off and on.
            digest: teamsActivity(context).kind === 'personal' && leadOf(context, deps) !== undefined,
            examples: framework?.examples ?? deps.kb.frameworks.flatMap((f) => f.examples.slice(0, 1)),
            ...(framework && { frameworkId: framework.id }),
            retentionDays: deps.config.console.suggestionRetentionDays,
          }),
        ),
      );
    },
  },
  values: list('value', 'List the values'),
  principles: list('principle', 'List the principles'),
  approaches: list('approach', 'List the approaches'),
  ingredients: list('ingredient', 'List the ingredients'),
  framework: {
    description: 'Show which framework this chat uses, or switch, e.g. "framework jersey"',
    argument: '[name]',
    run: async (context, argument, deps) => {
      const current = await placeFramework(context, deps);
      if (argument === '') {
        await context.sendActivity(
          cardActivity(frameworkCard({ kb: deps.kb, ...(current && { currentId: current.id }) })),
        );
        return;
      }
      const wanted = findFramework(argument, deps);
      if (!wanted && current && deps.kb.frameworks.length <= 1) {
        await context.sendActivity(textActivity(`Here I answer from the ${current.name} only.`));
        return;
      }
      if (!wanted) {
        const options = deps.kb.frameworks.map((f) => `"framework ${f.id}" for ${f.shortName}`).join(', or ');
        await context.sendActivity(textActivity(`I don't know a framework by that name. You can type ${options}.`));
        return;
      }
      await chooseFramework(context, deps, wanted);
      deps.logger.info(
        turnInfo(context, { event: 'framework-changed', from: current?.id, to: wanted.id }),
        'framework changed',
      );
      await context.sendActivity(
        cardActivity(
          frameworkCard({
            kb: deps.kb,
            currentId: wanted.id,
            ...(current && wanted.id !== current.id && { changedFrom: current.id }),
          }),
        ),
      );
    },
  },
  reflect: {
    description: 'A reflection prompt; add a topic for one about it, e.g. "reflect curiosity"',
    argument: '[topic]',
    run: async (context, argument, deps) => {
      const framework = await placeFramework(context, deps);
      let entry: Entry | undefined;
      if (argument === '') {
        // The same item a meeting opener would use: this week's post, else the entry of the day.
        entry = (await featuredThisWeek(context, deps)) ?? entryOfTheDay(framework?.id, deps);
      } else {
        // A topic that takes a safety route, or that the framework does not answer, gets the whole response instead.
        const { routes, reply } = respond(deps.search, argument, framework ? { frameworkId: framework.id } : {});
        if (routes.length > 0 || reply?.kind !== 'answer') {
          await answerQuestion(context, argument, deps);
          return;
        }
        entry = reply.result.entry;
      }
      if (!entry) return;
      await context.sendActivity(
        cardActivity(
          reflectCard({
            kb: deps.kb,
            entry,
            promptIndex: 0,
            audience: teamsActivity(context).kind === 'personal' ? 'individual' : 'group',
          }),
        ),
      );
    },
  },
  schedule: {
    description: "See and change this channel's scheduled posts: add, pause, resume, skip, preview, post now, history",
    argument: '[pause|resume|skip|preview|post now|history]',
    run: scheduleCommand,
  },
  unsubscribe: {
    description: 'Stop this channel\'s scheduled posts; add a number to stop one, e.g. "unsubscribe 2"',
    argument: '[number]',
    run: unsubscribeCommand,
  },
  meeting: {
    description: 'Turn the reflection that opens each meeting on or off: "meeting openers on" or "meeting openers off"',
    argument: 'openers on|off',
    run: meetingCommand,
  },
  about: {
    description: 'Version, frameworks and sources, and how your data is handled',
    run: async (context, _argument, deps) => {
      await context.sendActivity(
        cardActivity(
          aboutCard({
            version: deps.version,
            kb: deps.kb,
            dataHandling: dataHandling(deps.config.console.suggestionRetentionDays),
          }),
        ),
      );
    },
  },
} satisfies Record<CommandName, Command>;

/** What the about card says about data. Keep it true: tests check the logs and the store. */
export const dataHandling = (retentionDays: number) => [
  privacyLine(retentionDays),
  'I never write what you type to the logs.',
  'I keep which framework each team or chat uses, its scheduled posts, what I posted and when, and a record of who changed settings and when.',
  'To post into channels and chats, I keep their Teams addresses (ids only).',
  'When you press Helpful or Not helpful, I count it per entry per day. I keep a one-way code for your vote so you can change it, not your name.',
  'Logs hold message ids, the kind of chat, which entry answered and how confidently, and timings.',
];

/** The commands that list a kind of entry, and the kind each lists. */
export const LIST_COMMANDS = {
  values: 'value',
  principles: 'principle',
  approaches: 'approach',
  ingredients: 'ingredient',
} as const satisfies Partial<Record<CommandName, Kind>>;

/**
 * "list the principles", "show me all the values", "see the ingredients": asking for a list in a few more
 * words is the list command, not a question (search would answer it with the overview, not the list).
 */
const ASKING_FOR_A_LIST =
  /^(?:please\s+)?(?:list|show(?:\s+me)?|see|give\s+me|what\s+are)(?:\s+(?:all|every))?(?:\s+(?:of\s+)?the)?(?:\s+\d+)?\s+(values|principles|approaches|ingredients)(?:\s+please)?[.!?]*$/i;

/** Parses "framework jersey" or "values" as a command. Anything else is a question. */
export function parseCommand(text: string): { name: CommandName; argument: string } | undefined {
  const listed = ASKING_FOR_A_LIST.exec(text.trim());
  if (listed?.[1]) return { name: listed[1].toLowerCase() as keyof typeof LIST_COMMANDS, argument: '' };
  const [first = '', ...rest] = text.trim().split(/\s+/);
  const name = first.toLowerCase();
  if (!isCommandName(name)) return undefined;
  const argument = rest.join(' ');
  const command: Command = commands[name];
  if (argument !== '' && command.argument === undefined) return undefined; // "help me with curiosity" is a question
  return { name, argument };
}

function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}

/** A list of one kind of entry: from `framework` when a button names one, else from this place's. */
export async function sendList(context: Turn, kind: Kind, deps: BotDeps, framework?: Framework): Promise<void> {
  const place = framework ?? (await placeFramework(context, deps));
  // None chosen here: the list from each framework served that has one, each labelled by its own title.
  const frameworks = place ? [place] : deps.kb.frameworks;
  const entriesOf = (f: Framework) => deps.kb.entries.filter((e) => e.frameworkId === f.id);
  const having = frameworks.filter((f) => entriesOf(f).some((e) => e.kind === kind));
  for (const framework of having) {
    const mine = entriesOf(framework);
    const ofKind = mine.filter((e) => e.kind === kind).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    const overview = mine.find((e) => e.kind === 'overview' && e.lists === kind);
    await context.sendActivity(
      cardActivity(
        listCard({
          kb: deps.kb,
          title: overview?.title ?? capitalise(plural(kind)),
          ...(overview && { intro: overview.summary }),
          entries: ofKind,
        }),
      ),
    );
  }
  if (having.length > 0) return;
  // The framework has no entries of this kind: say kindly what it has instead, and list that. Never another framework's.
  for (const framework of frameworks)
    await context.sendActivity(
      cardActivity(listCard({ kb: deps.kb, ...insteadOf(kind, framework, entriesOf(framework)) })),
    );
}

/** "Jersey's framework has nine ingredients rather than principles", with the ingredients, or the overviews of each kind it has. */
function insteadOf(
  kind: Kind,
  framework: Framework,
  mine: readonly Entry[],
): { title: string; intro: string; entries: Entry[] } {
  const kinds = [...new Set(mine.filter((e) => e.kind !== 'overview').map((e) => e.kind))];
  const counted = kinds.map((k) => countOf(mine.filter((e) => e.kind === k).length, k));
  const has =
    counted.length === 0
      ? 'no numbered parts'
      : counted.length === 1
        ? counted[0]
        : `${counted.slice(0, -1).join(', ')} and ${counted[counted.length - 1]}`;
  const intro = `The ${framework.shortName} framework has ${has} rather than ${plural(kind)}.`;
  const onlyKind = kinds.length === 1 ? kinds[0] : undefined;
  if (onlyKind !== undefined) {
    const overview = mine.find((e) => e.kind === 'overview' && e.lists === onlyKind);
    const entries = mine.filter((e) => e.kind === onlyKind).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    return { title: overview?.title ?? capitalise(plural(onlyKind)), intro, entries };
  }
  const overviews = mine.filter((e) => e.kind === 'overview');
  return { title: framework.name, intro, entries: overviews };
}

const plural = (kind: Kind) => (kind.endsWith('ch') ? `${kind}es` : `${kind}s`);
const countOf = (n: number, kind: Kind) => `${countWord(n)} ${n === 1 ? kind : plural(kind)}`;
const capitalise = (word: string) => `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`;

/** The same entry all day, a different one each day, in the framework's own order (every framework's, where none is chosen). */
function entryOfTheDay(frameworkId: string | undefined, deps: BotDeps): Entry | undefined {
  const entries = deps.kb.entries.filter(
    (e) => (frameworkId === undefined || e.frameworkId === frameworkId) && e.kind !== 'overview',
  );
  const day = Math.floor(deps.clock.now().getTime() / 86_400_000);
  return entries[day % Math.max(1, entries.length)];
}
