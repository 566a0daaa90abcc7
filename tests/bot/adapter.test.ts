import type { CloudAdapter, TurnContext } from 'botbuilder';
import { createAdapter } from '../../bot/platform/adapter';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';

const config = loadConfig({ LOG_LEVEL: 'silent' }, '/nonexistent');

const message = (serviceUrl: string) => ({
  type: 'message',
  id: 'm1',
  text: 'principle 7',
  deliveryMode: 'expectReplies',
  channelId: 'msteams',
  serviceUrl,
  from: { id: '29:user' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:chat', conversationType: 'personal' },
});

interface Clients {
  readonly connector: unknown;
  readonly tokens: unknown;
}

/** Runs one incoming turn through the adapter and returns the clients botbuilder handed it. */
async function turnClients(adapter: CloudAdapter, serviceUrl: string): Promise<Clients> {
  let seen: Clients | undefined;
  const res = { status: () => res, header: () => res, send: () => res, end: () => res };
  await adapter.process(
    { method: 'POST', headers: {}, body: message(serviceUrl) } as never,
    res as never,
    async (context: TurnContext) => {
      seen = {
        connector: context.turnState.get(adapter.ConnectorClientKey),
        tokens: context.turnState.get(adapter.UserTokenClientKey),
      };
    },
  );
  if (!seen?.connector || !seen.tokens) throw new Error('the turn did not run');
  return seen;
}

async function proactiveConnector(adapter: CloudAdapter, serviceUrl: string): Promise<unknown> {
  let connector: unknown;
  await adapter.continueConversationAsync(
    '',
    { serviceUrl, channelId: 'msteams', conversation: { id: 'a:chat' } as never },
    async (context) => {
      connector = context.turnState.get(adapter.ConnectorClientKey);
    },
  );
  return connector;
}

describe('the adapter reuses the clients botbuilder would build for every turn', () => {
  test('turns from one service URL share one connector client and one user token client', async () => {
    const adapter = createAdapter(config, createLogger(config));
    const first = await turnClients(adapter, 'https://smba.trafficmanager.net/uk/');
    const second = await turnClients(adapter, 'https://smba.trafficmanager.net/uk/');
    expect(second.connector).toBe(first.connector);
    expect(second.tokens).toBe(first.tokens);
  });

  test('another service URL gets its own connector client, pointed at that URL', async () => {
    const adapter = createAdapter(config, createLogger(config));
    const uk = await turnClients(adapter, 'https://smba.trafficmanager.net/uk/');
    const emea = await turnClients(adapter, 'https://smba.trafficmanager.net/emea/');
    expect(emea.connector).not.toBe(uk.connector);
    expect((emea.connector as { baseUri?: string }).baseUri).toBe('https://smba.trafficmanager.net/emea/');
    expect((uk.connector as { baseUri?: string }).baseUri).toBe('https://smba.trafficmanager.net/uk/');
  });

  test('proactive sends get a fresh connector client every time, never the one replies share', async () => {
    // The scheduler takes the retry policy out of its client's pipeline; that must not reach replies.
    const adapter = createAdapter(config, createLogger(config));
    const reply = await turnClients(adapter, 'https://smba.trafficmanager.net/uk/');
    const sendA = await proactiveConnector(adapter, 'https://smba.trafficmanager.net/uk/');
    const sendB = await proactiveConnector(adapter, 'https://smba.trafficmanager.net/uk/');
    expect(sendA).toBeDefined();
    expect(sendA).not.toBe(reply.connector);
    expect(sendB).not.toBe(sendA);
  });

  test('the cache is bounded: after 64 other service URLs, the first gets a new client', async () => {
    const adapter = createAdapter(config, createLogger(config));
    const first = await turnClients(adapter, 'https://a.example/0/');
    for (let i = 1; i <= 64; i++) await turnClients(adapter, `https://a.example/${i}/`);
    expect((await turnClients(adapter, 'https://a.example/0/')).connector).not.toBe(first.connector);
  });
});
