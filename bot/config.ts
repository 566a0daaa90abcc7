// The service's configuration: what it reads from its environment, checked once at start.
// The rules live in config/load.ts (the bot's identity and the console's sign-in in config/identity.ts),
// the list of variables in config/settings.ts, the shapes in config/types.ts, the `.env` loader and the
// GUID pattern (shared with scripts/package.ts) in config/env.ts.
export { loadConfig } from './config/load';
export { CONFIG_SETTINGS } from './config/settings';
export { ConfigError, RETENTION_DEFAULTS } from './config/types';
export { isLoopbackHost } from './config/env';
export type { Config } from './config/types';

/** The process environment. The one place in the code base that reads it. */
export function processEnvironment(): Readonly<Record<string, string | undefined>> {
  // eslint-disable-next-line no-restricted-syntax -- config is the only reader of the environment
  return process.env;
}
