import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './logger';
import { textActivity } from './reply';
import { turnInfo } from './turn-info';

export const TURN_ERROR_REPLY = "Sorry, something went wrong on my side. Please try again in a moment.";

/**
 * botbuilder's CloudAdapter, authenticated from our validated config (not from process.env).
 * With no app id it runs anonymously: no JWT is checked and replies carry no token.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.anonymous
      ? {}
      : {
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.appPassword,
          MicrosoftAppType: config.appType,
          MicrosoftAppTenantId: config.appTenantId,
        },
  );
  const adapter = new CloudAdapter(auth);
  // The one error boundary for every turn: log ids (never text), tell the person kindly.
  adapter.onTurnError = async (context, error) => {
    const err = error instanceof Error ? error : new Error(String(error));
    logger.error(turnInfo(context, { event: 'turn-error', error: { name: err.name, message: err.message, stack: err.stack } }), 'a turn failed');
    if (context.activity.type === 'message') {
      try {
        await context.sendActivity(textActivity(TURN_ERROR_REPLY));
      } catch (sendError) {
        logger.error(turnInfo(context, { event: 'turn-error-reply-failed', error: { message: (sendError as Error).message } }), 'could not send the error reply');
      }
    }
  };
  return adapter;
}
