import type { Person, PeopleDirectory } from '../../../core/people';
import { type SettingsStore, defaultTenantSettings } from '../../../core/settings';

/** The demo tenant: the Agents Playground's mock users (.m365agentsplayground.yml) belong to it. */
export const DEMO_TENANT_ID = '5f3e2a1b-0c4d-4e6f-8a9b-1c2d3e4f5a6b';

/** The Playground's team (its id is its General channel's). */
export const DEMO_TEAM_ID = '19:product-team-general@thread.tacv2';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

/** The demo people's AAD object ids, as in .m365agentsplayground.yml. */
export const DEMO_IDS = {
  alex: id(1),
  megan: id(2),
  adele: id(3),
  lee: id(4),
  diego: id(5),
  isaiah: id(6),
} as const;

const DAY = 24 * 60 * 60 * 1000;
const dateOf = (at: Date) => at.toISOString().slice(0, 10);
const monthDayOf = (at: Date) => at.toISOString().slice(5, 10);
const yearsBefore = (at: Date, years: number) => `${at.getUTCFullYear() - years}${dateOf(at).slice(4)}`;

/**
 * A small organisation whose milestones fall in the days after `asOf`, so the demo always has
 * something coming: Alex Wilber manages Megan, Adele, Lee and Diego; Diego manages Isaiah,
 * who joined 25 days ago. They are the Playground's mock users (.m365agentsplayground.yml).
 */
export function demoPeople(asOf: Date): Person[] {
  const inDays = (days: number) => new Date(asOf.getTime() + days * DAY);
  const person = (
    fields: Omit<Person, 'tenantId' | 'celebrate'> & Partial<Pick<Person, 'celebrate'>>,
  ): Person => ({
    tenantId: DEMO_TENANT_ID,
    // As the demo's HR file sets them (demo-people.csv): people who have chosen nothing themselves.
    celebrate: { birthday: 'public', anniversary: 'public' },
    celebrateSource: 'import',
    teamIds: [DEMO_TEAM_ID],
    ...fields,
  });
  return [
    person({
      id: DEMO_IDS.alex,
      displayName: 'Alex Wilber',
      email: 'alexw@contoso.com',
      timeZone: 'Europe/London',
      // Opted in to calendar briefs: the local calendar (localCalendar.ts) holds his 1:1s and team meeting.
      calendarBriefs: { leadMinutes: 10 },
      birthday: '05-14',
      hireDate: '2018-04-09',
    }),
    person({
      id: DEMO_IDS.megan,
      displayName: 'Megan Bowen',
      email: 'meganb@contoso.com',
      managerId: DEMO_IDS.alex,
      timeZone: 'Europe/London',
      birthday: monthDayOf(inDays(3)),
      hireDate: yearsBefore(inDays(6), 5),
    }),
    person({
      id: DEMO_IDS.adele,
      displayName: 'Adele Vance',
      email: 'adelev@contoso.com',
      managerId: DEMO_IDS.alex,
      timeZone: 'Europe/Berlin',
      birthday: '09-21',
      hireDate: yearsBefore(inDays(40), 2),
      celebrate: { birthday: 'manager', anniversary: 'public' },
    }),
    person({
      id: DEMO_IDS.lee,
      displayName: 'Lee Gu',
      email: 'leeg@contoso.com',
      managerId: DEMO_IDS.alex,
      timeZone: 'Europe/London',
      hireDate: dateOf(inDays(4)),
    }),
    person({
      id: DEMO_IDS.diego,
      displayName: 'Diego Siciliani',
      email: 'diegos@contoso.com',
      managerId: DEMO_IDS.alex,
      timeZone: 'America/New_York',
      birthday: '02-29',
      hireDate: '2020-06-15',
    }),
    person({
      id: DEMO_IDS.isaiah,
      displayName: 'Isaiah Langer',
      email: 'isaiahl@contoso.com',
      managerId: DEMO_IDS.diego,
      timeZone: 'America/Los_Angeles',
      birthday: monthDayOf(inDays(1)),
      hireDate: dateOf(inDays(-25)),
    }),
  ];
}

/** The demo's admin, named as an organisation names its first one: Alex Wilber's e-mail. */
export const DEMO_ADMINS = 'alexw@contoso.com';

/**
 * The environment the local demo runs with: unless `MOMENTS_ADMINS` is set (even empty) or a Cosmos
 * DB account is configured, it names {@link DEMO_ADMINS}, so Alex is the demo's admin the way a real
 * organisation makes its first one.
 */
export function withDemoAdmins(env: Record<string, string | undefined>): Record<string, string | undefined> {
  if (env.MOMENTS_ADMINS !== undefined || (env.COSMOS_ENDPOINT ?? '').trim() !== '') return env;
  return { ...env, MOMENTS_ADMINS: DEMO_ADMINS };
}

/** Seeds the demo organisation unless the demo tenant already has people. Returns how many were added. */
export async function seedDemoOrg(
  stores: { people: PeopleDirectory; settings: SettingsStore },
  asOf: Date,
  defaultTimeZone: string,
): Promise<number> {
  if ((await stores.people.count(DEMO_TENANT_ID)) > 0) return 0;
  const people = demoPeople(asOf);
  for (const person of people) await stores.people.save(person);
  // No admin on the tenant's own list: Alex is the demo's admin through MOMENTS_ADMINS (withDemoAdmins).
  if (!(await stores.settings.tenant(DEMO_TENANT_ID))) {
    await stores.settings.saveTenant({
      ...defaultTenantSettings(DEMO_TENANT_ID, defaultTimeZone),
      calendarBriefs: true,
    });
  }
  return people.length;
}
