import { SOURCE_LANGUAGE, type Language } from '../shared';

/** A company value kudos are given for. Retired values stay on past kudos but are not offered. */
export interface CompanyValue {
  id: string;
  name: string;
  retired?: boolean;
}

/** Tenant-wide settings, with defaults for a tenant that never changed them. */
export interface TenantSettings {
  tenantId: string;
  values: CompanyValue[];
  /** Local hour (0-23) at which reminders and celebrations go out. */
  sendHour: number;
  /** 1 = Monday … 7 = Sunday. */
  digestDay: number;
  digestHour: number;
  /** Time zone for people whose own zone is unknown. */
  defaultTimeZone: string;
  /** AAD object ids allowed to change tenant and team settings. */
  adminIds: string[];
  /** How many kudos one person may give per day; `null`: no limit. */
  dailyKudosLimit: number | null;
  /** Working days (Mon–Fri, 1–10) ahead of a milestone that the manager is reminded. */
  reminderLeadDays: number;
  /** Where a milestone that falls on a weekend is marked. */
  weekendRule: 'previous-working-day' | 'next-working-day' | 'keep';
  /** When 29 February birthdays and anniversaries are marked in other years. */
  feb29Rule: 'feb28' | 'mar1';
  /** Which milestones Moments keeps for this tenant. */
  milestones: { birthdays: boolean; anniversaries: boolean; checkIns: Array<0 | 7 | 30 | 90> };
  /** What applies to people who have not chosen in `my settings`: private by default. */
  defaultCelebration: 'public' | 'manager' | 'off';
  /** Whether a person's manager gets a short notice when they receive kudos. */
  managerCopy: boolean;
  /** Whether the people sync installs Moments for directory people who lack it (Graph permission needed). */
  installForEveryone: boolean;
  /** Whether a team's owners may choose its recognition channel, besides the tenant's admins. */
  teamOwnersManageChannel: boolean;
  /**
   * The language of what is read by many (kudos posted in a channel) and of people Moments has not
   * seen in Teams yet.
   */
  defaultLanguage: Language;
  /**
   * Whether managers may ask for a brief before their 1:1s and team meetings, read from their
   * calendars (needs a Graph calendar permission; off until an admin turns it on).
   */
  calendarBriefs: boolean;
  /**
   * Whether everyone who has not chosen gets the weekly "remind me to recognise someone" nudge;
   * anyone can still turn it on or off for themselves in `my settings`.
   */
  weeklyNudge: boolean;
  /**
   * The stored copy's version, set by the store when it reads them (absent for settings never
   * stored): a save made `ifVersion` it is refused once someone else has saved in between.
   */
  version?: string;
}

/** Per-team settings. */
export interface TeamSettings {
  tenantId: string;
  teamId: string;
  /** The channel kudos and celebrations are posted to. */
  recognitionChannelId?: string;
}

/**
 * A condition on saving tenant settings: `ifVersion` a version string saves only over that stored
 * version; `null` saves only when nothing is stored yet. Without it the save is unconditional.
 */
export interface TenantSaveCondition {
  ifVersion?: string | null;
}

/** The outcome of saving tenant settings: the new version, or `conflict` when the condition failed. */
export type TenantSaveResult = { saved: true; version?: string } | { saved: false; conflict: true };

/** The settings port. */
export interface SettingsStore {
  tenant(tenantId: string): Promise<TenantSettings | undefined>;
  /** Saves the settings (their `version` is ignored); with a condition, only if it holds. */
  saveTenant(settings: TenantSettings, condition?: TenantSaveCondition): Promise<TenantSaveResult>;
  team(tenantId: string, teamId: string): Promise<TeamSettings | undefined>;
  saveTeam(settings: TeamSettings): Promise<void>;
  /** Every tenant with stored settings: the tenants the hourly jobs work for. */
  tenantIds(): Promise<string[]>;
}

/** When a job last completed for a tenant, so a missed run can catch up. */
export interface JobRuns {
  lastRun(tenantId: string, job: string): Promise<Date | undefined>;
  recordRun(tenantId: string, job: string, at: Date): Promise<void>;
}

/** The ids of the values a tenant starts with. */
export const DEFAULT_VALUE_IDS = [
  'teamwork',
  'customer-first',
  'ownership',
  'innovation',
  'growth',
  'above-and-beyond',
] as const;

/** The id of one of the values a tenant starts with. */
export type DefaultValueId = (typeof DEFAULT_VALUE_IDS)[number];

/**
 * The values a tenant starts with, named in English: a tenant first met in Teams gets them named in
 * its own language (see {@link TenantStart}).
 */
export const DEFAULT_VALUES: ReadonlyArray<CompanyValue & { id: DefaultValueId }> = [
  { id: 'teamwork', name: 'Teamwork' },
  { id: 'customer-first', name: 'Customer first' },
  { id: 'ownership', name: 'Ownership' },
  { id: 'innovation', name: 'Innovation' },
  { id: 'growth', name: 'Learning & growth' },
  { id: 'above-and-beyond', name: 'Above and beyond' },
];

/**
 * What a new tenant starts in: its default language and the names of its starting values in that
 * language (each missing name is the English one). Core holds no catalogue, so the edge that meets
 * the tenant first gives them.
 */
export interface TenantStart {
  defaultLanguage: Language;
  valueNames?: Partial<Record<DefaultValueId, string>>;
}

/** Settings for a tenant that has none stored yet; in English unless `start` says otherwise. */
export function defaultTenantSettings(
  tenantId: string,
  defaultTimeZone: string,
  start?: TenantStart,
): TenantSettings {
  return {
    tenantId,
    values: DEFAULT_VALUES.map((value) => ({
      ...value,
      name: start?.valueNames?.[value.id] || value.name,
    })),
    sendHour: 9,
    digestDay: 1,
    digestHour: 8,
    defaultTimeZone,
    adminIds: [],
    dailyKudosLimit: 20,
    reminderLeadDays: 3,
    weekendRule: 'previous-working-day',
    feb29Rule: 'feb28',
    milestones: { birthdays: true, anniversaries: true, checkIns: [0, 7, 30, 90] },
    defaultCelebration: 'manager',
    managerCopy: true,
    installForEveryone: false,
    teamOwnersManageChannel: false,
    defaultLanguage: start?.defaultLanguage ?? SOURCE_LANGUAGE,
    calendarBriefs: false,
    weeklyNudge: false,
  };
}

/** The tenant's settings, falling back to the defaults when none are stored. */
export async function tenantSettingsOf(
  store: SettingsStore,
  tenantId: string,
  defaultTimeZone: string,
): Promise<TenantSettings> {
  return (await store.tenant(tenantId)) ?? defaultTenantSettings(tenantId, defaultTimeZone);
}

/**
 * Stores default settings for a tenant seen for the first time, started as `start` says (the
 * language of its first activity and its values named in it); leaves existing settings alone.
 */
export async function ensureTenant(
  store: SettingsStore,
  tenantId: string,
  defaultTimeZone: string,
  start?: TenantStart,
): Promise<void> {
  // Only if still absent: a first turn racing an admin's first save must not overwrite it.
  if (!(await store.tenant(tenantId)))
    await store.saveTenant(defaultTenantSettings(tenantId, defaultTimeZone, start), { ifVersion: null });
}
