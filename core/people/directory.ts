import { languageFrom, type Language } from '../shared';

/** Who may see a person's milestone celebrated. */
export type CelebrationPreference = 'public' | 'manager' | 'off';

/**
 * The celebrations set for a person, each left out while nobody has set it: then the tenant's
 * default celebration applies (see `effectiveCelebration` in celebrations.ts).
 */
export interface CelebrationChoices {
  birthday?: CelebrationPreference;
  anniversary?: CelebrationPreference;
}

/** A person in the tenant's directory. Birth years are never stored: a birthday is `MM-DD`. */
export interface Person {
  tenantId: string;
  /** AAD object id. */
  id: string;
  displayName: string;
  email?: string;
  managerId?: string;
  /** IANA time zone, e.g. `Europe/London`. */
  timeZone?: string;
  /** `MM-DD`, no year. */
  birthday?: string;
  /** `YYYY-MM-DD`. */
  hireDate?: string;
  /** Celebrations set for them; `{}` until they choose or the people file sets one. */
  celebrate: CelebrationChoices;
  /**
   * Who set `celebrate`: the person in `my settings` (`self`), whose choice nothing else changes, or
   * the people file (`import`). Absent while `celebrate` is empty.
   */
  celebrateSource?: 'self' | 'import';
  /** `YYYY-MM-DD` of the last kudos this person received. */
  lastRecognisedOn?: string;
  /** Teams (team ids) Moments has seen this person in; celebrations go to their recognition channels. */
  teamIds?: string[];
  /** As a manager: people this person asked not to be reminded about. */
  mutedReminders?: string[];
  /**
   * As a manager: their own choice for the weekly digest of their reports' recognition, set in
   * `my settings`. Absent means on, at the tenant's digest day and hour; `day` (1 = Monday … 7 =
   * Sunday) and `hour` (0-23, in their time zone) fall back to the tenant's when absent.
   */
  digest?: { enabled: boolean; day?: number; hour?: number };
  /**
   * They chose their birthday, time zone and celebrations themselves in `my settings`: imports
   * (an HR file) keep those three as they chose them and update the rest.
   */
  ownSettings?: true;
  /** The locale Teams reported on their latest activity (e.g. `de-DE`): how they use Teams. */
  locale?: string;
  /** The language they chose in `my settings`; absent means automatic (their Teams locale). */
  language?: Language;
  /**
   * As a manager: a brief in their personal chat this many minutes before each 1:1 with a direct
   * report, and an opener before their team meeting (`my settings`; needs the tenant's
   * `calendarBriefs`). Absent means off.
   */
  calendarBriefs?: { leadMinutes: 5 | 10 | 15 };
  /**
   * Their own choice for the weekly "remind me to recognise someone" nudge: absent follows the
   * tenant's `weeklyNudge`; `day` (1 = Monday … 7 = Sunday) and `hour` (0-23, their zone) fall back
   * to the tenant's digest day and hour.
   */
  weeklyNudge?: { enabled: boolean; day?: number; hour?: number };
}

/**
 * The language Moments writes to `person` in: their choice, else the language of their latest
 * Teams locale, else the tenant's default (and English when none of those is spoken).
 */
export function languageOf(
  person: Pick<Person, 'language' | 'locale'> | undefined,
  tenantDefault: Language,
): Language {
  return languageFrom([person?.language, person?.locale, tenantDefault]);
}

/** The directory port. Every method names the tenant: no call reads across tenants. */
export interface PeopleDirectory {
  get(tenantId: string, id: string): Promise<Person | undefined>;
  /** The people among `ids` that the tenant's directory holds (one query, not one read each). */
  findMany(tenantId: string, ids: string[]): Promise<Person[]>;
  /**
   * The people of the tenant whose email is among `emails`, compared without case (one query, not
   * one read each). Someone without an email is never found this way.
   */
  findByEmails(tenantId: string, emails: string[]): Promise<Person[]>;
  /**
   * Stores the person as given, and then lists their manager as someone with reports (what the
   * digest job reads instead of the whole directory). With `listManagerLater` the caller lists the
   * managers itself, once each after all its writes ({@link saveListingManagersOnce}): what an
   * import or a sync of thousands of people does rather than one more write per person.
   */
  save(person: Person, options?: { listManagerLater?: boolean }): Promise<void>;
  /** Lists `managerIds` as people with reports; called after the writes that gave them reports. */
  listManagers(tenantId: string, managerIds: readonly string[]): Promise<void>;
  /**
   * Adds `person` unless the directory holds someone with that id already (an import or another
   * roster added them meanwhile): then nothing of them changes. @returns whether it was added.
   */
  addIfAbsent(person: Person): Promise<boolean>;
  /**
   * Adds `teamId` to the person's teams unless it is there, changing nothing else of them: a
   * concurrent change to the person (their settings, an import, a kudos) is kept. Someone not in
   * the directory is left alone.
   */
  addTeam(tenantId: string, id: string, teamId: string): Promise<void>;
  /**
   * Removes the person's manager link while it still names `managerId`, changing nothing else of
   * them. @returns whether a link was removed.
   */
  unlinkManager(tenantId: string, id: string, managerId: string): Promise<boolean>;
  /**
   * Takes `mutedId` out of the manager's muted reminders, changing nothing else of them.
   * @returns whether it was there.
   */
  clearMute(tenantId: string, managerId: string, mutedId: string): Promise<boolean>;
  /**
   * Records that the person received kudos on `givenOn` (`YYYY-MM-DD`) unless a later day is
   * recorded already, changing nothing else of them: a concurrent change to the person (their
   * settings, an import) is kept. Someone not in the directory is left alone.
   */
  markRecognised(tenantId: string, id: string, givenOn: string): Promise<void>;
  /**
   * Records the locale of the person's latest activity unless it is the one recorded, changing
   * nothing else of them. Someone not in the directory is left alone.
   */
  rememberLocale(tenantId: string, id: string, locale: string): Promise<void>;
  remove(tenantId: string, id: string): Promise<void>;
  /** Direct reports of `managerId`, ordered by display name. */
  reportsOf(tenantId: string, managerId: string): Promise<Person[]>;
  /**
   * Direct reports of each of `managerIds`, in one read however many there are (up to a hundred a
   * query): each manager's ordered by display name, as {@link reportsOf} gives them; a manager
   * without reports is absent.
   */
  reportsOfEach(tenantId: string, managerIds: readonly string[]): Promise<Map<string, Person[]>>;
  /** How many people the tenant's directory holds. */
  count(tenantId: string): Promise<number>;
  /**
   * The tenant's people whose last kudos is before `since` (`YYYY-MM-DD`), or who never had any:
   * how many, and the first `limit` of them by display name. Two queries, whatever the tenant's size.
   */
  notRecognisedSince(
    tenantId: string,
    since: string,
    limit: number,
  ): Promise<{ count: number; first: Person[] }>;
}

/**
 * Runs `writes` with a `save` that lists each manager once, after the writes, instead of once per
 * person saved; the managers of the writes made are listed even when one of them fails, so a
 * report never sits under a manager the digest job does not know.
 * @param writes makes the saves (in any pool and order) and returns its result.
 */
export async function saveListingManagersOnce<T>(
  directory: PeopleDirectory,
  tenantId: string,
  writes: (save: (person: Person) => Promise<void>) => Promise<T>,
): Promise<T> {
  const managers = new Set<string>();
  const save = (person: Person): Promise<void> => {
    // Before the write: a write that failed after reaching the store still gets its manager listed.
    if (person.managerId) managers.add(person.managerId);
    return directory.save(person, { listManagerLater: true });
  };
  try {
    return await writes(save);
  } finally {
    if (managers.size > 0) await directory.listManagers(tenantId, [...managers].sort());
  }
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real `MM-DD` (29 February included). */
export function isMonthDay(value: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (MONTH_DAYS[month - 1] ?? 0);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** True for an IANA time zone this runtime knows. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
