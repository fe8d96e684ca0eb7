import type { TenantAdmin } from '../../core/settings';
import { listNames } from '../kudos/recognitionView';

/** How a command or setting is shown: as code in markdown (the welcome), in quotes in plain text. */
export type Format = 'markdown' | 'plain';

const code = (text: string, format: Format) => (format === 'markdown' ? `\`${text}\`` : `“${text}”`);

/**
 * How an organisation makes its first admin, with the tenant's own id filled in: the
 * `MOMENTS_ADMINS` app setting, or the jobs CLI. Only commands and settings that exist.
 */
export function firstAdminHowTo(tenantId: string, format: Format): string {
  return [
    'Your organisation has no Moments admin yet. Whoever runs Moments in Azure makes the first one, either way:',
    `- name them in the ${code('MOMENTS_ADMINS', format)} app setting (e-mail addresses or Entra object ids, comma-separated): ${code(
      'az functionapp config appsettings set --resource-group {resource group} --name {function app} --settings MOMENTS_ADMINS={e-mail}',
      format,
    )};`,
    `- or, from the Moments repository with access to its Cosmos DB: ${code(
      `npm run job -- admins add --tenant ${tenantId} {e-mail}`,
      format,
    )}.`,
    'After that, admins add and remove admins here with “admins add @Name”.',
  ].join('\n');
}

/** One admin's name, marked when `MOMENTS_ADMINS` names them. */
export function adminLabel(admin: TenantAdmin): string {
  return admin.named ? `${admin.name} (from MOMENTS_ADMINS)` : admin.name;
}

/** The admins for an admin: who they are, and how to change them. */
export function adminListForAdmin(admins: readonly TenantAdmin[]): string {
  return [
    `Moments admins: ${listNames(admins.map(adminLabel))}.`,
    'Add one with “admins add @Name”, remove one with “admins remove @Name”. People named in MOMENTS_ADMINS are removed only by changing that app setting.',
  ].join('\n');
}

/** The admins for anyone else: who to ask, and that they cannot change the list themselves. */
export function adminListForOthers(admins: readonly TenantAdmin[], asked: 'list' | 'change'): string {
  const who = `The Moments admins are ${listNames(admins.map((admin) => admin.name))}.`;
  return asked === 'change'
    ? `Only Moments admins can add or remove admins, so nothing was changed. ${who} Ask one of them.`
    : `${who} Only they can add or remove admins.`;
}

export const MENTION_SOMEONE =
  'Mention the person, e.g. “admins add @Megan Bowen” or “admins remove @Megan Bowen”. Nothing was changed.';
