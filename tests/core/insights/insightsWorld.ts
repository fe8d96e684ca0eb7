// In-memory ports for the tab's use cases, answering each read the way the Cosmos queries do, and
// a small organisation to read them over.
import type { Membership, ReachRoll } from '../../../core/delivery';
import {
  viewerOf,
  type InsightsDeps,
  type KudosActivity,
  type KudosOfPerson,
  type KudosPosition,
  type PeopleRoster,
  type RecognitionHistory,
  type Viewer,
} from '../../../core/insights';
import type { Recognition } from '../../../core/kudos';
import type { ImportStatusRecord, ImportStatusStore, Person } from '../../../core/people';
import { defaultTenantSettings, type TenantSettings } from '../../../core/settings';
import {
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemoryRecognitionStore,
  MemorySettingsStore,
} from '../../support/fakes';

export const T = 'tenant-a';

const newestFirst = (a: KudosPosition, b: KudosPosition) =>
  a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

const activityOf = (k: Recognition): KudosActivity => ({
  id: k.id,
  createdAt: k.createdAt,
  giverId: k.giver.id,
  recipientIds: [...k.recipientIds],
  valueId: k.value.id,
  valueName: k.value.name,
});

/** The history reads over the recognitions fake. */
export class MemoryRecognitionHistory implements RecognitionHistory {
  constructor(private readonly store: MemoryRecognitionStore) {}

  private all(tenantId: string): Recognition[] {
    return [...this.store.recognitions.values()]
      .filter((k) => k.tenantId === tenantId)
      .sort(newestFirst)
      .map((k) => structuredClone(k));
  }
  private involves(k: Recognition, personId: string) {
    return k.giver.id === personId || k.recipientIds.includes(personId);
  }
  async page(tenantId: string, filter: KudosOfPerson, after: KudosPosition | undefined, limit: number) {
    return this.all(tenantId)
      .filter(
        (k) =>
          this.involves(k, filter.personId) &&
          (!filter.since || k.createdAt >= filter.since.toISOString()) &&
          (filter.valueId === undefined || k.value.id === filter.valueId) &&
          (!after || newestFirst(after, k) < 0),
      )
      .slice(0, limit);
  }
  async involving(tenantId: string, personId: string, since?: Date) {
    return this.all(tenantId)
      .filter((k) => this.involves(k, personId) && (!since || k.createdAt >= since.toISOString()))
      .map(activityOf);
  }
  async activityBetween(tenantId: string, from: Date, to: Date) {
    return this.all(tenantId)
      .filter((k) => k.createdAt >= from.toISOString() && k.createdAt < to.toISOString())
      .map(activityOf);
  }
}

/** The roster projected from the people fake. */
export class MemoryPeopleRoster implements PeopleRoster {
  constructor(private readonly people: MemoryPeopleDirectory) {}
  async roster(tenantId: string) {
    return [...this.people.people.values()]
      .filter((p) => p.tenantId === tenantId)
      .map((p) => ({
        id: p.id,
        displayName: p.displayName,
        ...(p.managerId ? { managerId: p.managerId } : {}),
      }));
  }
}

export class MemoryImportStatusStore implements ImportStatusStore {
  readonly statuses = new Map<string, ImportStatusRecord>();
  async last(tenantId: string) {
    const status = this.statuses.get(tenantId);
    return status ? structuredClone(status) : undefined;
  }
  async record(status: ImportStatusRecord) {
    this.statuses.set(status.tenantId, structuredClone(status));
  }
}

/** Who has a personal chat, who removed Moments, and the roster memberships. */
export class MemoryReachRoll implements ReachRoll {
  chats = new Set<string>();
  removed = new Set<string>();
  membershipsHeld: Membership[] = [];
  constructor(private readonly directory: MemoryPeopleDirectory) {}
  async people(tenantId: string) {
    return new MemoryPeopleRoster(this.directory).roster(tenantId);
  }
  async personalChatUserIds() {
    return [...this.chats];
  }
  async appRemovedUserIds() {
    return [...this.removed];
  }
  async memberships() {
    return structuredClone(this.membershipsHeld);
  }
}

/** Everything the tab reads, in memory. */
export function insightsWorld(people: Person[] = [], settings?: Partial<TenantSettings>) {
  const directory = new MemoryPeopleDirectory(people);
  const recognitions = new MemoryRecognitionStore();
  const notes = new MemoryNoteStore();
  const importStatus = new MemoryImportStatusStore();
  const reachRoll = new MemoryReachRoll(directory);
  const settingsStore = new MemorySettingsStore();
  settingsStore.tenants.set(T, { ...defaultTenantSettings(T, 'Europe/London'), ...settings });
  const deps: InsightsDeps = {
    recognitions,
    history: new MemoryRecognitionHistory(recognitions),
    people: directory,
    roster: new MemoryPeopleRoster(directory),
    notes,
    importStatus,
    reachRoll,
  };
  const viewer = (personId: string): Promise<Viewer> =>
    viewerOf(
      {
        people: directory,
        settings: settingsStore,
        namedAdmins: [],
        tenantSettings: async (tenantId) =>
          (await settingsStore.tenant(tenantId)) ?? defaultTenantSettings(tenantId, 'Europe/London'),
      },
      { tenantId: T, personId },
    );
  return { deps, directory, recognitions, notes, importStatus, reachRoll, settingsStore, viewer };
}

export const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName: id[0]!.toUpperCase() + id.slice(1),
  celebrate: {},
  ...fields,
});

let sequence = 0;

/** A kudos from `giver` to `to` at `createdAt`: given in a personal chat, its words kept there unless said otherwise. */
export function kudos(
  giver: Person,
  to: Person[],
  createdAt: string,
  fields: Partial<Recognition> = {},
): Recognition {
  return {
    tenantId: T,
    id: `k${String(++sequence).padStart(4, '0')}`,
    giver: { id: giver.id, name: giver.displayName },
    recipients: to.map((p) => ({ id: p.id, name: p.displayName })),
    recipientIds: to.map((p) => p.id),
    value: { id: 'teamwork', name: 'Teamwork' },
    message: `thanks from ${giver.displayName}`,
    place: { kind: 'personal', conversationId: `a:${giver.id}` },
    postToChannel: false,
    managerMaySee: false,
    createdAt,
    givenOn: createdAt.slice(0, 10),
    celebrations: [],
    ...fields,
  };
}
