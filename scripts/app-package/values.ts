// What `npm run package` fills the manifest template with: each setting read from the environment (and
// .env) and checked, with a message that names the variable and says how to fix it.
import { GUID, setting } from '../../bot/config/env';
import type { Env } from '../../bot/config/env';

/** A setting is missing or wrong. The message names the variable and says how to fix it. */
export class PackageConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${variable}: ${message}`, options);
    this.name = 'PackageConfigError';
  }
}

/** What the template's ${{NAME}} placeholders are filled with. */
export interface ManifestValues {
  readonly TEAMS_APP_ID: string;
  readonly BOT_ID: string;
  readonly APP_DOMAIN: string;
  readonly APP_NAME: string;
  readonly APP_VERSION: string;
  readonly ORGANISATION_NAME: string;
  readonly SUPPORT_URL: string;
  /** The practice lead console's Entra app (AAD_APP_CLIENT_ID, made by aadApp/create): turns on its single sign-on and tab. */
  readonly CONSOLE_CLIENT_ID?: string;
}

const DOMAIN = /^(?=.{4,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

function guid(env: Env, name: string, what: string): string {
  const v = setting(env, name);
  if (v === undefined) throw new PackageConfigError(name, `is not set. ${what}`);
  if (!GUID.test(v)) throw new PackageConfigError(name, `"${v}" is not a GUID. ${what}`);
  return v.toLowerCase();
}

function domain(env: Env): string {
  const given = setting(env, 'APP_DOMAIN');
  if (given !== undefined) {
    const d = given.toLowerCase();
    if (!DOMAIN.test(d))
      throw new PackageConfigError(
        'APP_DOMAIN',
        `"${given}" is not a domain name: give the host name only, e.g. practice-companion.azurewebsites.net (no https://, port or path)`,
      );
    return d;
  }
  const url = setting(env, 'PUBLIC_URL');
  if (url === undefined)
    throw new PackageConfigError(
      'APP_DOMAIN',
      'is not set: set APP_DOMAIN to the host name the bot is served from, e.g. practice-companion.azurewebsites.net (or PUBLIC_URL to its https:// address)',
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new PackageConfigError(
      'PUBLIC_URL',
      `"${url}" is not a web address: use e.g. https://practice-companion.azurewebsites.net`,
      { cause: error },
    );
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.pathname !== '/' || !DOMAIN.test(parsed.hostname)) {
    throw new PackageConfigError(
      'PUBLIC_URL',
      `"${url}" must be an https:// address with a domain name and no port or path, e.g. https://practice-companion.azurewebsites.net`,
    );
  }
  return parsed.hostname;
}

/** Reads and checks everything the manifest needs. `pkg` is package.json; `env` wins over nothing else. */
export function manifestValues(env: Env, pkg: { readonly name: string; readonly version: string }): ManifestValues {
  const TEAMS_APP_ID = guid(
    env,
    'TEAMS_APP_ID',
    'It is the Teams app id: a GUID that stays the same for every version of the package, e.g. from `node -e "console.log(crypto.randomUUID())"` or written by the Agents Toolkit. Never reuse the bot id.',
  );
  const botIdName = setting(env, 'BOT_ID') !== undefined ? 'BOT_ID' : 'MicrosoftAppId';
  const BOT_ID = guid(
    env,
    botIdName,
    "Set BOT_ID (or MicrosoftAppId) to the Azure Bot registration's app id: the client id of its managed identity or app registration.",
  );
  const appId = setting(env, 'MicrosoftAppId');
  if (botIdName === 'BOT_ID' && appId !== undefined && appId.toLowerCase() !== BOT_ID) {
    throw new PackageConfigError(
      'BOT_ID',
      `(${BOT_ID}) differs from MicrosoftAppId (${appId}): the package must name the bot the service runs as. Make them the same, or unset one.`,
    );
  }
  if (TEAMS_APP_ID === BOT_ID)
    throw new PackageConfigError('TEAMS_APP_ID', 'is the same as the bot id: give the Teams app its own GUID.');

  const APP_DOMAIN = domain(env);
  const baseName = pkg.name
    .split(/[-_\s]+/)
    .map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
    .join(' ');
  const suffix = setting(env, 'APP_NAME_SUFFIX');
  const APP_NAME = suffix === undefined ? baseName : `${baseName} (${suffix})`;
  if (APP_NAME.length > 30)
    throw new PackageConfigError(
      'APP_NAME_SUFFIX',
      `makes the app's name "${APP_NAME}" longer than the 30 characters Teams allows: shorten it.`,
    );
  if (!/^\d+\.\d+\.\d+$/.test(pkg.version))
    throw new PackageConfigError(
      'version',
      `in package.json is "${pkg.version}": Teams needs MAJOR.MINOR.PATCH, e.g. 1.2.0`,
    );

  const ORGANISATION_NAME = setting(env, 'ORGANISATION_NAME') ?? baseName;
  if (ORGANISATION_NAME.length > 32)
    throw new PackageConfigError(
      'ORGANISATION_NAME',
      `"${ORGANISATION_NAME}" is longer than the 32 characters Teams allows for the publisher's name: shorten it.`,
    );
  const SUPPORT_URL = setting(env, 'SUPPORT_URL') ?? `https://${APP_DOMAIN}/terms#help`;
  if (!/^https:\/\/\S+$/.test(SUPPORT_URL))
    throw new PackageConfigError(
      'SUPPORT_URL',
      `"${SUPPORT_URL}" must be an https:// address: the page where people find help with the app.`,
    );

  const consoleName = setting(env, 'CONSOLE_CLIENT_ID') !== undefined ? 'CONSOLE_CLIENT_ID' : 'AAD_APP_CLIENT_ID';
  const CONSOLE_CLIENT_ID =
    setting(env, consoleName) === undefined
      ? undefined
      : guid(
          env,
          consoleName,
          "It is the Application (client) ID of the console's app registration, which `aadApp/create` in m365agents.yml writes as AAD_APP_CLIENT_ID.",
        );
  if (CONSOLE_CLIENT_ID !== undefined && CONSOLE_CLIENT_ID === TEAMS_APP_ID)
    throw new PackageConfigError(
      consoleName,
      'is the same as TEAMS_APP_ID: use the client id of the Entra app registration.',
    );

  return {
    TEAMS_APP_ID,
    BOT_ID,
    APP_DOMAIN,
    APP_NAME,
    APP_VERSION: pkg.version,
    ORGANISATION_NAME,
    SUPPORT_URL,
    ...(CONSOLE_CLIENT_ID !== undefined && { CONSOLE_CLIENT_ID }),
  };
}

/**
 * With a console app registration: the "Practice lead" personal tab, and webApplicationInfo naming
 * that registration and its Application ID URI, so teams-js getAuthToken gets a token for it.
 * (webApplicationInfo also carries the meeting RSC permissions: they are then granted to this app.)
 */
export function withConsole(manifest: Record<string, unknown>, values: ManifestValues): Record<string, unknown> {
  const id = values.CONSOLE_CLIENT_ID;
  if (id === undefined) return manifest;
  const tabs = (manifest['staticTabs'] as Array<Record<string, unknown>> | undefined) ?? [];
  const lead = {
    entityId: 'practice-lead',
    name: 'Practice lead',
    contentUrl: `https://${values.APP_DOMAIN}/console?theme={theme}`,
    scopes: ['personal'],
  };
  const about = tabs.findIndex((t) => t['entityId'] === 'about');
  const staticTabs = about < 0 ? [...tabs, lead] : [...tabs.slice(0, about), lead, ...tabs.slice(about)];
  return { ...manifest, staticTabs, webApplicationInfo: { id, resource: `api://${values.APP_DOMAIN}/${id}` } };
}
