import { adaptiveCardAttachment, THUMBNAIL_CARD_TYPE } from '../platform/activity';
import type { ExtensionAttachment, ExtensionResponse } from '../platform/types';
import type { Turn } from '../platform/types';
import { startOfWeek as weekStart } from '../../schedule/slots';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { extensionCard, extensionPreview, selectItemSchema } from '../../cards';
import type { PreviewLabel } from '../../cards';
import type { Entry, Framework } from '../../knowledge/kb/model';
import type { AnswerResult } from '../../knowledge/search/answer';
import { MAX_QUESTION_LENGTH } from '../../knowledge/search/answer';
import type { BotDeps } from '../deps';
import { placeFramework } from './framework-choice';
import { RESPONSE_WORDS, respond, routeText } from '../../knowledge/respond';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';
import { utcDay } from '../../time/clock';

// The search-based message extension: `composeExtension/query` lists entries, `composeExtension/selectItem`
// gives the card to insert. Teams waits at most 5 s for either (see /work/shared/teams-platform.md,
// "Message extensions"), so nothing here may throw: bad input gets a plain message instead.

/** The manifest's one command, and its one parameter. */
export const COMMAND_ID = 'searchFramework';
export const QUERY_PARAMETER = 'query';
/** Results in one list: the compose box shows about this many without scrolling. */
export const MAX_RESULTS = 8;
/** Store look-ups for one invoke get this long in all; after it the list is built without them, well inside Teams' 5 s. */
export const STORE_BUDGET_MS = 1500;

export const EXTENSION_REPLIES = Object.freeze({
  unreadable: "I couldn't read that search. Please type it again.",
  unknownCommand: "Practice Companion doesn't have that search. Please update the app, then try again.",
  noMatch: 'Nothing in the framework matches that. Try other words, such as "curiosity" or "principle 7".',
  entryGone: "I couldn't find that entry any more: the framework may have changed. Please search again.",
});

/** The `value` of a `composeExtension/query` invoke, checked where it arrives. */
const querySchema = z.object({
  commandId: z.string(),
  parameters: z.array(z.object({ name: z.string(), value: z.unknown() })).min(1),
  queryOptions: z
    .object({ skip: z.number().int().min(0).optional(), count: z.number().int().min(0).optional() })
    .optional()
    .catch(undefined),
});

type Listed = { readonly entry: Entry; readonly label?: PreviewLabel };
type Outcome = { readonly response: ExtensionResponse; readonly log: Record<string, unknown> };

export async function extensionQuery(context: Turn, query: unknown, deps: BotDeps): Promise<ExtensionResponse> {
  const started = process.hrtime.bigint();
  const { response, log } = await answerQuery(context, query, deps);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  deps.logger.info(turnInfo(context, { event: 'extension-query', ...log, ms }), 'answered a compose-box search');
  return response;
}

async function answerQuery(context: Turn, query: unknown, deps: BotDeps): Promise<Outcome> {
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) return { response: message(EXTENSION_REPLIES.unreadable), log: { mode: 'unreadable' } };
  const { commandId, parameters, queryOptions } = parsed.data;
  if (commandId !== COMMAND_ID)
    return { response: message(EXTENSION_REPLIES.unknownCommand), log: { mode: 'unknown-command' } };

  const initialRun = parameters.some((p) => p.name === 'initialRun' && String(p.value) === 'true');
  const typed = parameters.find((p) => p.name === QUERY_PARAMETER)?.value;
  const text = typeof typed === 'string' ? typed.trim() : '';
  const truncated = text.length > MAX_QUESTION_LENGTH;
  const within = storeBudget(context, deps);
  const framework = await within(placeFramework(context, deps), () => fallbackFramework(deps), 'framework');

  let listed: Listed[];
  let log: Record<string, unknown>;
  if (initialRun || text === '') {
    listed = await initialList(context, framework, within, deps);
    log = { mode: 'initial' };
  } else {
    // The same response as in chat (knowledge/respond). A safety route's words come instead of entries to
    // insert; the log does not say why, so it reveals nothing of what was typed.
    const response = respond(deps.search, text, framework ? { frameworkId: framework.id } : {});
    const { result, reply } = response;
    if (response.routes.length > 0)
      return {
        response: message(response.routes.map((route) => routeText(route, response.signposts)).join(' ')),
        log: { mode: 'search' },
      };
    listed = searchList(result, deps).map((entry) => ({ entry }));
    log = { mode: 'search', found: result.found, how: result.found ? result.how : result.reason, truncated };
    // Something the framework plainly does not contain: say so, and where to go, rather than "nothing matches".
    if (reply?.kind === 'decline' && listed.length === 0) {
      const name = reply.result.notCovered;
      const where = reply.whereToGo[0];
      const said = name !== undefined ? RESPONSE_WORDS.notCovered(name) : RESPONSE_WORDS.noAnswer['not-covered'];
      return { response: message(where ? `${said} ${response.signposts[where].text}` : said), log };
    }
  }

  const skip = queryOptions?.skip ?? 0;
  const page = listed.slice(skip, skip + Math.min(queryOptions?.count ?? MAX_RESULTS, MAX_RESULTS));
  log = { ...log, results: page.length, entryId: page[0]?.entry.id };
  if (listed.length === 0) return { response: message(EXTENSION_REPLIES.noMatch), log };
  const audience = teamsActivity(context).kind === 'personal' ? 'individual' : 'group';
  return { response: result(page.map(({ entry, label }) => attachment(entry, audience, deps, label))), log };
}

/** The best entry, then its alternatives and related entries; or, when not sure, the suggestions. */
function searchList(answer: AnswerResult, deps: BotDeps): Entry[] {
  const entries = answer.found
    ? [
        answer.entry,
        ...answer.alternatives.map((m) => m.entry),
        ...answer.entry.related.flatMap((id) => deps.kb.entry(id) ?? []),
      ]
    : answer.suggestions.map((m) => m.entry);
  return uniqueBy(entries, (e) => e.id).slice(0, MAX_RESULTS);
}

/** Before anything is typed: this week's item, the most-asked entries (this framework's first), then the framework's overviews. */
async function initialList(
  context: Turn,
  framework: Framework | undefined,
  within: Within,
  deps: BotDeps,
): Promise<Listed[]> {
  const now = deps.clock.now();
  const monday = startOfWeek(now, deps.config.schedule.defaultTimeZone);
  const teamId = teamsActivity(context).teamId;
  const where = { conversationId: teamsActivity(context).conversationKey, ...(teamId !== undefined && { teamId }) };
  const [featuredId, asked] = await Promise.all([
    within(deps.store.featuredEntry(where, monday), () => undefined, 'featured-entry'),
    within(deps.store.mostAsked(MAX_RESULTS * 4), () => [], 'most-asked'),
  ]);
  // This place's framework's entries; where none is chosen, every framework's.
  const ours = (e: Entry) => framework === undefined || e.frameworkId === framework.id;
  const featuredEntry = featuredId !== undefined ? deps.kb.entry(featuredId) : undefined;
  const featured =
    (featuredEntry && ours(featuredEntry) ? featuredEntry : undefined) ??
    (framework ? weeklyDefault(framework, monday, deps) : undefined);
  // Most asked across the service, but only this place's framework's entries are offered.
  const mostAsked = asked.flatMap(({ entryId }) => deps.kb.entry(entryId) ?? []).filter(ours);
  const overviews = deps.kb.entries.filter((e) => ours(e) && e.kind === 'overview');
  const listed: Listed[] = [
    ...(featured ? [{ entry: featured, label: 'thisWeek' as const }] : []),
    ...mostAsked.map((entry) => ({ entry, label: 'mostAsked' as const })),
    ...overviews.map((entry) => ({ entry, label: 'startWith' as const })),
  ];
  return uniqueBy(listed, ({ entry }) => entry.id).slice(0, MAX_RESULTS);
}

/** Until a scheduled post has featured one, the framework's entries take turns, one a week, in the order the framework gives them. */
function weeklyDefault(framework: Framework, monday: Date, deps: BotDeps): Entry | undefined {
  const items = deps.kb.entries.filter((e) => e.frameworkId === framework.id && e.kind !== 'overview');
  const london = DateTime.fromJSDate(monday, { zone: 'Europe/London' });
  const week = Math.floor(Date.UTC(london.year, london.month - 1, london.day) / (7 * 24 * 3600 * 1000));
  return items[week % items.length];
}

/** Monday 00:00 this week in the schedules' default time zone: scheduled posts count from then. */
export function startOfWeek(now: Date, timeZone = 'Europe/London'): Date {
  return weekStart(now, timeZone);
}

export async function extensionSelectItem(context: Turn, item: unknown, deps: BotDeps): Promise<ExtensionResponse> {
  const parsed = selectItemSchema.safeParse(item);
  const entry = parsed.success ? deps.kb.entry(parsed.data.entryId) : undefined;
  if (!entry) {
    deps.logger.warn(
      turnInfo(context, { event: 'extension-select', found: false, readable: parsed.success }),
      'a picked search result named no entry we have',
    );
    return message(parsed.success ? EXTENSION_REPLIES.entryGone : EXTENSION_REPLIES.unreadable);
  }
  // A picked result counts as a question answered; typing alone does not (every key press is a query).
  const within = storeBudget(context, deps);
  await within(deps.store.recordAsk(entry.id, utcDay(deps.clock.now())), () => undefined, 'record-ask');
  await within(
    deps.store.countDaily('extension-share', entry.id, utcDay(deps.clock.now())),
    () => undefined,
    'count-share',
  );
  deps.logger.info(
    turnInfo(context, { event: 'extension-select', found: true, entryId: entry.id }),
    'inserted an entry from the compose box',
  );
  return result([attachment(entry, teamsActivity(context).kind === 'personal' ? 'individual' : 'group', deps)]);
}

function attachment(
  entry: Entry,
  audience: 'individual' | 'group',
  deps: BotDeps,
  label?: PreviewLabel,
): ExtensionAttachment {
  const preview = extensionPreview({ kb: deps.kb, entry, ...(label && { label }) });
  return {
    ...adaptiveCardAttachment(extensionCard({ kb: deps.kb, entry, audience }).card),
    preview: { contentType: THUMBNAIL_CARD_TYPE, content: preview },
  };
}

const result = (attachments: ExtensionAttachment[]): ExtensionResponse => ({
  composeExtension: { type: 'result', attachmentLayout: 'list', attachments },
});

const message = (text: string): ExtensionResponse => ({ composeExtension: { type: 'message', text } });

/** Gives a store look-up's answer, or the fallback if it fails or the invoke's store budget runs out first. */
type Within = <T>(work: Promise<T>, fallback: () => T, what: string) => Promise<T>;

/** One budget for all the store look-ups of an invoke; a failure or a late answer is logged by name, never by content. */
function storeBudget(context: Turn, deps: BotDeps): Within {
  const deadline = performance.now() + STORE_BUDGET_MS;
  return (work, fallback, what) => withinDeadline(work, fallback, what, deadline, context, deps);
}

async function withinDeadline<T>(
  work: Promise<T>,
  fallback: () => T,
  what: string,
  deadline: number,
  context: Turn,
  deps: BotDeps,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, deadline - performance.now()));
  });
  try {
    const outcome = await Promise.race([work.then((value) => ({ value })), late]);
    if (outcome !== 'late') return outcome.value;
    deps.logger.warn(
      turnInfo(context, { event: 'extension-store-slow', what, budgetMs: STORE_BUDGET_MS }),
      'the store was too slow; answering without it',
    );
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    deps.logger.warn(
      turnInfo(context, { event: 'extension-store-failed', what, error: { name: err.name, message: err.message } }),
      'the store failed; answering without it',
    );
  } finally {
    clearTimeout(timer);
  }
  return fallback();
}

/** When the store cannot say in time: the configured default, or the only framework served, else none (all). */
function fallbackFramework(deps: BotDeps): Framework | undefined {
  return (
    (deps.config.defaultFramework !== undefined ? deps.kb.framework(deps.config.defaultFramework) : undefined) ??
    (deps.kb.frameworks.length === 1 ? deps.kb.frameworks[0] : undefined)
  );
}

/** The conversation, without the ";messageid=…" a channel thread adds. */
/** The first of each, in order. */
function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
