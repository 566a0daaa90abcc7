import { handleCardAction, handleSubmit, isSubmitPress } from './card-actions';
import { forgetConversation } from './conversations';
import type { BotDeps } from '../deps';
import { extensionQuery, extensionSelectItem } from './message-extension';
import { onMeetingStart } from './meetings';
import { handleMessage } from './messages';
import { TeamsBot } from '../platform/handlers';
import { teamsActivity } from './teams-activity';
import { welcome } from './welcome';

/**
 * Routes each kind of activity to its handler (bot/platform/handlers.ts). Unknown activity types are
 * accepted and ignored. The tenant allow-list and conversation tracking run before it, as middleware
 * on the adapter (turn-middleware.ts).
 */
export class PracticeCompanionBot extends TeamsBot {
  constructor(deps: BotDeps) {
    super(
      {
        message: (turn) => (isSubmitPress(turn.activity) ? handleSubmit(turn, deps) : handleMessage(turn, deps)),
        membersAdded: async (turn) => {
          const botId = turn.activity.recipient?.id;
          if (turn.activity.membersAdded?.some((m) => m.id === botId)) await welcome(turn, deps);
        },
        membersRemoved: async (turn) => {
          const botId = turn.activity.recipient?.id;
          if (turn.activity.membersRemoved?.some((m) => m.id === botId))
            await forgetConversation(turn, deps, 'the bot was removed');
        },
        uninstalled: (turn) => forgetConversation(turn, deps, 'the app was uninstalled'),
        meetingStart: (turn, meeting) => onMeetingStart(turn, meeting, deps),
        cardAction: (turn, value) => handleCardAction(turn, value, deps),
        extensionQuery: (turn, query) => extensionQuery(turn, query, deps),
        extensionSelectItem: (turn, item) => extensionSelectItem(turn, item, deps),
      },
      { appId: deps.config.appId, tenantOf: (turn) => teamsActivity(turn).tenantId },
    );
  }
}
