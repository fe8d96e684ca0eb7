// Plain in-memory fakes of core's ports, for unit tests of core. Integration tests use the real
// Cosmos repositories against the local server instead.
import {
  addressOf,
  marksAfterRoster,
  sameRosterEntry,
  type ClaimRequest,
  type ConversationRecord,
  type ConversationStore,
  type ClaimResult,
  type Delivery,
  type DeliveryLedger,
  type Membership,
  type MembershipStore,
  type RemovedPlace,
} from '../../core/delivery';
import type { LogFields, Logger } from '../../core/shared';
import type { PeopleDirectory, Person, ErasureRegister } from '../../core/people';
import type {
  CreateResult,
  GivingTally,
  GivingTallyStore,
  Recognition,
  RecognitionStore,
  TallyDecision,
} from '../../core/kudos';
import {
  onOccasionDays,
  type MilestoneCandidates,
  type OccasionDays,
  type ReminderSnooze,
  type SnoozeStore,
} from '../../core/milestones';
import type {
  AuditEntry,
  AuditTrail,
  DirectoryUnknown,
  JobRuns,
  TeamRole,
  TeamRoles,
  SettingsStore,
  TeamSettings,
  TenantSaveCondition,
  TenantSaveResult,
  TenantSettings,
} from '../../core/settings';
import {
  notePairKey,
  type Note,
  type NoteCreateResult,
  type NotePair,
  type NoteStore,
} from '../../core/notes';

export class MemoryConversationStore implements ConversationStore {
  readonly records = new Map<string, ConversationRecord>();
  writes = 0;
  reads = 0;

  async get(tenantId: string, id: string) {
    this.reads++;
    const record = this.records.get(`${tenantId}/${id}`);
    return record ? structuredClone(record) : undefined;
  }

  async getMany(tenantId: string, ids: readonly string[]) {
    this.reads++;
    return ids.flatMap((id) => {
      const record = this.records.get(`${tenantId}/${id}`);
      return record ? [structuredClone(record)] : [];
    });
  }

  async save(record: ConversationRecord) {
    this.writes++;
    this.records.set(`${record.tenantId}/${record.id}`, structuredClone(record));
  }

  async remove(tenantId: string, id: string) {
    this.records.delete(`${tenantId}/${id}`);
  }
}

/** Roster memberships in memory, one per person, by tenant and person. */
export class MemoryMembershipStore implements MembershipStore {
  readonly records = new Map<string, Membership>();
  writes = 0;

  async getMany(tenantId: string, userIds: readonly string[]) {
    return userIds.flatMap((userId) => {
      const record = this.records.get(`${tenantId}/${userId}`);
      return record ? [structuredClone(record)] : [];
    });
  }

  async save(membership: Membership) {
    this.writes++;
    const key = `${membership.tenantId}/${membership.userId}`;
    const kept = marksAfterRoster(this.records.get(key), membership);
    this.records.set(key, structuredClone({ ...kept, ...membership }));
  }

  async remove(tenantId: string, userId: string) {
    this.records.delete(`${tenantId}/${userId}`);
  }

  async markRefused(membership: Membership, refused: { reason: string; at: string }) {
    const stored = this.records.get(`${membership.tenantId}/${membership.userId}`);
    if (!stored || !sameRosterEntry(stored, membership)) return false;
    stored.refused = structuredClone(refused);
    return true;
  }

  async markAppRemoved(tenantId: string, place: RemovedPlace, at: Date) {
    const places = new Set([place.conversationId, ...(place.teamId ? [place.teamId] : [])]);
    let marked = 0;
    for (const record of this.records.values()) {
      const seenThere =
        places.has(record.seenIn) || (record.teamId !== undefined && places.has(record.teamId));
      if (record.tenantId !== tenantId || record.appRemoved || !seenThere) continue;
      record.appRemoved = { at: at.toISOString() };
      marked++;
    }
    return marked;
  }
}

export class MemoryDeliveryLedger implements DeliveryLedger {
  readonly deliveries = new Map<string, Delivery>();

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const key = `${request.tenantId}/${request.id}`;
    const existing = this.deliveries.get(key);
    if (!existing) {
      const delivery: Delivery = {
        tenantId: request.tenantId,
        id: request.id,
        kind: request.kind,
        status: 'claimed',
        attempts: 1,
        claimedAt: request.now.toISOString(),
        ...addressOf(request),
      };
      this.deliveries.set(key, delivery);
      return { outcome: 'claimed', delivery: { ...delivery } };
    }
    if (existing.status === 'sent' || (existing.status === 'failed' && existing.failure?.permanent)) {
      return { outcome: 'done', delivery: { ...existing } };
    }
    if (
      existing.status === 'claimed' &&
      request.now.getTime() - Date.parse(existing.claimedAt) < request.leaseMs
    ) {
      return { outcome: 'busy' };
    }
    Object.assign(existing, {
      ...addressOf(request),
      status: 'claimed',
      attempts: existing.attempts + 1,
      claimedAt: request.now.toISOString(),
    });
    return { outcome: 'claimed', delivery: { ...existing } };
  }

  async markSent(tenantId: string, id: string, now: Date) {
    const delivery = this.require(tenantId, id);
    delivery.status = 'sent';
    delivery.sentAt = now.toISOString();
  }

  async markFailed(tenantId: string, id: string, failure: { reason: string; permanent: boolean }, now: Date) {
    const delivery = this.require(tenantId, id);
    delivery.status = 'failed';
    delivery.failure = { ...failure, at: now.toISOString() };
  }

  async get(tenantId: string, id: string) {
    const delivery = this.deliveries.get(`${tenantId}/${id}`);
    return delivery ? { ...delivery } : undefined;
  }

  private require(tenantId: string, id: string): Delivery {
    const delivery = this.deliveries.get(`${tenantId}/${id}`);
    if (!delivery) throw new Error(`No delivery ${id} in tenant ${tenantId}`);
    return delivery;
  }
}

/** A logger that keeps its lines, so tests can assert what was logged. */
export class RecordingLogger implements Logger {
  constructor(
    readonly lines: Array<{ level: string; message: string; fields: LogFields }> = [],
    private readonly base: LogFields = {},
  ) {}

  debug(message: string, fields?: LogFields) {
    this.lines.push({ level: 'debug', message, fields: { ...this.base, ...fields } });
  }
  info(message: string, fields?: LogFields) {
    this.lines.push({ level: 'info', message, fields: { ...this.base, ...fields } });
  }
  warn(message: string, fields?: LogFields) {
    this.lines.push({ level: 'warn', message, fields: { ...this.base, ...fields } });
  }
  error(message: string, fields?: LogFields) {
    this.lines.push({ level: 'error', message, fields: { ...this.base, ...fields } });
  }
  child(fields: LogFields): Logger {
    return new RecordingLogger(this.lines, { ...this.base, ...fields });
  }
}

export class MemoryPeopleDirectory implements PeopleDirectory {
  readonly people = new Map<string, Person>();

  constructor(initial: Person[] = []) {
    initial.forEach((p) => this.people.set(`${p.tenantId}/${p.id}`, structuredClone(p)));
  }

  async get(tenantId: string, id: string) {
    const person = this.people.get(`${tenantId}/${id}`);
    return person ? structuredClone(person) : undefined;
  }
  async findMany(tenantId: string, ids: string[]) {
    return ids.flatMap((id) => {
      const person = this.people.get(`${tenantId}/${id}`);
      return person ? [structuredClone(person)] : [];
    });
  }
  /** Managers are listed by a query of everyone here (see MemoryDigestDirectory): nothing to keep. */
  async listManagers(_tenantId: string, _managerIds: readonly string[]) {}
  async findByEmails(tenantId: string, emails: string[]) {
    const wanted = new Set(emails.map((email) => email.toLowerCase()));
    return [...this.people.values()]
      .filter((p) => p.tenantId === tenantId && p.email !== undefined && wanted.has(p.email.toLowerCase()))
      .map((p) => structuredClone(p));
  }
  async markRecognised(tenantId: string, id: string, givenOn: string) {
    const person = this.people.get(`${tenantId}/${id}`);
    if (person && !(person.lastRecognisedOn && person.lastRecognisedOn >= givenOn)) {
      person.lastRecognisedOn = givenOn;
    }
  }
  async rememberLocale(tenantId: string, id: string, locale: string) {
    const person = this.people.get(`${tenantId}/${id}`);
    if (person) person.locale = locale;
  }
  async save(person: Person) {
    this.people.set(`${person.tenantId}/${person.id}`, structuredClone(person));
  }
  async addIfAbsent(person: Person) {
    if (this.people.has(`${person.tenantId}/${person.id}`)) return false;
    await this.save(person);
    return true;
  }
  async addTeam(tenantId: string, id: string, teamId: string) {
    const person = this.people.get(`${tenantId}/${id}`);
    if (person && !(person.teamIds ?? []).includes(teamId)) {
      person.teamIds = [...(person.teamIds ?? []), teamId];
    }
  }
  async unlinkManager(tenantId: string, id: string, managerId: string) {
    const person = this.people.get(`${tenantId}/${id}`);
    if (person?.managerId !== managerId) return false;
    delete person.managerId;
    return true;
  }
  async clearMute(tenantId: string, managerId: string, mutedId: string) {
    const manager = this.people.get(`${tenantId}/${managerId}`);
    if (!manager?.mutedReminders?.includes(mutedId)) return false;
    const left = manager.mutedReminders.filter((id) => id !== mutedId);
    if (left.length > 0) manager.mutedReminders = left;
    else delete manager.mutedReminders;
    return true;
  }
  async remove(tenantId: string, id: string) {
    this.people.delete(`${tenantId}/${id}`);
  }
  async reportsOf(tenantId: string, managerId: string) {
    return [...this.people.values()]
      .filter((p) => p.tenantId === tenantId && p.managerId === managerId)
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }
  async count(tenantId: string) {
    return [...this.people.values()].filter((p) => p.tenantId === tenantId).length;
  }
  async notRecognisedSince(tenantId: string, since: string, limit: number) {
    const quiet = [...this.people.values()]
      .filter((p) => p.tenantId === tenantId && !(p.lastRecognisedOn && p.lastRecognisedOn >= since))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    return { count: quiet.length, first: quiet.slice(0, limit).map((p) => structuredClone(p)) };
  }
}

export class MemoryRecognitionStore implements RecognitionStore {
  readonly recognitions = new Map<string, Recognition>();

  async create(recognition: Recognition): Promise<CreateResult> {
    const key = `${recognition.tenantId}/${recognition.id}`;
    const existing = this.recognitions.get(key);
    if (existing) return { created: false, existing: structuredClone(existing) };
    this.recognitions.set(key, structuredClone(recognition));
    return { created: true };
  }
  async get(tenantId: string, id: string) {
    const r = this.recognitions.get(`${tenantId}/${id}`);
    return r ? structuredClone(r) : undefined;
  }
  async update(tenantId: string, id: string, change: (current: Recognition) => Recognition) {
    const current = await this.get(tenantId, id);
    if (!current) return undefined;
    const next = change(current);
    this.recognitions.set(`${tenantId}/${id}`, structuredClone(next));
    return next;
  }
  async countGivenOn(tenantId: string, giverId: string, givenOn: string) {
    return this.all(tenantId).filter((r) => r.giver.id === giverId && r.givenOn === givenOn).length;
  }
  async pendingFanOuts(tenantId: string, createdBefore: Date) {
    return this.all(tenantId)
      .filter((r) => r.fanOutPending === true && r.createdAt < createdBefore.toISOString())
      .reverse();
  }
  async createdBetween(tenantId: string, from: Date, to: Date) {
    return this.all(tenantId).filter(
      (r) => r.createdAt >= from.toISOString() && r.createdAt < to.toISOString(),
    );
  }
  async forRecipientsSince(tenantId: string, personIds: string[], since: Date) {
    return this.all(tenantId).filter(
      (r) => r.createdAt >= since.toISOString() && r.recipientIds.some((id) => personIds.includes(id)),
    );
  }
  async givenBySince(tenantId: string, giverIds: string[], since: Date) {
    return this.all(tenantId).filter(
      (r) => r.createdAt >= since.toISOString() && giverIds.includes(r.giver.id),
    );
  }
  async involving(tenantId: string, personId: string) {
    return this.all(tenantId).filter(
      (r) =>
        r.giver.id === personId ||
        r.recipientIds.includes(personId) ||
        r.celebrations.some((c) => c.id === personId),
    );
  }
  private all(tenantId: string) {
    return [...this.recognitions.values()]
      .filter((r) => r.tenantId === tenantId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((r) => structuredClone(r));
  }
}

/** The audit trail in memory: append-only, read newest first. */
export class MemoryAuditTrail implements AuditTrail {
  readonly entries: AuditEntry[] = [];

  async record(entries: readonly AuditEntry[]) {
    this.entries.push(...structuredClone([...entries]));
  }
  async latest(tenantId: string, count: number) {
    return (await this.all(tenantId)).slice(0, count);
  }
  async all(tenantId: string) {
    return structuredClone(
      this.entries.filter((e) => e.tenantId === tenantId).sort((a, b) => b.id.localeCompare(a.id)),
    );
  }
}

export class MemorySettingsStore implements SettingsStore, JobRuns {
  readonly tenants = new Map<string, TenantSettings>();
  readonly teams = new Map<string, TeamSettings>();
  readonly runs = new Map<string, Date>();

  /** Each tenant's version: bumped by every save, as Cosmos DB's etag changes with every write. */
  private readonly versions = new Map<string, number>();

  async tenant(tenantId: string) {
    const t = this.tenants.get(tenantId);
    return t ? { ...structuredClone(t), version: `v${this.versions.get(tenantId) ?? 0}` } : undefined;
  }
  async saveTenant(settings: TenantSettings, condition: TenantSaveCondition = {}): Promise<TenantSaveResult> {
    const stored = this.tenants.has(settings.tenantId);
    const version = `v${this.versions.get(settings.tenantId) ?? 0}`;
    const { ifVersion } = condition;
    if (ifVersion === null ? stored : ifVersion !== undefined && (!stored || ifVersion !== version)) {
      return { saved: false, conflict: true };
    }
    const { version: _version, ...rest } = settings;
    const next = (this.versions.get(settings.tenantId) ?? 0) + 1;
    this.versions.set(settings.tenantId, next);
    this.tenants.set(settings.tenantId, structuredClone(rest));
    return { saved: true, version: `v${next}` };
  }
  async team(tenantId: string, teamId: string) {
    const t = this.teams.get(`${tenantId}/${teamId}`);
    return t ? structuredClone(t) : undefined;
  }
  async saveTeam(settings: TeamSettings) {
    this.teams.set(`${settings.tenantId}/${settings.teamId}`, structuredClone(settings));
  }
  async tenantIds() {
    return [...this.tenants.keys()].sort();
  }
  async lastRun(tenantId: string, job: string) {
    return this.runs.get(`${tenantId}/${job}`);
  }
  async recordRun(tenantId: string, job: string, at: Date) {
    this.runs.set(`${tenantId}/${job}`, at);
  }
}

export class MemorySnoozeStore implements SnoozeStore {
  readonly snoozes = new Map<string, ReminderSnooze>();
  async save(snooze: ReminderSnooze) {
    this.snoozes.set(`${snooze.tenantId}/${snooze.id}`, structuredClone(snooze));
  }
  async dueBy(tenantId: string, now: Date) {
    return [...this.snoozes.values()].filter((s) => s.tenantId === tenantId && s.dueAt <= now.toISOString());
  }
  async remove(tenantId: string, id: string) {
    this.snoozes.delete(`${tenantId}/${id}`);
  }
}

/** Milestone candidates answered from a people fake, the way the Cosmos queries select them. */
export class MemoryMilestoneCandidates implements MilestoneCandidates {
  reads = 0;
  constructor(private readonly people: MemoryPeopleDirectory) {}
  private where(tenantId: string, match: (p: Person) => boolean) {
    this.reads++;
    return Promise.resolve(
      [...this.people.people.values()].filter((p) => p.tenantId === tenantId && match(p)),
    );
  }
  birthdaysOn(tenantId: string, days: OccasionDays) {
    return this.where(tenantId, (p) => onOccasionDays(p.birthday, p.celebrate.birthday, days));
  }
  anniversariesOn(tenantId: string, days: OccasionDays) {
    return this.where(tenantId, (p) => onOccasionDays(p.hireDate?.slice(5), p.celebrate.anniversary, days));
  }
  hiredOn(tenantId: string, dates: readonly string[]) {
    return this.where(tenantId, (p) => !!p.hireDate && dates.includes(p.hireDate));
  }
  managersOf(tenantId: string, ids: readonly string[]) {
    return this.where(tenantId, (p) => ids.includes(p.id));
  }
  async zonesInUse(tenantId: string) {
    const zones = [...this.people.people.values()].flatMap((p) =>
      p.tenantId === tenantId && p.timeZone ? [p.timeZone] : [],
    );
    return [...new Set(zones)].sort();
  }
}

/** Notes in memory, answering each read the way the Cosmos queries do. */
export class MemoryNoteStore implements NoteStore {
  readonly notes = new Map<string, Note>();
  private key(tenantId: string, authorId: string, id: string) {
    return `${tenantId}/${authorId}/${id}`;
  }
  private all(match: (n: Note) => boolean) {
    return [...this.notes.values()]
      .filter(match)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((n) => structuredClone(n));
  }
  async create(note: Note): Promise<NoteCreateResult> {
    const existing = this.notes.get(this.key(note.tenantId, note.authorId, note.id));
    if (existing) return { created: false, existing: structuredClone(existing) };
    this.notes.set(this.key(note.tenantId, note.authorId, note.id), structuredClone(note));
    return { created: true };
  }
  async get(tenantId: string, authorId: string, id: string) {
    const note = this.notes.get(this.key(tenantId, authorId, id));
    return note ? structuredClone(note) : undefined;
  }
  async save(note: Note) {
    this.notes.set(this.key(note.tenantId, note.authorId, note.id), structuredClone(note));
  }
  async remove(tenantId: string, authorId: string, id: string) {
    this.notes.delete(this.key(tenantId, authorId, id));
  }
  async openByAuthor(tenantId: string, authorId: string) {
    return this.all((n) => n.tenantId === tenantId && n.authorId === authorId && n.status === 'open');
  }
  async aboutSubject(tenantId: string, authorId: string, subjectId: string) {
    return this.all((n) => n.tenantId === tenantId && n.authorId === authorId && n.subjectId === subjectId);
  }
  async openAboutSubjects(tenantId: string, pairs: readonly NotePair[]) {
    const wanted = new Set(pairs.map(notePairKey));
    return this.all((n) => n.tenantId === tenantId && n.status === 'open' && wanted.has(notePairKey(n)));
  }
  async followUpsDue(tenantId: string, dates: readonly string[]) {
    return this.all(
      (n) => n.tenantId === tenantId && n.status === 'open' && dates.includes(n.followUpOn ?? ''),
    );
  }
  async oneOnOnesMarkedOn(tenantId: string, dates: readonly string[]) {
    return this.all(
      (n) => n.tenantId === tenantId && n.status === 'open' && dates.includes(n.nextOneOnOneSince ?? ''),
    );
  }
  async countAbout(tenantId: string, subjectId: string) {
    return this.all((n) => n.tenantId === tenantId && n.subjectId === subjectId).length;
  }
  async removeAbout(tenantId: string, subjectId: string) {
    const gone = this.all((n) => n.tenantId === tenantId && n.subjectId === subjectId);
    gone.forEach((n) => this.notes.delete(this.key(n.tenantId, n.authorId, n.id)));
    return gone.length;
  }
  async removeByAuthor(tenantId: string, authorId: string) {
    const gone = this.all((n) => n.tenantId === tenantId && n.authorId === authorId);
    gone.forEach((n) => this.notes.delete(this.key(n.tenantId, n.authorId, n.id)));
    return gone.length;
  }
}

/** The erasure register in memory, by tenant and id (ids compared without case, as the store does). */
export class MemoryErasureRegister implements ErasureRegister {
  readonly erased = new Map<string, Date>();
  private key(tenantId: string, personId: string) {
    return `${tenantId}/${personId.toLowerCase()}`;
  }
  async record(tenantId: string, personId: string, at: Date) {
    this.erased.set(this.key(tenantId, personId), at);
  }
  async erasedAmong(tenantId: string, personIds: readonly string[]) {
    return new Set(personIds.filter((id) => this.erased.has(this.key(tenantId, id))));
  }
  async clear(tenantId: string, personId: string) {
    this.erased.delete(this.key(tenantId, personId));
  }
}

/**
 * Team owners in memory, by tenant and team group id; a team listed in `unavailable` answers
 * `unknown` for that reason, as Graph without the team's consent does.
 */
export class MemoryTeamRoles implements TeamRoles {
  readonly owners = new Map<string, Set<string>>();
  readonly unavailable = new Map<string, DirectoryUnknown>();
  private key(tenantId: string, teamGroupId: string) {
    return `${tenantId}/${teamGroupId}`;
  }
  addOwner(tenantId: string, teamGroupId: string, userId: string): this {
    const key = this.key(tenantId, teamGroupId);
    this.owners.set(key, (this.owners.get(key) ?? new Set()).add(userId));
    return this;
  }
  async isOwner(tenantId: string, teamGroupId: string, userId: string): Promise<TeamRole> {
    const key = this.key(tenantId, teamGroupId);
    const because = this.unavailable.get(key);
    if (because !== undefined) return { kind: 'unknown', because };
    return this.owners.get(key)?.has(userId) ? { kind: 'owner' } : { kind: 'not-owner' };
  }
}

/** Daily-limit tallies in memory; each change is applied at once, so none ever conflicts. */
export class MemoryGivingTallyStore implements GivingTallyStore {
  readonly tallies = new Map<string, GivingTally>();

  async get(tenantId: string, giverId: string) {
    const tally = this.tallies.get(`${tenantId}/${giverId}`);
    return tally ? structuredClone(tally) : undefined;
  }
  async change<R>(
    tenantId: string,
    giverId: string,
    decide: (current: GivingTally | undefined) => TallyDecision<R>,
  ): Promise<R> {
    const { next, answer } = decide(await this.get(tenantId, giverId));
    if (next) this.tallies.set(`${tenantId}/${giverId}`, structuredClone(next));
    return answer;
  }
}
