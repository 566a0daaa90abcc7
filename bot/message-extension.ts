import type { MessagingExtensionQuery, MessagingExtensionResponse, TurnContext } from 'botbuilder';
import type { BotDeps } from './deps';

// The search-based message extension (issue #6). Being built: until then it answers with an empty list.

export async function extensionQuery(_context: TurnContext, _query: MessagingExtensionQuery, _deps: BotDeps): Promise<MessagingExtensionResponse> {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
}

export async function extensionSelectItem(_context: TurnContext, _item: unknown, _deps: BotDeps): Promise<MessagingExtensionResponse> {
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
}
