import { AsyncLocalStorage } from 'node:async_hooks';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity as BotActivity, InvokeResponse, TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { textActivity } from '../teams/reply';
import { turnInfo } from '../teams/turn-info';
import { PUBLIC_CLOUD_ISSUER, signInFailureKind } from './sign-in';

export const TURN_ERROR_REPLY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/**
 * botbuilder's endpoint settings (ToBotFromChannelOpenIdMetadataUrl, ToBotFromChannelTokenIssuer,
 * ToChannelFromBotLoginUrl, …): where the keys that sign the Bot Connector's tokens are fetched,
 * which issuer is expected. Unset: Microsoft's public cloud. Giving any of them replaces all of
 * botbuilder's defaults, so give the whole set. Tests point them at a signing service on loopback.
 */
export type AuthEndpoints = Readonly<Record<string, string | boolean>>;

/** A request's token did not check out. `kind` is one fixed word (bot/platform/sign-in.ts); the cause is botbuilder's error. */
export class SignInRefused extends Error {
  constructor(
    readonly kind: string,
    options: { cause: unknown },
  ) {
    super('sign-in refused', options);
    this.name = 'SignInRefused';
  }
}

/** CloudAdapter whose request authentication can be run on its own, before the turn. */
export class PracticeAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly expected: { readonly appId: string; readonly issuer: string },
  ) {
    super(auth);
  }

  /**
   * Checks the Authorization header against the activity, as CloudAdapter.process would. A refusal
   * throws SignInRefused, with the kind of failure read from the token, not from botbuilder's message.
   */
  async authenticate(
    activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0],
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await withoutLibraryConsole(() =>
        this.botFrameworkAuthentication.authenticateRequest(activity, authHeader),
      );
    } catch (error) {
      throw new SignInRefused(signInFailureKind(error, authHeader, { ...this.expected, now: Date.now() }), {
        cause: error,
      });
    }
  }

  /** Runs the turn of an activity `authenticate` accepted; an invoke's answer is returned, not sent. */
  runAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0],
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

const insideAuthentication = new AsyncLocalStorage<true>();
let consoleWrapped = false;

/**
 * botbuilder's token checks print every refused token to stderr with console.error: a stack trace
 * (and the signing key) per forged request, which an attacker can use to flood the log. Inside
 * `work`, and only there (an AsyncLocalStorage follows its awaits), the console says nothing;
 * the server logs each kind of refusal itself, with one stack trace per kind.
 *
 * botbuilder offers no seam for this (no logger option; botframework-connector's JwtTokenExtractor
 * calls console.error itself), so this is the least-bad option, kept here and nowhere else.
 * tests/bot/platform.test.ts fails when botbuilder stops printing (then remove this) and when the
 * quiet stops covering it.
 */
function withoutLibraryConsole<T>(work: () => Promise<T>): Promise<T> {
  if (!consoleWrapped) {
    consoleWrapped = true;
    for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
      const original = console[method];
      console[method] = (...args: unknown[]) => {
        if (insideAuthentication.getStore() === undefined) original.apply(console, args);
      };
    }
  }
  return insideAuthentication.run(true, work);
}

/**
 * botbuilder's CloudAdapter, authenticated from our validated config (not from process.env).
 * With no app id it runs anonymously: no JWT is checked and replies carry no token.
 */
export function createAdapter(config: Config, logger: Logger, endpoints: AuthEndpoints = {}): PracticeAdapter {
  const auth = new ReusingClientsAuthentication(
    config.anonymous
      ? {}
      : {
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.appPassword,
          MicrosoftAppType: config.appType,
          MicrosoftAppTenantId: config.appTenantId,
          ...endpoints,
        },
  );
  const issuer = endpoints['ToBotFromChannelTokenIssuer'];
  const adapter = new PracticeAdapter(auth, {
    appId: config.appId,
    issuer: typeof issuer === 'string' ? issuer : PUBLIC_CLOUD_ISSUER,
  });
  // A stack trace once per kind of failure (its type and where it was thrown), not per turn.
  const traced = new Set<string>();
  // The one error boundary for every turn: log ids (never text), tell the person kindly.
  adapter.onTurnError = async (context, error) => {
    const err = error instanceof Error ? error : new Error(String(error));
    const kind = `${err.name}\n${/^\s+at .*$/m.exec(err.stack ?? '')?.[0] ?? ''}`;
    const first = !traced.has(kind) && traced.size < 1000;
    if (first) traced.add(kind);
    logger.error(
      turnInfo(context, {
        event: 'turn-error',
        error: { name: err.name, message: err.message, ...(first && { stack: err.stack }) },
      }),
      'a turn failed',
    );
    if (context.activity.type === 'message') {
      try {
        await context.sendActivity(textActivity(TURN_ERROR_REPLY) as Partial<BotActivity>);
      } catch (sendError) {
        logger.error(
          turnInfo(context, { event: 'turn-error-reply-failed', error: { message: (sendError as Error).message } }),
          'could not send the error reply',
        );
      }
    }
  };
  return adapter;
}

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = NonNullable<AuthenticateRequestResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = AuthenticateRequestResult['claimsIdentity'];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Enough for every service URL and cloud a deployment meets; past it the cache starts again. */
const MAX_CLIENTS = 64;

/**
 * botbuilder builds a new ConnectorClient (a whole Azure HTTP pipeline) and a UserTokenClient for
 * every incoming activity, even when the reply goes back in the HTTP response and neither is used.
 * That is about a third of an echo bot's work per turn. Neither holds anything about the turn: the
 * credentials inside cache and renew their own tokens. So replies reuse one client per app id,
 * service URL and audience. Proactive sends (createConnectorFactory) still get a fresh client each
 * time, because the scheduler takes the retry policy out of that client's pipeline.
 */
export class ReusingClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(
    activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0],
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    if (!factory) return result;
    const appId = appIdOf(result.claimsIdentity);
    const reusing: ConnectorFactory = {
      create: (serviceUrl, audience) =>
        reuse(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
          factory.create(serviceUrl, audience),
        ),
    };
    return Object.assign({}, result, { connectorFactory: reusing });
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return reuse(this.tokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

/** The bot's app id as botbuilder reads it from the claims: the audience, else the appid claim. */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}

function reuse<T>(cache: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  if (cache.size >= MAX_CLIENTS) cache.clear();
  const created = create();
  cache.set(key, created);
  // A failure is not kept: the next turn tries again.
  created.catch(() => cache.delete(key));
  return created;
}
