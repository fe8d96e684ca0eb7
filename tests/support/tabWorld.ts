/**
 * What the tab's browser tests store and expect: known kudos and notes of the demo organisation
 * over 20 weeks, and the weeks the tab's charts show, in Alex's zone.
 */
import type { Recognition } from '../../core/kudos';
import type { Note } from '../../core/notes';
import type { Runtime } from '../../functions/composition';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';

const NAMES: Record<string, string> = {
  [DEMO_IDS.alex]: 'Alex Wilber',
  [DEMO_IDS.megan]: 'Megan Bowen',
  [DEMO_IDS.adele]: 'Adele Vance',
  [DEMO_IDS.lee]: 'Lee Gu',
  [DEMO_IDS.diego]: 'Diego Siciliani',
  [DEMO_IDS.isaiah]: 'Isaiah Langer',
};
const VALUES: Record<string, string> = {
  teamwork: 'Teamwork',
  'customer-first': 'Customer first',
  ownership: 'Ownership',
  innovation: 'Innovation',
  growth: 'Learning & growth',
};

export const DAY = 24 * 60 * 60 * 1000;
const ref = (id: string) => ({ id, name: NAMES[id]! });

/** A kudos at noon UTC `daysAgo` days before `now` (the same date in London, Alex's zone). */
export function kudos(
  now: Date,
  n: number,
  spec: {
    daysAgo: number;
    giver: string;
    to: string[];
    value: keyof typeof VALUES;
    kind?: Recognition['place']['kind'];
    celebratedBy?: string[];
  },
): Recognition {
  const at = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - spec.daysAgo * DAY,
  );
  const kind = spec.kind ?? 'channel';
  return {
    tenantId: DEMO_TENANT_ID,
    id: `tab-test-${n}`,
    giver: ref(spec.giver),
    recipients: spec.to.map(ref),
    recipientIds: spec.to,
    value: { id: spec.value, name: VALUES[spec.value]! },
    message: `Thanks number ${n}, from ${NAMES[spec.giver]}`,
    place: {
      kind,
      conversationId: `conv-${kind}`,
      ...(kind === 'channel' ? { teamId: 'team-1', channelId: 'channel-1' } : {}),
    },
    postToChannel: false,
    managerMaySee: kind === 'channel',
    createdAt: at.toISOString(),
    givenOn: at.toISOString().slice(0, 10),
    celebrations: (spec.celebratedBy ?? []).map((id) => ({ ...ref(id), at: at.toISOString() })),
  };
}

/**
 * The stored world the tests read back: 26 kudos Alex received or gave over 20 weeks (more than a
 * page of 20, so "Load more" shows), kudos among his reports, one of them given by Diego's report
 * Isaiah, and two open notes about Megan: Alex's own and Diego's.
 */
export function tabWorld(now: Date): { kudos: Recognition[]; notes: Note[] } {
  const { alex, megan, adele, lee, diego, isaiah } = DEMO_IDS;
  const values = ['teamwork', 'customer-first', 'ownership', 'innovation', 'growth'] as const;
  const list: Recognition[] = [];
  let n = 0;
  // Alex: received from his reports and given to them, every few days back to 130 days.
  for (let i = 0; i < 26; i += 1) {
    const report = [megan, adele, lee, diego][i % 4]!;
    const received = i % 3 !== 0;
    list.push(
      kudos(now, ++n, {
        daysAgo: 1 + i * 5,
        giver: received ? report : alex,
        to: received ? [alex] : [report],
        value: values[i % values.length]!,
        kind: (['channel', 'groupChat', 'personal'] as const)[i % 3],
        ...(i === 0 ? { celebratedBy: [lee, adele] } : {}),
      }),
    );
  }
  // Among the reports, Alex not on them.
  list.push(kudos(now, ++n, { daysAgo: 3, giver: megan, to: [adele, lee], value: 'innovation' }));
  list.push(kudos(now, ++n, { daysAgo: 17, giver: isaiah, to: [diego], value: 'growth' }));
  list.push(kudos(now, ++n, { daysAgo: 33, giver: lee, to: [megan], value: 'teamwork', kind: 'personal' }));
  list.push(kudos(now, ++n, { daysAgo: 45, giver: diego, to: [isaiah], value: 'ownership' }));
  const note = (authorId: string, text: string): Note => ({
    tenantId: DEMO_TENANT_ID,
    id: `note-${authorId.slice(-1)}`,
    authorId,
    subjectId: megan,
    subjectName: NAMES[megan]!,
    text,
    status: 'open',
    createdAt: new Date(now.getTime() - 2 * DAY).toISOString(),
    updatedAt: new Date(now.getTime() - 2 * DAY).toISOString(),
  });
  return {
    kudos: list,
    notes: [
      note(alex, 'Ask Megan about the conference talk'),
      note(diego, 'Diego private: Megan helped on the launch'),
    ],
  };
}

export type TabWorld = ReturnType<typeof tabWorld>;

/** Stores `world` through the runtime's stores. */
export async function storeWorld(runtime: Runtime, world: TabWorld): Promise<void> {
  for (const recognition of world.kudos) await runtime.stores.recognitions.create(recognition);
  for (const note of world.notes) await runtime.stores.notes.create(note);
}

/** The Monday (`YYYY-MM-DD`) of a UTC date's week. */
export function mondayOf(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - back * DAY).toISOString().slice(0, 10);
}

/** A date in Alex's zone (Europe/London), `YYYY-MM-DD`. */
export const londonDate = (at: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(at);

/** A Monday as the tab labels weeks in English: "Dec 7". */
export const weekLabel = (monday: string): string =>
  new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${monday}T00:00:00Z`),
  );

/** The Mondays of the 12 weeks the tab's weekly charts show (Alex's zone), oldest first. */
export function lastTwelveMondays(now: Date): string[] {
  const last = mondayOf(londonDate(now));
  return Array.from({ length: 12 }, (_, i) =>
    new Date(Date.parse(`${last}T00:00:00Z`) - (11 - i) * 7 * DAY).toISOString().slice(0, 10),
  );
}
