import type { TurnContext } from 'botbuilder';
import { aboutCard, frameworkCard, helpCard, listCard, reflectCard } from '../cards';
import type { Entry } from '../knowledge/kb/model';
import type { Kind } from '../knowledge/kb/schema';
import { answerQuestion } from './answering';
import { featuredThisWeek, meetingCommand } from './meetings';
import { scheduleCommand, unsubscribeCommand } from './schedule-commands';
import type { BotDeps } from './deps';
import { currentFramework, findFramework } from './framework-choice';
import { cardActivity, textActivity } from './reply';
import { isGroup, settingsScope, turnInfo } from './turn-info';

export interface Command {
  /** Shown in help and in the app manifest's command list. */
  readonly description: string;
  /** The argument it takes, if any, e.g. "[name]". Commands without one are matched only when typed alone. */
  readonly argument?: string;
  run(context: TurnContext, argument: string, deps: BotDeps): Promise<void>;
}

export type CommandName = 'help' | 'values' | 'principles' | 'approaches' | 'ingredients' | 'framework' | 'reflect' | 'schedule' | 'unsubscribe' | 'meeting' | 'about';

const list = (kind: Kind, description: string): Command => ({
  description,
  run: (context, _argument, deps) => sendList(context, kind, deps),
});

export const commands = {
  help: {
    description: 'What I can do, and how to ask',
    run: async (context, _argument, deps) => {
      const framework = await currentFramework(context, deps);
      const entries = (Object.entries(commands) as Array<[string, Command]>).map(([name, c]) => ({ name: c.argument ? `${name} ${c.argument}` : name, description: c.description }));
      await context.sendActivity(cardActivity(helpCard({ commands: entries, examples: framework.examples })));
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
      const current = await currentFramework(context, deps);
      if (argument === '') {
        await context.sendActivity(cardActivity(frameworkCard({ kb: deps.kb, currentId: current.id })));
        return;
      }
      const wanted = findFramework(argument, deps);
      if (!wanted) {
        const options = deps.kb.frameworks.map((f) => `"framework ${f.id}" for ${f.shortName}`).join(', or ');
        await context.sendActivity(textActivity(`I don't know a framework by that name. You can type ${options}.`));
        return;
      }
      await deps.store.setFramework({ scopeId: settingsScope(context), frameworkId: wanted.id, changedBy: context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'unknown', at: deps.clock() });
      deps.logger.info(turnInfo(context, { event: 'framework-changed', from: current.id, to: wanted.id }), 'framework changed');
      await context.sendActivity(cardActivity(frameworkCard({ kb: deps.kb, currentId: wanted.id, ...(wanted.id !== current.id && { changedFrom: current.id }) })));
    },
  },
  reflect: {
    description: 'A reflection prompt; add a topic for one about it, e.g. "reflect curiosity"',
    argument: '[topic]',
    run: async (context, argument, deps) => {
      const framework = await currentFramework(context, deps);
      let entry: Entry | undefined;
      if (argument === '') {
        // The same item a meeting opener would use: this week's post, else the entry of the day.
        entry = (await featuredThisWeek(context, deps)) ?? entryOfTheDay(framework.id, deps);
      } else {
        const result = deps.search.answer(argument, { defaultFramework: framework.id });
        if (!result.found) {
          await answerQuestion(context, argument, deps);
          return;
        }
        entry = result.entry;
      }
      if (!entry) return;
      await context.sendActivity(cardActivity(reflectCard({ kb: deps.kb, entry, promptIndex: 0, audience: isGroup(context) ? 'group' : 'individual' })));
    },
  },
  schedule: {
    description: 'See and change this channel\'s scheduled posts: add, pause, resume, skip, preview, post now, history',
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
      await context.sendActivity(cardActivity(aboutCard({ version: deps.version, kb: deps.kb, dataHandling: DATA_HANDLING })));
    },
  },
} satisfies Record<CommandName, Command>;

/** What the about card says about data. Keep it true: tests check the logs and the store. */
export const DATA_HANDLING = [
  "I never keep or log what you type. Questions are answered and then forgotten.",
  'I keep which framework each team or chat uses, its scheduled posts, what I posted and when, and a record of who changed settings and when.',
  'To post into channels and chats, I keep their Teams addresses (ids only).',
  'When you press Helpful or Not helpful, I count it per entry per day. I keep a one-way code for your vote so you can change it, not your name.',
  'Logs hold message ids, the kind of chat, which entry answered and how confidently, and timings.',
] as const;

/** Parses "framework jersey" or "values" as a command. Anything else is a question. */
export function parseCommand(text: string): { name: CommandName; argument: string } | undefined {
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

async function sendList(context: TurnContext, kind: Kind, deps: BotDeps): Promise<void> {
  const framework = await currentFramework(context, deps);
  const ofKind = (frameworkId?: string) =>
    deps.kb.entries.filter((e) => e.kind === kind && (frameworkId === undefined || e.frameworkId === frameworkId)).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  const mine = ofKind(framework.id);
  const entries = mine.length > 0 ? mine : ofKind();
  if (entries.length === 0) {
    await context.sendActivity(textActivity(`None of the frameworks I know has ${kind}s.`));
    return;
  }
  const overview = deps.kb.entries.find((e) => e.kind === 'overview' && e.lists === kind && e.frameworkId === entries[0]?.frameworkId);
  const intro = mine.length > 0 ? overview?.summary : `The ${framework.shortName} framework has no ${kind}s. These are from other frameworks.`;
  await context.sendActivity(cardActivity(listCard({ kb: deps.kb, title: overview?.title ?? `${kind[0]?.toUpperCase()}${kind.slice(1)}s`, ...(intro !== undefined && { intro }), entries })));
}

/** The same entry all day, a different one each day, in the framework's own order. */
function entryOfTheDay(frameworkId: string, deps: BotDeps): Entry | undefined {
  const entries = deps.kb.entries.filter((e) => e.frameworkId === frameworkId && e.kind !== 'overview');
  const day = Math.floor(deps.clock().getTime() / 86_400_000);
  return entries[day % Math.max(1, entries.length)];
}
