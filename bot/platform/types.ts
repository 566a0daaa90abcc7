import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

/**
 * The project's own activity and turn types: the part of the Bot Framework activity schema this bot
 * reads or sends, and what a handler may do in a turn. Everything outside bot/platform/ takes these,
 * never botbuilder's; botbuilder's objects fit them structurally, and so do the Agents SDK's
 * (docs/platform.md), so handlers do not change when the seam's SDK does.
 */

/** A person, the bot, or a conversation as an activity names them. Names are people's text: never logged. */
export interface Account {
  readonly id: string;
  readonly name?: string;
  readonly aadObjectId?: string;
}

export interface ConversationAccount extends Account {
  readonly conversationType?: string;
  readonly tenantId?: string;
  readonly isGroup?: boolean;
}

export interface Attachment {
  readonly contentType: string;
  readonly content?: unknown;
  readonly contentUrl?: string;
  readonly name?: string;
}

export interface Entity {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** An activity as it arrives or as the bot sends it: only the fields this bot uses. */
export interface Activity {
  readonly type: string;
  readonly id?: string;
  readonly name?: string;
  readonly action?: string;
  readonly text?: string;
  readonly textFormat?: string;
  readonly summary?: string;
  readonly value?: unknown;
  readonly channelId?: string;
  readonly serviceUrl?: string;
  readonly from?: Account;
  readonly recipient?: Account;
  readonly conversation?: ConversationAccount;
  readonly channelData?: unknown;
  readonly attachments?: readonly Attachment[];
  readonly entities?: readonly Entity[];
  readonly membersAdded?: readonly Account[];
  readonly membersRemoved?: readonly Account[];
}

/** What the Bot Connector answered to a send: the new message's id, when it gave one. */
export interface Sent {
  readonly id?: string;
}

/** What every turn has, middleware included: the activity that arrived, and a way to answer in it. */
export interface TurnBase {
  readonly activity: Activity;
  /** Sends into this turn's conversation (a string is a plain message, as in botbuilder and the Agents SDK). */
  sendActivity(activity: Partial<Activity> | string): Promise<Sent | undefined>;
}

/** Where a conversation the bot starts goes: a new thread in a team's channel, or the one-to-one chat with the person in this turn. */
export type NewConversation = { readonly channelId: string } | { readonly withSender: true };

/** A turn as a handler sees it. */
export interface Turn extends TurnBase {
  /**
   * Starts a conversation from this turn (POST /v3/conversations) in this turn's tenant and sends
   * `activities` into it; in a channel the first one opens the thread. Throws what the Bot Connector
   * answered. Undefined where the host cannot start conversations (test adapters): send in place.
   */
  readonly startConversation:
    ((where: NewConversation, activities: readonly Partial<Activity>[]) => Promise<void>) | undefined;
  /** A member's display name as Teams gives it (people's text: show it, never log it). Throws what Teams answered. */
  memberName(userId: string): Promise<string | undefined>;
}

/** Runs before the handlers on every turn that arrives; `next()` goes on to them. */
export type Middleware = (turn: TurnBase, next: () => Promise<void>) => Promise<void>;

/** A stored conversation reference: where the bot posts later. Ids and the service URL only. */
export interface ConversationReference {
  readonly bot?: Account;
  readonly channelId?: string;
  readonly serviceUrl?: string;
  readonly conversation?: ConversationAccount;
}

/** An `adaptiveCard/action` invoke's value (Action.Execute): the button's verb and data, unchecked. */
export interface CardActionValue {
  readonly action?: { readonly verb?: unknown; readonly data?: unknown };
}

/** The answer to an `adaptiveCard/action` invoke: a card to replace the pressed one, a note, or an error. */
export interface CardActionResponse {
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

/** A compose-box search result: the card inserted, with its preview in the result list. */
export interface ExtensionAttachment extends Attachment {
  readonly preview: Attachment;
}

/** The answer to a compose-box search (`composeExtension/query` or `/selectItem`). */
export interface ExtensionResponse {
  readonly composeExtension:
    | {
        readonly type: 'result';
        readonly attachmentLayout: 'list';
        readonly attachments: readonly ExtensionAttachment[];
      }
    | { readonly type: 'message'; readonly text: string };
}

/** A Teams meeting's start event, as the bot reads it. */
export interface MeetingStart {
  readonly id?: string;
  readonly title?: string;
  readonly startTime?: Date | string;
}

/** An HTTP request as a route sees it: Node's, with the path's named parts. */
export type HttpRequest = IncomingMessage & { readonly params?: Record<string, string> };

/** What a route may do with the response. A JSON body is serialised, with its content type, by `send`. */
export interface HttpResponse {
  send(status: number, body?: unknown, headers?: Record<string, string>): unknown;
  /** The body as it is, bytes or text, with the headers given. */
  sendRaw(status: number, body: string | Buffer, headers?: Record<string, string>): unknown;
  writeHead(status: number, headers?: OutgoingHttpHeaders): unknown;
  end(body?: string | Buffer): unknown;
  readonly headersSent: boolean;
}

/** Answers one request. A rejection is logged and answered 500 by the server. */
export type RouteHandler = (req: HttpRequest, res: HttpResponse) => void | Promise<void>;

/** Where pages and APIs register their paths (`:name` parts arrive in `req.params`). */
export interface Routes {
  get(path: string, handler: RouteHandler): void;
  /** HEAD: what GET would answer, without the body (the handler writes the status and headers only). */
  head(path: string, handler: RouteHandler): void;
  post(path: string, handler: RouteHandler): void;
  put(path: string, handler: RouteHandler): void;
  del(path: string, handler: RouteHandler): void;
}
