import { randomUUID } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/kb/model';
import { createSearch } from '../knowledge/search/answer';
import type { Store } from '../store/types';
import { createAdapter } from './adapter';
import { PracticeCompanionBot } from './bot';
import type { Config } from './config';
import type { BotDeps } from './deps';
import type { Logger } from './logger';
import { createServer } from './server';
import { registerLegalPages } from './web/legal';
import { registerTab } from './web/tab';
import type { HttpServer } from './server';

export interface AppDeps {
  readonly config: Config;
  readonly kb: KnowledgeBase;
  readonly store: Store;
  readonly logger: Logger;
  readonly version: string;
  readonly clock?: () => Date;
  readonly newId?: () => string;
}

export interface App {
  readonly server: HttpServer;
  readonly bot: PracticeCompanionBot;
  readonly deps: BotDeps;
}

/** Builds the whole service without opening a port. */
export function createApp(app: AppDeps): App {
  const deps: BotDeps = {
    config: app.config,
    kb: app.kb,
    search: createSearch(app.kb),
    store: app.store,
    logger: app.logger,
    version: app.version,
    clock: app.clock ?? (() => new Date()),
    // randomUUID draws from a cached entropy pool: far cheaper per answer than randomBytes.
    newId: app.newId ?? (() => randomUUID().replace(/-/g, '')),
  };
  const adapter = createAdapter(app.config, app.logger);
  const bot = new PracticeCompanionBot(deps);
  const server = createServer({
    adapter,
    bot,
    logger: app.logger,
    health: () => ({
      version: app.version,
      knowledgeBase: { frameworks: app.kb.frameworks.map((f) => f.id), entries: app.kb.entries.length },
      auth: app.config.anonymous ? 'anonymous' : app.config.appType,
    }),
    onDrained: () => app.store.close(),
    routes: [(server) => registerLegalPages(server), (server) => registerTab(server, deps)],
  });
  return { server, bot, deps };
}
