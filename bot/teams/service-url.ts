import type { Config } from '../config';
import { isLoopbackHost } from '../config';

/**
 * Which service URLs the bot may post to. The serviceUrl arrives in each activity, and the bot
 * posts there (replies, welcomes, and later scheduled posts from the stored reference):
 * - with ALLOWED_SERVICE_URLS, only those (an address and the paths under it);
 * - otherwise, in anonymous mode, loopback only: a local bot cannot be told to post elsewhere;
 * - otherwise, with an app id, what the signed token says: botbuilder refuses an activity whose
 *   serviceUrl differs from the token's serviceurl claim.
 */
export function serviceUrlPolicy(
  config: Pick<Config, 'allowedServiceUrls' | 'anonymous'>,
): (serviceUrl: string) => boolean {
  const allowed = config.allowedServiceUrls?.map((a) => new URL(a));
  return (serviceUrl) => {
    if (!URL.canParse(serviceUrl)) return false;
    const url = new URL(serviceUrl);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '')
      return false;
    if (allowed) return allowed.some((a) => a.origin === url.origin && under(url.pathname, a.pathname));
    if (config.anonymous) return isLoopbackHost(url.hostname);
    return true;
  };
}

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}
