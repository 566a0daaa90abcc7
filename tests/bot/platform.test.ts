// The places where botbuilder offers no seam and bot/platform/ works around it. Each test here fails
// when botbuilder's behaviour changes under the workaround, so the change is noticed, not shipped.
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity as BotActivity } from 'botbuilder';
import { createAdapter, SignInRefused } from '../../bot/platform/adapter';
import { isOwnTurn, sendProactive } from '../../bot/platform/proactive';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { CHANNEL_ISSUER, authEndpoints, startSigningService } from '../helpers/signing-service';
import type { SigningService } from '../helpers/signing-service';

const APP_ID = '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const SIGNED = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
};

let connector: FakeConnector;
let signer: SigningService;
beforeEach(async () => {
  connector = await startFakeConnector();
  signer = await startSigningService();
});
afterEach(async () => {
  await connector.close();
  await signer.close();
});

const now = () => Math.floor(Date.now() / 1000);
const message = () =>
  ({
    type: 'message',
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:user' },
    recipient: { id: '28:bot' },
    conversation: { id: 'a:chat' },
  }) as BotActivity;
/** Signed by another key under the real key id: botbuilder prints the keys it has, then refuses. */
const forgedToken = () =>
  signer.forgedToken({
    iss: CHANNEL_ISSUER,
    aud: APP_ID,
    nbf: now() - 60,
    exp: now() + 600,
    serviceurl: connector.url,
  });

// What reaches the console while these tests run, installed once, before any adapter wraps it (as
// a real process's console would stand).
const printed: unknown[][] = [];
const originalError = console.error;
const originalWarn = console.warn;
beforeAll(() => {
  console.error = (...args: unknown[]) => printed.push(args);
  console.warn = (...args: unknown[]) => printed.push(args);
});
afterAll(() => {
  console.error = originalError;
  console.warn = originalWarn;
});

/** What `work` printed to the console. */
async function printedDuring(work: () => Promise<unknown>): Promise<unknown[][]> {
  printed.length = 0;
  await work().catch(() => undefined);
  return [...printed];
}

describe('the console quiet around sign-in (bot/platform/adapter.ts)', () => {
  test('botbuilder itself still prints a refused token to the console: when this fails, the quiet can go', async () => {
    const auth = new ConfigurationBotFrameworkAuthentication({ ...SIGNED, ...authEndpoints(signer.metadataUrl) });
    const printed = await printedDuring(() => auth.authenticateRequest(message(), `Bearer ${forgedToken()}`));
    expect(printed.length).toBeGreaterThan(0);
  });

  test('through the adapter the same token prints nothing, and is refused for its signature', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', ...SIGNED }, '/nonexistent');
    const adapter = createAdapter(config, createLogger(config), authEndpoints(signer.metadataUrl));
    let refused: unknown;
    const printed = await printedDuring(() =>
      adapter.authenticate(message(), `Bearer ${forgedToken()}`).catch((error: unknown) => {
        refused = error;
      }),
    );
    expect(printed).toEqual([]);
    expect(refused).toBeInstanceOf(SignInRefused);
    expect((refused as SignInRefused).kind).toBe('signature');
  });
});

describe('proactive sends (bot/platform/proactive.ts)', () => {
  const anonymous = () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' }, '/nonexistent');
    return createAdapter(config, createLogger(config));
  };
  const reference = () => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: '19:retries@thread.tacv2' },
  });
  const send = (adapter: ReturnType<typeof anonymous>) =>
    sendProactive(adapter, '', reference(), { type: 'message', text: 'hello' });
  const posts = () => connector.requests.filter((r) => r.method === 'POST');

  test.each([503, 429])(
    'a %s is handed back after one request: botbuilder retries nothing out of the scheduler’s sight',
    async (status) => {
      connector.failNext(status, 5, { 'retry-after': '0' });
      await expect(send(anonymous())).rejects.toMatchObject({ statusCode: status });
      expect(posts()).toHaveLength(1);
    },
  );

  test('a send that goes through returns the id Teams gave it', async () => {
    const sent = await send(anonymous());
    expect(sent?.id).toMatch(/^activity-/);
    expect(posts()).toHaveLength(1);
  });

  test("the adapter's middleware sees a proactive turn as the bot's own, and nothing else as its own", async () => {
    const adapter = anonymous();
    const seen: boolean[] = [];
    adapter.use(async (_context, next) => {
      seen.push(isOwnTurn());
      await next();
    });
    await send(adapter);
    expect(seen).toEqual([true]);
    expect(isOwnTurn()).toBe(false);
  });
});
