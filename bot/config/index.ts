// The service's configuration: what it reads from its environment, checked once at start. The one config
// module: everything imports it as `bot/config`. The rules live in load.ts (the bot's identity and the
// console's sign-in in identity.ts), the list of variables in settings.ts, the shapes in types.ts, the
// `.env` loader and the GUID pattern (shared with scripts/package.ts) in env.ts.
export { loadConfig } from './load';
export { CONFIG_SETTINGS } from './settings';
export { ConfigError, RETENTION_DEFAULTS } from './types';
export { isLoopbackHost } from './env';
export type { Config } from './types';

/** The process environment. The one place in the code base that reads it. */
export function processEnvironment(): Readonly<Record<string, string | undefined>> {
  // eslint-disable-next-line no-restricted-syntax -- config is the only reader of the environment
  return process.env;
}
