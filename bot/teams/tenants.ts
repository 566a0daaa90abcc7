import type { Config } from '../config';

/**
 * Whether a tenant may use the bot: every tenant when ALLOWED_TENANTS is not set, otherwise only
 * those listed. One rule for incoming activities and for the posts the bot starts itself.
 */
export function tenantPolicy(config: Pick<Config, 'allowedTenants'>): (tenantId: string | undefined) => boolean {
  const allowed = config.allowedTenants;
  return (tenantId) => allowed === null || (tenantId !== undefined && allowed.has(tenantId.toLowerCase()));
}
