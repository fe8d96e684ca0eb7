import { ConversationBook, type ConversationRecord, type SendResult } from '../../../core/delivery';
import {
  type Digest,
  DIGEST_JOB,
  runDigestJob,
  type DigestDirectory,
  type DigestNotifier,
} from '../../../core/digest';
import type { Person } from '../../../core/people';
import { defaultTenantSettings } from '../../../core/settings';
import {
  MemoryConversationStore,
  MemoryDeliveryLedger,
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemoryRecognitionStore,
  MemorySettingsStore,
  RecordingLogger,
} from '../../support/fakes';

const T = 'tenant-a';
const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName: id,
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});

class RecordingNotifier implements DigestNotifier {
  readonly sent: Array<{ to: string; week: string; reports: number }> = [];
  readonly digests: Digest[] = [];
  result: SendResult = { ok: true };
  delayMs = 0;
  prepare(conversation: ConversationRecord, digest: Digest) {
    return async () => {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      if (this.result.ok) {
        this.sent.push({ to: conversation.userId ?? '', week: digest.week, reports: digest.teamSize });
        this.digests.push(digest);
      }
      return this.result;
    };
  }
}

/** The directory projection, answered from the fake, counting its passes. */
class MemoryDigestDirectory implements DigestDirectory {
  passes = 0;
  constructor(private readonly people: MemoryPeopleDirectory) {}
  async managerIds(tenantId: string) {
    this.passes++;
    return [...this.people.people.values()].flatMap((p) =>
      p.tenantId === tenantId && p.managerId ? [p.managerId] : [],
    );
  }
  async withoutReports() {}
}

async function setup() {
  const settings = new MemorySettingsStore();
  await settings.saveTenant(defaultTenantSettings(T, 'UTC'));
  const people = new MemoryPeopleDirectory([
    person('london'),
    person('tokyo', { timeZone: 'Asia/Tokyo' }),
    person('friday', { digest: { enabled: true, day: 5, hour: 16 } }),
    person('off', { digest: { enabled: false } }),
    person('lonely'), // no reports
    person('a1', { managerId: 'london' }),
    person('a2', { managerId: 'london' }),
    person('b1', { managerId: 'tokyo' }),
    person('c1', { managerId: 'friday' }),
    person('d1', { managerId: 'off' }),
  ]);
  const store = new MemoryConversationStore();
  const logger = new RecordingLogger();
  const conversations = new ConversationBook(store, logger);
  for (const id of ['london', 'tokyo', 'friday', 'off', 'lonely', 'a1']) {
    await store.save({
      tenantId: T,
      id: `personal:${id}`,
      kind: 'personal',
      conversationId: `a:${id}`,
      userId: id,
      reference: {},
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
  }
  const notifier = new RecordingNotifier();
  const directory = new MemoryDigestDirectory(people);
  const deliveries = new MemoryDeliveryLedger();
  const deps = {
    settings,
    runs: settings,
    directory,
    people,
    recognitions: new MemoryRecognitionStore(),
    notes: new MemoryNoteStore(),
    conversations,
    deliveries,
    notifier,
    logger,
    defaultTimeZone: 'UTC',
  };
  return { deps, notifier, settings, directory, deliveries };
}

const at = (iso: string) => new Date(iso);
const sentTo = (report: { sends: Array<{ managerId: string; outcome: string }> }) =>
  report.sends.filter((s) => s.outcome === 'sent').map((s) => s.managerId);

describe('runDigestJob', () => {
  it('sends each manager’s digest at their digest hour in their own zone, once per week', async () => {
    const { deps, notifier, directory, deliveries } = await setup();
    // Monday 15 March 2027 08:00 in Tokyo is Sunday 23:00 UTC.
    let report = await runDigestJob(deps, { now: at('2027-03-14T23:00:00Z') });
    expect(sentTo(report)).toEqual(['tokyo']);
    expect(notifier.sent).toEqual([{ to: 'tokyo', week: '2027-W11', reports: 1 }]);
    expect(directory.passes).toBe(1);
    // 07:00 in London: not yet.
    report = await runDigestJob(deps, { now: at('2027-03-15T07:00:00Z') });
    expect(sentTo(report)).toEqual([]);
    report = await runDigestJob(deps, { now: at('2027-03-15T08:00:00Z') });
    expect(sentTo(report)).toEqual(['london']);
    expect(report.sends.find((s) => s.managerId === 'london')).toMatchObject({
      deliveryId: 'digest:2027-W11:london',
      reports: 2,
    });
    // What the digest's buttons are checked against: sent to the manager, naming whom it listed.
    const delivery = await deliveries.get(T, 'digest:2027-W11:london');
    expect(delivery).toMatchObject({
      recipientId: 'london',
      subject: { type: 'digest', managerId: 'london' },
    });
    expect(delivery?.subject?.type === 'digest' && delivery.subject.personIds.length).toBeGreaterThan(0);
    // Nobody without reports, and nobody who turned the digest off.
    expect(notifier.sent.map((s) => s.to)).not.toContain('lonely');
    expect(notifier.sent.map((s) => s.to)).not.toContain('off');
  });

  it('lists the milestones of reports who have not chosen as the tenant’s default celebration says', async () => {
    const upcoming = async (defaultCelebration: 'manager' | 'off') => {
      const { deps, notifier, settings } = await setup();
      await settings.saveTenant({ ...defaultTenantSettings(T, 'UTC'), defaultCelebration });
      await deps.people.save(person('a1', { managerId: 'london', birthday: '03-17', celebrate: {} }));
      await deps.people.save(
        person('a2', { managerId: 'london', birthday: '03-18', celebrate: { birthday: 'manager' } }),
      );
      await runDigestJob(deps, { now: at('2027-03-15T08:00:00Z') });
      return notifier.digests[0]?.milestones.upcoming.rows.map((m) => `${m.person.name} ${m.kind}`);
    };
    expect(await upcoming('manager')).toEqual(['a1 birthday', 'a2 birthday']);
    // Off for those who have not chosen: their birthday is not the manager's to mark.
    expect(await upcoming('off')).toEqual(['a2 birthday']);
  });

  it('follows a manager’s own day and hour: Friday 16:00', async () => {
    const { deps, notifier } = await setup();
    await runDigestJob(deps, { now: at('2027-03-15T08:00:00Z') });
    expect(notifier.sent.map((s) => s.to)).not.toContain('friday');
    const report = await runDigestJob(deps, { now: at('2027-03-19T16:00:00Z') });
    expect(sentTo(report)).toEqual(['friday']);
  });

  it('running again for the same hour, or twice at once, sends nothing more', async () => {
    const { deps, notifier, settings } = await setup();
    const now = at('2027-03-15T08:00:00Z');
    await runDigestJob(deps, { now });
    expect(notifier.sent.map((s) => s.to).sort()).toEqual(['london', 'tokyo']);
    // Forget the run record: the ledger alone must stop a second send.
    settings.runs.clear();
    const again = await runDigestJob(deps, { now: at('2027-03-15T08:30:00Z') });
    expect(sentTo(again)).toEqual([]);
    expect(again.sends.map((s) => s.outcome)).toEqual(['already-done', 'already-done']);
    expect(notifier.sent).toHaveLength(2);
  });

  it('two concurrent runs deliver each digest once', async () => {
    const { deps, notifier, settings } = await setup();
    await settings.recordRun(T, DIGEST_JOB, at('2027-03-15T07:00:00Z'));
    notifier.delayMs = 20;
    const now = at('2027-03-15T08:00:00Z');
    const [a, b] = await Promise.all([runDigestJob(deps, { now }), runDigestJob(deps, { now })]);
    expect([...sentTo(a), ...sentTo(b)].sort()).toEqual(['london']);
    expect(notifier.sent.map((s) => s.to)).toEqual(['london']);
  });

  it('a missed hour catches up on the next run, and the run is recorded only when nothing is left', async () => {
    const { deps, notifier, settings } = await setup();
    await runDigestJob(deps, { now: at('2027-03-15T06:00:00Z') });
    // The 08:00 and 09:00 runs were missed; 11:00 catches up.
    notifier.result = { ok: false, reason: 'Teams is down', permanent: false };
    let report = await runDigestJob(deps, { now: at('2027-03-15T11:00:00Z') });
    expect(report.sends.find((s) => s.managerId === 'london')?.outcome).toBe('failed');
    expect(await settings.lastRun(T, DIGEST_JOB)).toEqual(at('2027-03-15T06:00:00Z'));
    notifier.result = { ok: true };
    report = await runDigestJob(deps, { now: at('2027-03-15T12:00:00Z') });
    expect(sentTo(report)).toEqual(['london']);
    expect(await settings.lastRun(T, DIGEST_JOB)).toEqual(at('2027-03-15T12:00:00Z'));
  });

  it('a dry run reports what would be sent and sends, claims and records nothing', async () => {
    const { deps, notifier, settings, deliveries } = await setup();
    const report = await runDigestJob(deps, { now: at('2027-03-15T08:00:00Z'), dryRun: true });
    // No run yet: the window reaches a day back, so Tokyo's 08:00 (23:00 UTC) is caught up too.
    expect(report.sends.map((s) => `${s.managerId}:${s.outcome}`)).toEqual([
      'london:planned',
      'tokyo:planned',
    ]);
    expect(notifier.sent).toEqual([]);
    expect(deliveries.deliveries.size).toBe(0);
    expect(await settings.lastRun(T, DIGEST_JOB)).toBeUndefined();
  });

  it('a manager without a personal chat is reported unreachable; a person with no reports gets nothing', async () => {
    const { deps, notifier, settings } = await setup();
    await settings.recordRun(T, DIGEST_JOB, at('2027-03-15T07:00:00Z'));
    await deps.people.save(person('nochat'));
    await deps.people.save(person('e1', { managerId: 'nochat' }));
    const report = await runDigestJob(deps, { now: at('2027-03-15T08:00:00Z') });
    expect(report.sends.find((s) => s.managerId === 'nochat')?.outcome).toBe('unreachable');
    expect(report.sends.map((s) => s.managerId)).not.toContain('lonely');
    expect(report.sends.map((s) => s.managerId)).not.toContain('a1');
    expect(notifier.sent.map((s) => s.to)).toEqual(['london']);
  });
});
