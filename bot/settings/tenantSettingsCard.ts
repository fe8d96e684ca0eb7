import { settingTexts, type AuditEntry, type SettingName, type TenantSettings } from '../../core/settings';
import { LANGUAGES } from '../../core/shared';
import type { MessageKey } from '../i18n/catalogues';
import { languageName, type Translator } from '../i18n/translator';
import { commandWordsIn } from '../help/commands';
import { wordsOf } from '../privacy/wording';
import { hourText, weekdayNames } from '../i18n/calendarNames';
import { declareCard } from '../teams/cardRender';
import { auditEntryWords, type AuditEntryWords } from './wording';
import template from './tenant-settings.json';

type Choice = { title: string; value: string };

/** The fixed words of the tenant settings card: headings, labels and the button. */
const TEXT_KEYS = {
  title: 'settings.title',
  kudos: 'settings.section.kudos',
  milestones: 'settings.section.milestones',
  digest: 'settings.section.digest',
  teams: 'settings.section.teams',
  dailyKudosLimit: 'settings.input.dailyKudosLimit',
  managerCopy: 'settings.input.managerCopy',
  birthdays: 'settings.input.birthdays',
  anniversaries: 'settings.input.anniversaries',
  checkIns: 'settings.input.checkIns',
  reminderLeadDays: 'settings.input.reminderLeadDays',
  sendHour: 'settings.input.sendHour',
  weekendRule: 'settings.input.weekendRule',
  digestDay: 'settings.input.digestDay',
  digestHour: 'settings.input.digestHour',
  teamOwnersManageChannel: 'settings.input.teamOwnersManageChannel',
  installForEveryone: 'settings.input.installForEveryone',
  defaultLanguage: 'settings.input.defaultLanguage',
  briefs: 'settings.section.briefs',
  calendarBriefs: 'settings.input.calendarBriefs',
  save: 'settings.save',
} as const satisfies Record<string, MessageKey>;

/** The card's words: {@link TEXT_KEYS}' and those with values in them. */
export type TenantSettingsTexts = Record<
  keyof typeof TEXT_KEYS | 'intro' | 'feb29Rule' | 'defaultCelebration' | 'weeklyNudge',
  string
>;

/** The tenant settings card (`settings` in an admin's personal chat). */
export interface TenantSettingsCardData {
  texts: TenantSettingsTexts;
  status: string;
  problems: Array<{ message: string }>;
  /** Each input's value, as text. */
  fields: Record<SettingName, string>;
  checkInDays: Choice[];
  leadDays: Choice[];
  hours: Choice[];
  weekendRules: Choice[];
  feb29Rules: Choice[];
  celebrationDefaults: Choice[];
  weekdays: Choice[];
  languages: Choice[];
  auditTitle: string;
  audit: AuditEntryWords[];
  /** The version the card's choices were made on, and the values it showed then (JSON). */
  version: string;
  shown: string;
}

export const tenantSettingsCard = declareCard<TenantSettingsCardData>('tenant-settings', template);

/** The choices of the card's lists, in the reader's language. */
function choices(t: Translator) {
  return {
    checkInDays: [0, 7, 30, 90].map((day) => ({
      title: t.text('settings.input.checkInDay', { day }),
      value: String(day),
    })),
    leadDays: Array.from({ length: 10 }, (_, i) => ({
      title: t.text('settings.input.leadDays', { count: i + 1 }),
      value: String(i + 1),
    })),
    hours: Array.from({ length: 24 }, (_, h) => ({ title: hourText(t, h), value: String(h) })),
    weekendRules: (
      [
        ['previous', 'previous-working-day'],
        ['next', 'next-working-day'],
        ['same', 'keep'],
      ] as const
    ).map(([rule, value]) => ({ title: t.text('settings.input.weekendRuleChoice', { rule }), value })),
    feb29Rules: [
      { title: t.day('2027-02-28', 'dayMonth'), value: 'feb28' },
      { title: t.day('2027-03-01', 'dayMonth'), value: 'mar1' },
    ],
    celebrationDefaults: (['manager', 'public', 'off'] as const).map((preference) => ({
      title: t.text('settings.input.defaultCelebrationChoice', { preference }),
      value: preference,
    })),
    weekdays: weekdayNames(t).map((title, i) => ({ title, value: String(i + 1) })),
    languages: LANGUAGES.map((value) => ({ title: languageName(value), value })),
  };
}

/**
 * The card's data: the inputs filled with `fields` (what the admin entered) or else the settings',
 * the newest audit entries as plain text, and the basis of the next save: `basis`' version and
 * values, or else the settings'. A card that comes back after a refusal keeps its basis.
 */
export function tenantSettingsCardData(input: {
  t: Translator;
  settings: TenantSettings;
  audit: AuditEntry[];
  fields?: Partial<Record<SettingName, string>>;
  basis?: { version: string; shown: string };
  status?: string;
  problems?: string[];
}): TenantSettingsCardData {
  const { t } = input;
  const current = settingTexts(input.settings);
  const words = commandWordsIn(t);
  return {
    texts: {
      ...wordsOf(t, TEXT_KEYS),
      intro: t.text('settings.intro', { settings: words.settings }),
      feb29Rule: t.text('settings.input.feb29Rule', { feb29: t.day('2028-02-29', 'dayMonth') }),
      defaultCelebration: t.text('settings.input.defaultCelebration', { mySettings: words.mySettings }),
      weeklyNudge: t.text('settings.input.weeklyNudge', { mySettings: words.mySettings }),
    },
    status: input.status ?? '',
    problems: (input.problems ?? []).map((message) => ({ message })),
    fields: { ...current, ...input.fields },
    ...choices(t),
    auditTitle: t.text('settings.audit.title', { count: input.audit.length }),
    audit: input.audit.map((entry) => auditEntryWords(t, entry)),
    version: input.basis?.version ?? input.settings.version ?? '',
    shown: input.basis?.shown ?? JSON.stringify(current),
  };
}
