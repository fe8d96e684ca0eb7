/**
 * The tab benchmark's tenant: a directory of managers and reports with Entra-style ids (the API
 * takes the person from a token's `oid`, a GUID) and a year of kudos, built in memory from a seed,
 * then stored in a local Cosmos DB server, many writes in flight.
 */
import type { Recognition } from '../../core/kudos';
import type { Person } from '../../core/people';
import { defaultTenantSettings } from '../../core/settings';
import type { Runtime } from '../../functions/composition';
import {
  buildDirectory,
  inBatches,
  seededRandom,
  seedDirectory,
  type Directory,
} from '../../tests/support/milestoneFixtures';

const DAY = 24 * 60 * 60 * 1000;
/** Reports per manager in the directory tree. */
export const SPAN = 10;
/** The tenant, a GUID as Entra ID's `tid` is. */
export const TAB_TENANT = '5e7b1c2a-7d3f-4b6e-9a10-000000000001';

/** Person number `i`'s id: a GUID, as Entra ID's `oid` is. */
export const personId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/**
 * `size` people (fields from {@link buildDirectory}) in a tree: person i > 0 reports to person
 * ⌊(i − 1) / SPAN⌋, so the first ⌈(size − 1) / SPAN⌉ people manage ~SPAN reports each.
 */
export function tabDirectory(tenantId: string, size: number, seed: number): Directory {
  const base = buildDirectory({ tenantId, size, seed });
  const people = base.people.map((p, i): Person => {
    const { managerId: _ignored, ...rest } = p;
    const person = { ...rest, id: personId(i) };
    return i === 0 ? person : { ...person, managerId: personId(Math.floor((i - 1) / SPAN)) };
  });
  const managers = Math.ceil((size - 1) / SPAN);
  return { ...base, people, managerIds: people.slice(0, managers).map((p) => p.id) };
}

/** Options of {@link yearOfKudos}. */
export interface KudosOptions {
  tenantId: string;
  people: readonly Person[];
  count: number;
  /** The year ends here: every kudos is from the 365 days before. */
  now: Date;
  seed: number;
  /** Share of the kudos someone celebrated (+1), each by one to five people. */
  celebratedShare?: number;
}

/**
 * `count` kudos evenly spread over the 365 days before `now`, each to one or two people, given by
 * a teammate (half), the recipient's manager (a fifth) or anyone, for one of the tenant's default
 * values; half in a team channel, the rest in chats, most letting managers see them. Sets
 * `lastRecognisedOn` of the recipients in `people` as the kudos service would; returns the
 * updated people with the kudos.
 */
export function yearOfKudos(options: KudosOptions): { kudos: Recognition[]; people: Person[] } {
  const { tenantId, count, now } = options;
  const people = [...options.people];
  const values = defaultTenantSettings(tenantId, 'UTC').values;
  const random = seededRandom(options.seed);
  const pick = () => Math.floor(random() * people.length);
  const at = (i: number) => people[i] as Person;
  const indexOf = (id: string) => Number(id.slice(-12));
  const celebrated = options.celebratedShare ?? 0.3;
  const kudos: Recognition[] = [];
  const last = new Map<number, string>();
  for (let k = 0; k < count; k++) {
    const to = [pick()];
    if (random() < 0.2) to.push(pick());
    const first = at(to[0] as number);
    const r = random();
    let giver: number;
    if (r < 0.2 && first.managerId) giver = indexOf(first.managerId);
    else if (r < 0.7 && first.managerId) {
      const lead = indexOf(first.managerId);
      giver = Math.min(lead * SPAN + 1 + Math.floor(random() * SPAN), people.length - 1);
    } else giver = pick();
    const recipients = [...new Set(to)].filter((i) => i !== giver);
    if (recipients.length === 0) recipients.push((giver + 1) % people.length);
    // Evenly over the year: kudos k in the k-th slice of it, at a random instant of that slice.
    const slice = (365 * DAY) / count;
    const createdAt = new Date(now.getTime() - 365 * DAY + (k + random()) * slice).toISOString();
    const givenOn = createdAt.slice(0, 10);
    const value = values[Math.floor(random() * values.length)]!;
    const g = at(giver);
    const teamId = g.teamIds?.[0] ?? 'team-01';
    const inChannel = random() < 0.5;
    const fans = random() < celebrated ? 1 + Math.floor(random() * 5) : 0;
    kudos.push({
      tenantId,
      id: `kudos-${String(k).padStart(6, '0')}`,
      giver: { id: g.id, name: g.displayName },
      recipients: recipients.map((i) => ({ id: at(i).id, name: at(i).displayName })),
      recipientIds: recipients.map((i) => at(i).id),
      value: { id: value.id, name: value.name },
      message: `Thanks for the help with release ${k}: it made the week.`,
      place: inChannel
        ? { kind: 'channel', conversationId: `19:${teamId}-general@thread.tacv2`, teamId }
        : { kind: 'personal', conversationId: `a:${g.id}` },
      postToChannel: !inChannel && random() < 0.3,
      managerMaySee: random() < 0.8,
      createdAt,
      givenOn,
      celebrations: Array.from({ length: fans }, () => {
        const fan = at(pick());
        return { id: fan.id, name: fan.displayName, at: createdAt };
      }),
    });
    for (const i of recipients) if ((last.get(i) ?? '') < givenOn) last.set(i, givenOn);
  }
  for (const [i, on] of last) people[i] = { ...at(i), lastRecognisedOn: on };
  return { kudos, people };
}

/** Kudos per day, counted back from `now` (index 0: the last 24 hours), for 365 days. */
export function kudosPerDay(kudos: readonly Pick<Recognition, 'createdAt'>[], now: Date): number[] {
  const days = new Array<number>(365).fill(0);
  for (const k of kudos) {
    const back = Math.floor((now.getTime() - Date.parse(k.createdAt)) / DAY);
    if (back >= 0 && back < 365) days[back]! += 1;
  }
  return days;
}

/**
 * Stores the directory (tenant settings with `adminId` an admin, people, chats) and the kudos,
 * `concurrency` writes in flight.
 */
export async function seedTab(
  runtime: Runtime,
  options: {
    tenantId: string;
    directory: Directory;
    kudos: readonly Recognition[];
    adminId: string;
    concurrency: number;
  },
): Promise<void> {
  const { tenantId, directory, concurrency } = options;
  await seedDirectory(runtime, directory, {
    tenantId,
    serviceUrl: 'http://127.0.0.1:9/connector',
    concurrency,
  });
  const settings = await runtime.stores.settings.tenant(tenantId);
  await runtime.stores.settings.saveTenant({
    ...(settings ?? defaultTenantSettings(tenantId, 'UTC')),
    adminIds: [options.adminId],
  });
  await inBatches(options.kudos, concurrency, async (k) => {
    await runtime.stores.recognitions.create(k);
  });
}
