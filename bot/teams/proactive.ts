import { digestCard, reflectCard, scheduledPostCard } from '../../cards';
import { digestFigures } from '../../schedule/digest';
import type { CardMessage } from '../../cards';
import type { KnowledgeBase } from '../../knowledge/kb/model';
import { digestContentSchema, postContentSchema } from '../../schedule/model';
import type { SendOutcome } from '../../schedule/model';
import type { Send } from '../../schedule/scheduler';
import type { PostRecord, Store } from '../../store/types';
import { cardActivity } from './reply';
import { sendProactive } from '../platform/proactive';
import type { ProactiveAdapter } from '../platform/proactive';
import type { ConversationReference } from '../platform/types';

/** The card a planned post carries, rebuilt from what planning fixed (so a retry posts the same card). */
export function renderPost(kb: KnowledgeBase, post: PostRecord): CardMessage | undefined {
  const parsed = postContentSchema.safeParse(post.content);
  const content = parsed.success ? parsed.data : undefined;
  const entry = content && kb.entry(content.entryId);
  if (!content || !entry) return undefined;
  if (content.kind === 'meeting-opener') {
    return reflectCard({
      kb,
      entry,
      promptIndex: content.prompts[0] ?? 0,
      audience: 'group',
      opener: true,
    });
  }
  return scheduledPostCard({
    kb,
    entry,
    prompts: content.prompts,
    position: content.position,
    of: content.of,
    kindsInCycle: content.kinds,
  });
}

/** Statuses after which Teams may accept the same post later. */
const TRANSIENT = new Set([412, 500, 502, 503, 504]);

/** Turns what the Bot Connector answered into what the scheduler should do next. */
export function classify(error: unknown): SendOutcome {
  const e = error as {
    statusCode?: number;
    code?: string;
    message?: string;
    response?: { headers?: { get?(name: string): string | undefined } };
  };
  const status = e.statusCode;
  const message = `${status ?? e.code ?? 'error'}: ${(e.message ?? String(error)).slice(0, 200)}`;
  if (status === 429)
    return { kind: 'retry', afterMs: retryAfterMs(e.response?.headers?.get?.('retry-after')), error: message };
  if (status === 403 || status === 404) return { kind: 'gone', error: message };
  if (status !== undefined && TRANSIENT.has(status)) return { kind: 'retry', afterMs: 0, error: message };
  if (status === undefined) return { kind: 'retry', afterMs: 0, error: message }; // network error: nothing was answered
  return { kind: 'failed', error: message };
}

/** Retry-After in seconds or as an HTTP date; 1 s when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number {
  if (value === undefined) return 1000;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 600_000) || 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.min(Math.max(at - now, 1000), 600_000) : 1000;
}

/**
 * Sends planned posts through the Bot Connector, using each conversation's stored reference. A
 * reference whose service URL is not allowed (one stored before that was checked) is not posted to.
 */
export function connectorSender(
  adapter: ProactiveAdapter,
  appId: string,
  kb: KnowledgeBase,
  serviceUrlAllowed: (serviceUrl: string) => boolean = () => true,
  digest?: { readonly store: Store; readonly consoleUrl: string },
): Send {
  return async (post, conversation) => {
    if (!serviceUrlAllowed(conversation.serviceUrl))
      return {
        kind: 'failed',
        error: "not posted: the conversation's service URL is not allowed (see ALLOWED_SERVICE_URLS)",
      };
    const digestContent = digestContentSchema.safeParse(post.content);
    let message: CardMessage | undefined;
    if (digestContent.success) {
      const content = digestContent.data;
      // The figures are read when the digest is sent, so a retry shows the same finished week.
      if (!digest) return { kind: 'failed', error: 'this instance does not send weekly digests' };
      message = digestCard(await digestFigures(digest.store, kb, content), digest.consoleUrl);
    } else {
      message = renderPost(kb, post);
    }
    if (!message)
      return { kind: 'failed', error: `the entry ${post.entryId ?? '(none)'} is no longer in the knowledge base` };
    let activityId: string | undefined;
    try {
      const sent = await sendProactive(
        adapter,
        appId,
        conversation.reference as ConversationReference,
        cardActivity(message),
      );
      activityId = sent?.id;
    } catch (error) {
      return classify(error);
    }
    return { kind: 'sent', ...(activityId !== undefined && { activityId }) };
  };
}
