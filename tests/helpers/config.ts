import { ConfigError, loadConfig } from '../../bot/config';
import type { Config } from '../../bot/config';

/** Loads config from exactly these variables: no .env file is read. */
export const load = (env: Record<string, string>): Config => loadConfig(env, '/nonexistent');

/** The variable and message of the ConfigError these variables cause; fails if they load. */
export function failure(env: Record<string, string>): { variable: string; message: string } {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return { variable: error.variable, message: error.message };
    throw error;
  }
  throw new Error('expected a ConfigError');
}
