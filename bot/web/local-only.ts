import type { IncomingMessage } from 'node:http';

/**
 * Without an app id nothing signs anyone in, so only this computer's own tools and pages may use the
 * service. Two checks, on every request, before anything else:
 *
 * - **Host.** A browser sends the name it looked up. A page whose name an attacker points at
 *   127.0.0.1 (DNS rebinding) is same-origin with the service, but sends its own name, so only
 *   `localhost`, `127.0.0.1` and `[::1]` with the port the request came in on are answered.
 * - **Origin.** A page elsewhere names itself (or sends `null`) when it posts or asks for data across
 *   sites; only the service's own origin, `http://<that host>`, is answered. Tools that send no Origin
 *   (the Agents Playground, curl) are answered.
 *
 * With an app id these checks are off: the Bot Connector's token and the console's sign-in guard
 * every call, and the service is reached under its public name.
 */
export type LocalRefusal = 'host' | 'origin';

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/;

export const LOCAL_ONLY_REPLY = Object.freeze({
  code: 'Forbidden',
  message:
    'This copy runs without sign-in, so it answers only http://localhost (or 127.0.0.1, [::1]) on its own port, from its own pages.',
});

/** Why a request may not reach a service that signs no one in, or undefined when it may. */
export function localRefusal(req: IncomingMessage): LocalRefusal | undefined {
  const host = (req.headers.host ?? '').toLowerCase();
  const match = LOOPBACK_HOST.exec(host);
  if (!match?.[1]) return 'host';
  const port = match[2] === undefined ? 80 : Number(match[2]);
  if (port !== req.socket.localPort) return 'host';
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  const own = `http://${match[1]}${port === 80 ? '' : `:${port}`}`;
  return origin.toLowerCase() === own ? undefined : 'origin';
}
