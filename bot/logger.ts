import pino from 'pino';
import type { Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/**
 * Structured JSON logs. Callers pass ids, kinds, confidences and timings: never message text.
 * `destination` lets tests capture the output.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options = { level: config.logLevel, base: { service: 'practice-companion' } };
  return destination ? pino(options, destination) : pino(options);
}
