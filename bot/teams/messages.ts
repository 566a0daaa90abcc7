import { mentions, withoutRecipientMention } from '../platform/activity';
import type { Turn } from '../platform/types';
import { MAX_QUESTION_LENGTH } from '../../knowledge/search/answer';
import { answerQuestion } from './answering';
import { commands, LIST_COMMANDS, parseCommand, sendList } from './commands';
import { digestCommand, parseDigestCommand } from './lead-digest';
import type { BotDeps } from '../deps';
import { textActivity } from './reply';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';

export const REPLIES = Object.freeze({
  attachmentsOnly:
    'I can only read typed questions, not files or pictures. Please type your question, for example "what does the A in CARES mean".',
  badButton: "That button didn't work as expected, so I didn't act on it. Please type your question instead.",
  entryGone: "I couldn't find that entry any more: the framework may have changed. Please type your question instead.",
  cut: `That was a long message, so I read only the first ${MAX_QUESTION_LENGTH.toLocaleString('en-GB')} characters.`,
  oldCard: 'That button is on a card too old for me to act on. Please type your question, or "help" for a fresh card.',
});

/** A typed message: a command or a question. (An old card's button press is bot/teams/card-actions.ts's.) */
export async function handleMessage(context: Turn, deps: BotDeps): Promise<void> {
  const activity = context.activity;
  const type = teamsActivity(context).kind;

  // In channels and group chats, answer only when @mentioned: by a mention Teams marked, or by the name
  // typed out ("@Practice Companion …") where none was chosen from the list, which Teams and the
  // Playground then send as plain text.
  const typedName = type !== 'personal' && !isMentioned(context) ? typedMention(context) : undefined;
  if (type !== 'personal' && !isMentioned(context) && typedName === undefined) {
    deps.logger.debug(turnInfo(context, { event: 'ignored', why: 'not mentioned' }), 'ignored a message');
    return;
  }

  let text = typedName ?? stripMentions(context);
  const files = (activity.attachments ?? []).filter((a) => a.contentType !== 'text/html');
  if (text === '' && files.length > 0) {
    await context.sendActivity(textActivity(REPLIES.attachmentsOnly));
    return;
  }

  if (text.length > MAX_QUESTION_LENGTH) {
    text = text.slice(0, MAX_QUESTION_LENGTH);
    await context.sendActivity(textActivity(REPLIES.cut));
  }

  await handleText(context, text, deps);
}

/**
 * What was typed, or what an example button asks for it: a command ("list the principles" too) or a
 * question. With `frameworkId` (a button made for that framework), lists and answers come from it,
 * whatever this chat uses now; one no longer served is ignored.
 */
export async function handleText(context: Turn, text: string, deps: BotDeps, frameworkId?: string): Promise<void> {
  const digest = parseDigestCommand(text);
  if (digest) {
    deps.logger.info(turnInfo(context, { event: 'command', command: 'digest' }), 'ran a command');
    await digestCommand(context, digest, deps);
    return;
  }
  const framework = frameworkId !== undefined ? deps.kb.framework(frameworkId) : undefined;
  const command = parseCommand(text);
  if (command) {
    deps.logger.info(turnInfo(context, { event: 'command', command: command.name }), 'ran a command');
    if (framework && isListCommand(command.name)) await sendList(context, LIST_COMMANDS[command.name], deps, framework);
    else await commands[command.name].run(context, command.argument, deps);
    return;
  }
  await answerQuestion(context, text, deps, framework);
}

const isListCommand = (name: string): name is keyof typeof LIST_COMMANDS =>
  Object.prototype.hasOwnProperty.call(LIST_COMMANDS, name);

function isMentioned(context: Turn): boolean {
  const botId = context.activity.recipient?.id;
  return mentions(context.activity, botId);
}

/** The names a typed-out mention may use: this app's, and the name Teams gave the bot in this chat. */
const APP_NAME = 'Practice Companion';

/** "@Practice Companion schedule pause" typed as text: what follows the name, or undefined if it does not start so. */
function typedMention(context: Turn): string | undefined {
  const text = (context.activity.text ?? '').replace(/&nbsp;/gi, ' ').trim();
  if (!text.startsWith('@')) return undefined; // what every pattern below needs first: no pattern built for a question
  const names = [APP_NAME, context.activity.recipient?.name ?? ''].filter((n) => n.trim() !== '');
  for (const name of names) {
    const escaped = name
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
    const match = new RegExp(`^@${escaped}(?=\\s|$)`, 'i').exec(text);
    if (match) return text.slice(match[0].length).replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

/** The text without "<at>Practice Companion</at>", HTML leftovers and surrounding space. */
function stripMentions(context: Turn): string {
  const text = withoutRecipientMention(context.activity) ?? context.activity.text ?? '';
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
