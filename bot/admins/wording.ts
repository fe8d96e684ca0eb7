import type { AdminChange, TenantAdmin } from '../../core/settings';
import { commandWordsIn } from '../help/commands';
import { SOURCE_LANGUAGE } from '../../core/shared';
import { translatorFor, type Translator } from '../i18n/translator';

/** How a command or setting is shown: as code in markdown (the welcome), in quotes in plain text. */
export type Format = 'markdown' | 'plain';

const code = (text: string, format: Format) => (format === 'markdown' ? `\`${text}\`` : `“${text}”`);

/**
 * How an organisation makes its first admin, with the tenant's own id filled in: the
 * `MOMENTS_ADMINS` app setting, or the jobs CLI. Only commands and settings that exist; the
 * commands themselves are the same in every language. In `t`'s language (English without one).
 */
export function firstAdminHowTo(
  tenantId: string,
  format: Format,
  t: Translator = translatorFor(SOURCE_LANGUAGE),
): string {
  return t.text('admins.firstAdmin', {
    setting: code('MOMENTS_ADMINS', format),
    azCommand: code(
      'az functionapp config appsettings set --resource-group {resource group} --name {function app} --settings MOMENTS_ADMINS={e-mail}',
      format,
    ),
    cliCommand: code(`npm run job -- admins add --tenant ${tenantId} {e-mail}`, format),
    admins: commandWordsIn(t).admins,
  });
}

/** One admin's name, marked when `MOMENTS_ADMINS` names them. */
export function adminLabel(t: Translator, admin: TenantAdmin): string {
  return admin.named ? t.text('admins.named', { name: admin.name }) : admin.name;
}

/** The admins for an admin: who they are, and how to change them. */
export function adminListForAdmin(t: Translator, admins: readonly TenantAdmin[]): string {
  return t.text('admins.listForAdmin', {
    names: t.list(admins.map((admin) => adminLabel(t, admin))),
    admins: commandWordsIn(t).admins,
  });
}

/** The admins for anyone else: who to ask, and that they cannot change the list themselves. */
export function adminListForOthers(
  t: Translator,
  admins: readonly TenantAdmin[],
  asked: 'list' | 'change',
): string {
  const names = t.list(admins.map((admin) => admin.name));
  return t.text(asked === 'change' ? 'admins.changeForOthers' : 'admins.listForOthers', { names });
}

/** What a change asked without naming anyone is told. */
export function mentionSomeone(t: Translator): string {
  return t.text('admins.mentionSomeone', { admins: commandWordsIn(t).admins });
}

/** What an admin change did, or why it did nothing, in one sentence or two. */
export function adminChangeText(t: Translator, change: AdminChange): string {
  if (change.ok) {
    const { name } = change.person;
    if (change.outcome === 'added') return t.text('admins.added', { name });
    if (change.outcome === 'removed') return t.text('admins.removed', { name });
    const admin = change.admins.find((a) => a.id === change.person.id);
    if (!admin) return t.text('admins.notAdmin', { name });
    return t.text('admins.alreadyAdmin', { name, named: admin.named && !admin.listed ? 'yes' : 'no' });
  }
  switch (change.code) {
    case 'ADMINS.NOT_AN_ADMIN':
      return t.text('admins.refused.notAnAdmin');
    case 'ADMINS.UNKNOWN_PERSON':
      return t.text(change.email ? 'admins.refused.unknownEmail' : 'admins.refused.unknownId', {
        target: change.target,
      });
    case 'ADMINS.AMBIGUOUS_EMAIL':
      return t.text('admins.refused.ambiguousEmail', { target: change.target, count: change.count });
    case 'ADMINS.NAMED_IN_SETTING':
      return t.text('admins.refused.namedInSetting', { name: change.person.name });
    case 'ADMINS.LAST_ADMIN':
      return t.text('admins.refused.lastAdmin');
    case 'ADMINS.CHANGED_MEANWHILE':
      return t.text('admins.refused.changedMeanwhile');
  }
}
