import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TeamsConnectorOptions {
  /** Posts per second the app may make across the tenant; beyond it, 429 with Retry-After. Teams: 50. */
  readonly appPerSecond?: number;
  /** Posts per second into one conversation. Teams: 7. */
  readonly conversationPerSecond?: number;
  /** Share of requests answered 503 (nothing delivered), chosen at random. */
  readonly transientRate?: number;
  /** Conversations that answer 403 (the bot was removed). */
  readonly forbidden?: ReadonlySet<string>;
  /** Called after each delivery is recorded, before the answer is sent. */
  readonly onDelivered?: (delivered: number) => void;
  readonly random?: () => number;
}

/**
 * A stand-in for the Bot Connector that behaves like Teams under load: it enforces the rate limits
 * (sliding one-second windows, 429 with Retry-After), fails a share of requests with 503, and counts
 * what reached each conversation, so duplicates and misses can be counted.
 */
export async function startTeamsConnector(options: TeamsConnectorOptions = {}) {
  const appPerSecond = options.appPerSecond ?? Infinity;
  const conversationPerSecond = options.conversationPerSecond ?? Infinity;
  const random = options.random ?? Math.random;
  const appWindow: number[] = [];
  const conversationWindows = new Map<string, number[]>();
  const deliveries = new Map<string, number>();
  const bodies: Array<{ conversationId: string; body: Record<string, unknown> }> = [];
  const counts = { requests: 0, delivered: 0, throttled: 0, transient: 0, forbidden: 0 };
  /** Requests that passed the rate limits, per second since the first one. */
  const perSecond: number[] = [];
  /** When each post arrived (Date.now()), whether it passed the limits or not. */
  const arrivals: number[] = [];
  let firstAt: number | undefined;
  let next = 1;

  const within = (window: number[], now: number, limit: number) => {
    while (window.length > 0 && window[0]! <= now - 1000) window.shift();
    return window.length < limit;
  };

  // Not res.writeHead(…).end(…): restify, loaded in the same process, patches writeHead to return nothing.
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      counts.requests++;
      const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404);
        res.end();
        return;
      }
      const conversationId = decodeURIComponent(match[1]!);
      const now = Date.now();
      arrivals.push(now);
      if (options.forbidden?.has(conversationId)) {
        counts.forbidden++;
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
          }),
        );
        return;
      }
      const window = conversationWindows.get(conversationId) ?? [];
      conversationWindows.set(conversationId, window);
      if (!within(appWindow, now, appPerSecond) || !within(window, now, conversationPerSecond)) {
        counts.throttled++;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
        return;
      }
      appWindow.push(now);
      window.push(now);
      firstAt ??= now;
      const second = Math.floor((now - firstAt) / 1000);
      perSecond[second] = (perSecond[second] ?? 0) + 1;
      if (random() < (options.transientRate ?? 0)) {
        counts.transient++;
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'ServiceUnavailable', message: 'Try again' } }));
        return;
      }
      deliveries.set(conversationId, (deliveries.get(conversationId) ?? 0) + 1);
      bodies.push({
        conversationId,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
      });
      counts.delivered++;
      options.onDelivered?.(counts.delivered);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${next++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    counts,
    perSecond,
    arrivals,
    /** The most posts that arrived in any one second (a sliding window), 429s and 503s included. */
    peakPerSecond: () => peakPerSecond(arrivals),
    /** Deliveries per conversation id. */
    deliveries,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The most of `times` (milliseconds) in any window of one second. */
function peakPerSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= 1000) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

export type TeamsConnector = Awaited<ReturnType<typeof startTeamsConnector>>;
