import type { TenantSettings } from './tenantSettings';

/**
 * Whether `userId` (an AAD object id, as Teams sends it) is one of the tenant's Moments admins, who
 * alone may change tenant and team settings. The list in the tenant's settings is the only source:
 * a tenant without settings, or with an empty list, has no admin, whoever asks.
 */
export function isAdmin(settings: Pick<TenantSettings, 'adminIds'> | undefined, userId: string): boolean {
  return userId !== '' && (settings?.adminIds.includes(userId) ?? false);
}
