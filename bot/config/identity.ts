import { GUID, isLoopbackHost } from './env';
import { guidList } from './settings';
import type { Read } from './settings';
import { ConfigError } from './types';
import type { Config, ConsoleConfig } from './types';

/** Who the service is and who may sign in: the Azure Bot registration, and the practice leads' console. */

const APP_TYPES = ['SingleTenant', 'UserAssignedMSI', 'MultiTenant'] as const;

/** The Azure Bot registration the service runs as, and the tenants it answers. */
export function botIdentity(
  e: Read,
  production: boolean,
): Pick<Config, 'appId' | 'appPassword' | 'appType' | 'appTenantId' | 'allowedTenants'> {
  const appId = e('MicrosoftAppId') ?? '';
  if (appId && !GUID.test(appId)) {
    throw new ConfigError(
      'MicrosoftAppId',
      `"${appId}" is not an app id: use the Application (client) ID of your Azure Bot registration, a GUID such as 00000000-0000-0000-0000-000000000000`,
    );
  }
  const typeInput = e('MicrosoftAppType') ?? (appId ? 'MultiTenant' : 'SingleTenant');
  const appType = APP_TYPES.find((t) => t.toLowerCase() === typeInput.toLowerCase());
  if (!appType) {
    throw new ConfigError(
      'MicrosoftAppType',
      `"${typeInput}" is not an app type: use SingleTenant or UserAssignedMSI (MultiTenant only for an existing registration)`,
    );
  }
  const appPassword = e('MicrosoftAppPassword') ?? '';
  const appTenantId = e('MicrosoftAppTenantId') ?? '';
  if (appTenantId && !GUID.test(appTenantId)) {
    throw new ConfigError(
      'MicrosoftAppTenantId',
      `"${appTenantId}" is not a tenant id: use the Directory (tenant) ID of your Microsoft Entra tenant, a GUID such as 00000000-0000-0000-0000-000000000000`,
    );
  }

  if (!appId) {
    if (production) {
      throw new ConfigError(
        'MicrosoftAppId',
        'is not set, and NODE_ENV is production. Set MicrosoftAppId, MicrosoftAppType and MicrosoftAppTenantId (and MicrosoftAppPassword unless the type is UserAssignedMSI) from your Azure Bot registration. Anonymous mode is for local use only.',
      );
    }
    if (appPassword)
      throw new ConfigError(
        'MicrosoftAppPassword',
        'is set but MicrosoftAppId is not: set both, or neither for local use',
      );
  } else {
    if (appType === 'UserAssignedMSI' && appPassword) {
      throw new ConfigError(
        'MicrosoftAppPassword',
        'must not be set when MicrosoftAppType is UserAssignedMSI: the managed identity needs no password. Remove it.',
      );
    }
    if (appType !== 'UserAssignedMSI' && !appPassword) {
      throw new ConfigError(
        'MicrosoftAppPassword',
        `is not set: a ${appType} bot needs the client secret of its app registration`,
      );
    }
    if (appType !== 'MultiTenant' && !appTenantId) {
      throw new ConfigError(
        'MicrosoftAppTenantId',
        `is not set: a ${appType} bot needs the id of the tenant it is registered in`,
      );
    }
  }

  const allowedTenants = guidList(
    e,
    'ALLOWED_TENANTS',
    'is not a tenant id: list Microsoft Entra tenant ids (GUIDs), separated by commas',
  );
  if (appId && appType === 'MultiTenant' && production && allowedTenants === null) {
    throw new ConfigError(
      'ALLOWED_TENANTS',
      'is not set, and a MultiTenant bot in production would answer any organisation that installs it: list the tenant ids (GUIDs) allowed to use it, separated by commas, or register the bot as SingleTenant',
    );
  }
  return { appId, appPassword, appType, appTenantId, allowedTenants };
}

/**
 * The console's settings. Without an app id nothing is signed in, so it is open only while the service
 * listens on loopback (local mode); bound to a network address (`host`) it is closed altogether.
 */
export function leadConsole(e: Read, appId: string, production: boolean, host: string): ConsoleConfig {
  const leadIds =
    guidList(
      e,
      'PRACTICE_LEAD_AAD_IDS',
      "is not an Entra object id: list the practice leads' object ids (GUIDs, from Entra ID > Users > Object ID), separated by commas",
    ) ?? new Set<string>();
  const approverIds =
    guidList(
      e,
      'PRACTICE_APPROVER_AAD_IDS',
      "is not an Entra object id: list the approvers' object ids (GUIDs, from Entra ID > Users > Object ID), separated by commas",
    ) ?? new Set<string>();
  const rawClientId = e('CONSOLE_CLIENT_ID');
  const consoleClientId = rawClientId?.toLowerCase();
  if (consoleClientId !== undefined && !GUID.test(consoleClientId)) {
    throw new ConfigError(
      'CONSOLE_CLIENT_ID',
      `"${rawClientId}" is not a client id: use the Application (client) ID of the console's app registration (AAD_APP_CLIENT_ID after provisioning), a GUID`,
    );
  }
  const appIdUri = e('CONSOLE_APP_ID_URI');
  if (
    appIdUri !== undefined &&
    (!/^api:\/\/[^/\s]+\/[0-9a-f-]{36}$/i.test(appIdUri) ||
      (consoleClientId !== undefined && !appIdUri.toLowerCase().endsWith(consoleClientId)))
  ) {
    throw new ConfigError(
      'CONSOLE_APP_ID_URI',
      `"${appIdUri}" is not the console's Application ID URI: use api://<your host name>/<CONSOLE_CLIENT_ID>`,
    );
  }
  if (appId && approverIds.size > 0 && consoleClientId === undefined) {
    throw new ConfigError(
      'CONSOLE_CLIENT_ID',
      "is not set, but PRACTICE_APPROVER_AAD_IDS is: set it to the Application (client) ID of the console's app registration (m365agents.yml creates it as AAD_APP_CLIENT_ID), or the approvers cannot sign in",
    );
  }
  if (appId && leadIds.size > 0 && consoleClientId === undefined) {
    throw new ConfigError(
      'CONSOLE_CLIENT_ID',
      "is not set, but PRACTICE_LEAD_AAD_IDS is: set it to the Application (client) ID of the console's app registration (m365agents.yml creates it as AAD_APP_CLIENT_ID), or the leads cannot sign in",
    );
  }
  const retentionRaw = e('SUGGESTION_RETENTION_DAYS');
  const suggestionRetentionDays = retentionRaw === undefined ? 90 : Number(retentionRaw);
  if (!Number.isInteger(suggestionRetentionDays) || suggestionRetentionDays < 1 || suggestionRetentionDays > 3650) {
    throw new ConfigError(
      'SUGGESTION_RETENTION_DAYS',
      `"${retentionRaw}" is not a number of days: use a whole number from 1 to 3650, e.g. 90`,
    );
  }
  return Object.freeze({
    leadIds,
    approverIds,
    clientId: consoleClientId,
    appIdUri,
    localMode: appId === '' && !production && isLoopbackHost(host),
    closed: appId === '' && !isLoopbackHost(host),
    suggestionRetentionDays,
  });
}
