import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the connector. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
}

export interface FakeConnector {
  /** Use as the activities' serviceUrl. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** The activities the bot sent (replies, new posts and updates), in order. */
  sent(): Array<Record<string, unknown>>;
  /** Answer the next requests with this status (and headers) instead of success. */
  failNext(status: number, count?: number, headers?: Record<string, string>): void;
  /**
   * Members Teams knows, by Entra object id, for GET /v3/conversations/{id}/members/{userId}
   * (botbuilder's TeamsInfo.getMember). Anyone not here gets Teams' 404 MemberNotFoundInConversation.
   */
  readonly members: Map<string, { name: string; email?: string }>;
  close(): Promise<void>;
}

/**
 * A local stand-in for the Bot Connector service (Teams' side) on loopback. It accepts the paths
 * botbuilder uses for replies, new conversations and updates, and records what it is sent.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const requests: RecordedRequest[] = [];
  const failures: Array<{ status: number; headers: Record<string, string> }> = [];
  const members = new Map<string, { name: string; email?: string }>();
  let next = 1;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      requests.push({ method: req.method ?? 'GET', path, body });
      const failure = failures.shift();
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ error: { code: 'Simulated', message: `simulated ${failure.status}` } }));
        return;
      }
      const member = req.method === 'GET' ? /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(path) : null;
      if (member) {
        const aadObjectId = decodeURIComponent(member[1] ?? '');
        const known = members.get(aadObjectId);
        if (!known) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              error: { code: 'MemberNotFoundInConversation', message: 'The member is not part of the conversation.' },
            }),
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: `29:${aadObjectId}`,
            name: known.name,
            aadObjectId,
            givenName: known.name.split(' ')[0],
            email: known.email ?? '',
            userPrincipalName: known.email ?? '',
            tenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
            userRole: 'user',
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.method === 'POST' && path === '/v3/conversations') {
        res.end(
          JSON.stringify({ id: `19:new-conversation-${next}@thread.tacv2`, activityId: `new-activity-${next++}` }),
        );
      } else {
        res.end(JSON.stringify({ id: `activity-${next++}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    members,
    sent: () =>
      requests
        .filter((r) => r.path.startsWith('/v3/conversations'))
        .map((r) => (r.path === '/v3/conversations' ? (r.body['activity'] as Record<string, unknown>) : r.body))
        .filter((a): a is Record<string, unknown> => a !== undefined),
    failNext: (status, count = 1, headers = {}) => {
      for (let i = 0; i < count; i++) failures.push({ status, headers });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
