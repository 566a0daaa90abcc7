import { Writable } from 'node:stream';
import { loadConfig } from '../bot/config';
import type { BotDeps } from '../bot/deps';
import { createLogger } from '../bot/logger';
import { createAnswerIds } from '../bot/teams/answer-ids';
import { createVoterCodes } from '../bot/voter-code';
import { scheduleStore } from '../schedule/schedule-store';
import type { Store } from '../store/types';
import { clockOf } from '../time/clock';
import { shippedSearch } from './kb';

/**
 * The bot's dependencies for a test that runs turns in process (botbuilder's TestAdapter): the shipped
 * knowledge base, a silent log, a fixed clock and fixed answer ids, over the store given.
 */
export function testBotDeps(
  store: Store,
  options: { readonly env?: Record<string, string>; readonly at?: Date } = {},
): BotDeps {
  const config = loadConfig({ LOG_LEVEL: 'silent', DEFAULT_FRAMEWORK: 'lbbd', ...options.env }, '/nonexistent');
  const search = shippedSearch();
  const at = options.at ?? new Date('2026-11-23T09:00:00Z');
  return {
    config,
    kb: search.kb,
    search,
    store,
    schedules: scheduleStore(store),
    logger: createLogger(config, new Writable({ write: (_c, _e, done) => done() })),
    clock: clockOf(() => at),
    newId: () => 'answer-id-0001',
    answerIds: createAnswerIds(store, () => 'answer-id-0001'),
    voterCodes: createVoterCodes(store),
    version: '9.9.9',
  };
}
