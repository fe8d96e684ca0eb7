import type { Texts, MessageKey } from '../app/i18n';
import type { FieldProblem } from '../app/shapes';

/** The tenant settings' labels, by the names the API uses (core/settings/settingFields.ts). */
export const SETTING_LABELS: Record<string, MessageKey> = {
  dailyKudosLimit: 'settings.field.dailyKudosLimit',
  reminderLeadDays: 'settings.field.reminderLeadDays',
  sendHour: 'settings.field.sendHour',
  digestDay: 'settings.field.digestDay',
  digestHour: 'settings.field.digestHour',
  weekendRule: 'settings.field.weekendRule',
  feb29Rule: 'settings.field.feb29Rule',
  birthdays: 'settings.field.birthdays',
  anniversaries: 'settings.field.anniversaries',
  checkIns: 'settings.field.checkIns',
  defaultCelebration: 'settings.field.defaultCelebration',
  managerCopy: 'settings.field.managerCopy',
  teamOwnersManageChannel: 'settings.field.teamOwnersManageChannel',
  installForEveryone: 'settings.field.installForEveryone',
  defaultLanguage: 'settings.field.defaultLanguage',
  calendarBriefs: 'settings.field.calendarBriefs',
  weeklyNudge: 'settings.field.weeklyNudge',
};

/** Hints under the fields whose typed form needs one. */
export const SETTING_HINTS: Record<string, MessageKey> = {
  dailyKudosLimit: 'settings.hint.dailyKudosLimit',
  reminderLeadDays: 'settings.hint.reminderLeadDays',
  checkIns: 'settings.hint.checkIns',
};

/** The choices of the settings that take one of a list, with their words. */
export const SETTING_CHOICES: Record<string, Record<string, MessageKey>> = {
  weekendRule: {
    'previous-working-day': 'settings.choice.previousWorkingDay',
    'next-working-day': 'settings.choice.nextWorkingDay',
    keep: 'settings.choice.keep',
  },
  feb29Rule: { feb28: 'settings.choice.feb28', mar1: 'settings.choice.mar1' },
  defaultCelebration: {
    public: 'settings.choice.public',
    manager: 'settings.choice.manager',
    off: 'settings.choice.off',
  },
};

/** A weekday (1 = Monday … 7 = Sunday) in the viewer's language. */
export function weekdayName(texts: Texts, day: number): string {
  // 2024-01-01 was a Monday.
  return texts.intl.formatDate(new Date(2024, 0, day), { weekday: 'long' });
}

/** An hour of the day (0–23) in the viewer's language. */
export function hourName(texts: Texts, hour: number): string {
  return texts.intl.formatTime(new Date(2024, 0, 1, hour), { hour: 'numeric', minute: '2-digit' });
}

/** A problem code the API returned, in words. */
export function problemText(texts: Texts, problem: FieldProblem): string {
  const { t } = texts;
  switch (problem.code) {
    case 'range':
      return t('problem.range', { min: problem.min ?? 0, max: problem.max ?? 0 });
    case 'oneOf':
    case 'celebrationNotListed':
    case 'digestNotListed':
    case 'briefLeadNotListed':
    case 'nudgeNotListed':
      return t('problem.oneOf');
    case 'onOff':
      return t('problem.onOff');
    case 'weekday':
      return t('problem.weekday');
    case 'checkIns':
      return t('problem.checkIns');
    case 'language':
    case 'languageNotListed':
      return t('problem.language');
    case 'unknown':
      return t('problem.unknown');
    case 'birthdayIncomplete':
      return t('problem.birthdayIncomplete');
    case 'birthdayNotListed':
    case 'noSuchDay':
      return t('problem.noSuchDay');
    case 'timeZoneMissing':
    case 'timeZoneUnknown':
      return t('problem.timeZone');
    default:
      return t('problem.general');
  }
}

/** The tenant settings in groups, as an admin thinks of them; settings the tab does not know come last. */
const SETTING_GROUPS: Array<{ title: MessageKey; names: string[] }> = [
  { title: 'settings.group.kudos', names: ['dailyKudosLimit', 'managerCopy', 'teamOwnersManageChannel'] },
  {
    title: 'settings.group.schedule',
    names: ['sendHour', 'reminderLeadDays', 'digestDay', 'digestHour', 'weeklyNudge', 'calendarBriefs'],
  },
  {
    title: 'settings.group.milestones',
    names: ['birthdays', 'anniversaries', 'checkIns', 'weekendRule', 'feb29Rule', 'defaultCelebration'],
  },
  { title: 'settings.group.general', names: ['defaultLanguage', 'installForEveryone'] },
];

/** The groups of the fields the API returned, in their order, without empty groups. */
export function groupsOf(fields: string[]): Array<{ title: MessageKey; names: string[] }> {
  const known = new Set(SETTING_GROUPS.flatMap((group) => group.names));
  const groups = SETTING_GROUPS.map((group) => ({
    ...group,
    names: group.names.filter((n) => fields.includes(n)),
  }));
  groups.push({ title: 'settings.group.other', names: fields.filter((name) => !known.has(name)) });
  return groups.filter((group) => group.names.length > 0);
}
