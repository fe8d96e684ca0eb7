import type { ChangedMeanwhile, SettingName } from '../../core/settings';
import { settingText } from '../../core/settings';
import { listNames } from '../kudos/recognitionView';

/** Each setting as the card labels it, for messages about it. */
export const SETTING_LABELS: Record<SettingName, string> = {
  dailyKudosLimit: 'Kudos a day',
  reminderLeadDays: 'Reminder lead',
  sendHour: 'Send hour',
  digestDay: 'Digest day',
  digestHour: 'Digest time',
  weekendRule: 'Weekend rule',
  feb29Rule: '29 February',
  birthdays: 'Birthdays',
  anniversaries: 'Work anniversaries',
  checkIns: 'New-hire check-ins',
  defaultCelebration: 'Default celebration',
  managerCopy: 'Manager copy',
  teamOwnersManageChannel: 'Team owners choose the channel',
  installForEveryone: 'Install for everyone',
  defaultLanguage: 'Default language',
};

/** The answer to `settings` in a personal chat for someone who is not an admin. */
export function onlyAdmins(adminNames: string[]): string {
  return adminNames.length === 0
    ? 'Tenant settings are for Moments admins, and your organisation has none yet: until one is made, Moments uses its default settings.'
    : `Tenant settings are for Moments admins: ${listNames(adminNames)}. Ask them if a setting should change.`;
}

/** What the card says when its data could not be read. */
export const UNREADABLE_TENANT_SETTINGS =
  'Moments could not read these settings (a field is too long or not what the card sends). Nothing was saved.';

/** What the card says after a save. */
export function savedStatus(changes: number): string {
  return changes === 0
    ? 'Nothing to save: every setting already had these values.'
    : `Saved ${changes} change${changes === 1 ? '' : 's'}: Moments uses ${changes === 1 ? 'it' : 'them'} from now on.`;
}

/** What the second of two admins saving at once is told: what changed, to what, and that theirs is kept. */
export function changedMeanwhileMessage(changed: ChangedMeanwhile[]): string {
  const what = changed.map((c) => `${SETTING_LABELS[c.field]} is now ${settingText(c.field, c.value)}`);
  return (
    `Someone saved these settings while you were choosing, so nothing was saved${what.length ? `: ${what.join('; ')}` : ''}. ` +
    'Your own entries are kept below, with their changes filled in where you had not changed anything: check and save again.'
  );
}
