import { runMilestoneJob } from '../../../core/milestones';
import { defaultTenantSettings } from '../../../core/settings';
import { kudosTo } from '../../support/milestoneFixtures';
import { person, setup, T } from '../../support/milestoneJobWorld';

describe('runMilestoneJob', () => {
  it('reminds the manager at their send hour and celebrates on the day, each once', async () => {
    const { deps, notifier } = await setup();
    await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z') });
    await runMilestoneJob(deps, { now: new Date('2027-03-11T10:00:00Z') });
    await runMilestoneJob(deps, { now: new Date('2027-03-16T09:00:00Z') });
    expect(notifier.sent).toEqual([
      'remind manager about megan birthday (2027-03-11)',
      'celebrate megan in kudos-channel',
      'congratulate megan birthday',
    ]);
  });

  it('records who each reminder went to and what it was about, for its card’s actions to check', async () => {
    const { deps } = await setup();
    await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z') });
    expect(await deps.deliveries.get(T, 'birthday:2027-03-16:megan:manager')).toMatchObject({
      status: 'sent',
      recipientId: 'manager',
      subject: {
        type: 'reminder',
        personId: 'megan',
        kind: 'birthday',
        date: '2027-03-16',
        occursOn: '2027-03-16',
      },
    });
  });

  it('works out the day of a manager without a time zone in the tenant’s default zone', async () => {
    const { deps, notifier, settings, people } = await setup();
    await settings.saveTenant(defaultTenantSettings(T, 'Pacific/Auckland'));
    const manager = await people.get(T, 'manager');
    await people.save({ ...manager!, timeZone: undefined });
    // 09:00 on Thursday 11 March in Auckland is still Wednesday 10 March in UTC, the app's default.
    await runMilestoneJob(deps, { now: new Date('2027-03-10T20:00:00Z') });
    expect(notifier.sent).toEqual(['remind manager about megan birthday (2027-03-11)']);
  });

  it('a dry run plans without sending, claiming or recording the run', async () => {
    const { deps, notifier, settings } = await setup();
    const report = await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z'), dryRun: true });
    expect(report.sends.map((s) => `${s.kind} ${s.personName} ${s.outcome}`)).toEqual([
      'reminder megan planned',
    ]);
    expect(notifier.sent).toEqual([]);
    expect(await settings.lastRun(T, 'milestones')).toBeUndefined();
    await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z') });
    expect(notifier.sent).toHaveLength(1);
  });

  it('a missed run (host down for hours) catches up on the next run, once', async () => {
    const { deps, notifier } = await setup();
    await runMilestoneJob(deps, { now: new Date('2027-03-11T05:00:00Z') });
    expect(notifier.sent).toEqual([]);
    // Down from 06:00 to 14:00: the 09:00 reminder goes out at 14:00, and not again at 15:00.
    await runMilestoneJob(deps, { now: new Date('2027-03-11T14:00:00Z') });
    await runMilestoneJob(deps, { now: new Date('2027-03-11T15:00:00Z') });
    expect(notifier.sent).toEqual(['remind manager about megan birthday (2027-03-11)']);
  });

  it('a transient failure is retried by the next run; the run is recorded only once nothing is left', async () => {
    const { deps, notifier, settings } = await setup();
    notifier.failNext = [{ ok: false, permanent: false, reason: '503' }];
    await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z') });
    expect(notifier.sent).toEqual([]);
    expect(await settings.lastRun(T, 'milestones')).toBeUndefined();
    await runMilestoneJob(deps, { now: new Date('2027-03-11T10:00:00Z') });
    expect(notifier.sent).toEqual(['remind manager about megan birthday (2027-03-11)']);
    expect((await settings.lastRun(T, 'milestones'))?.toISOString()).toBe('2027-03-11T10:00:00.000Z');
  });

  it('a permanent failure (app removed) is recorded and not retried', async () => {
    const { deps, notifier } = await setup();
    notifier.failNext = [{ ok: false, permanent: true, reason: '403: bot removed' }];
    const first = await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z') });
    expect(first.sends.map((s) => s.outcome)).toEqual(['gave-up']);
    // Nothing is left to retry, so the run is recorded and the next hour does not plan it again.
    expect((await deps.runs.lastRun(T, 'milestones'))?.toISOString()).toBe('2027-03-11T09:00:00.000Z');
    await runMilestoneJob(deps, { now: new Date('2027-03-11T10:00:00Z') });
    expect(notifier.sent).toEqual([]);
    const delivery = await deps.deliveries.get(T, 'birthday:2027-03-16:megan:manager');
    expect(delivery).toMatchObject({
      status: 'failed',
      failure: { reason: '403: bot removed', permanent: true },
    });
  });

  it('reads only candidates: a bigger directory costs no more reads', async () => {
    const small = await setup();
    await runMilestoneJob(small.deps, { now: new Date('2027-03-11T09:00:00Z') });
    const big = await setup();
    for (let i = 0; i < 2000; i++)
      await big.people.save(person(`p${i}`, { birthday: '07-01', managerId: 'manager' }));
    await runMilestoneJob(big.deps, { now: new Date('2027-03-11T09:00:00Z') });
    expect(big.candidates.reads).toBe(small.candidates.reads);
  });

  it('a reminder’s latest kudos given in a chat with “Let their manager see this” off names giver and value only', async () => {
    const { deps, notifier } = await setup();
    const inChat = (managerMaySee: boolean, createdAt: string) =>
      kudosTo(T, `k-${managerMaySee}`, { id: 'megan', name: 'megan' }, createdAt, 'Between us', {
        managerMaySee,
      });
    await deps.recognitions.create(inChat(false, '2027-03-08T09:00:00.000Z'));
    await deps.recognitions.create(inChat(true, '2027-03-01T09:00:00.000Z'));
    await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z') });
    expect(notifier.reminders).toEqual([
      expect.objectContaining({
        kudos90Days: { count: 2, latest: { giverName: 'Adele Vance', valueName: 'Teamwork', message: '' } },
      }),
    ]);
  });

  it('a reminder, and its snoozed return, show the person’s last 90 days of kudos and only the manager’s open notes', async () => {
    const { deps, notifier } = await setup();
    // Given in a chat, with "Let their manager see this" left on.
    const kudos = (id: string, to: string, createdAt: string, message: string) =>
      kudosTo(T, id, { id: to, name: to }, createdAt, message, { managerMaySee: true });
    await deps.recognitions.create(kudos('k1', 'megan', '2027-03-01T09:00:00.000Z', 'Great demo'));
    await deps.recognitions.create(kudos('k2', 'megan', '2027-03-08T09:00:00.000Z', 'Thanks for the cover'));
    await deps.recognitions.create(kudos('k0', 'megan', '2026-11-01T09:00:00.000Z', 'Too long ago'));
    await deps.recognitions.create(kudos('k3', 'quiet', '2027-03-08T09:00:00.000Z', 'Someone else'));
    const note = (id: string, authorId: string, text: string, status: 'open' | 'done') =>
      deps.notes.create({
        tenantId: T,
        id,
        authorId,
        subjectId: 'megan',
        subjectName: 'megan',
        text,
        status,
        ...(status === 'open' ? { followUpOn: '2027-03-20' } : {}),
        createdAt: '2027-03-01T09:00:00.000Z',
        updatedAt: '2027-03-01T09:00:00.000Z',
      });
    await note('n1', 'manager', 'Ask about the trip', 'open');
    await note('n2', 'manager', 'Already asked', 'done');
    await note('n3', 'someone-else', 'Not for the manager', 'open');
    const expected = {
      kudos90Days: {
        count: 2,
        latest: { giverName: 'Adele Vance', valueName: 'Teamwork', message: 'Thanks for the cover' },
      },
      openNotes: [{ text: 'Ask about the trip', followUpOn: '2027-03-20' }],
    };

    await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z') });
    expect(notifier.reminders).toEqual([expect.objectContaining(expected)]);

    await deps.snoozes.save({
      tenantId: T,
      id: 'snooze:birthday:2027-03-16:megan:manager',
      managerId: 'manager',
      personId: 'megan',
      kind: 'birthday',
      date: '2027-03-16',
      occursOn: '2027-03-16',
      dueAt: '2027-03-12T09:00:00.000Z',
    });
    await runMilestoneJob(deps, { now: new Date('2027-03-12T09:00:00Z') });
    expect(notifier.reminders).toHaveLength(2);
    expect(notifier.reminders[1]).toMatchObject({
      ...expected,
      deliveryId: 'birthday:2027-03-16:megan:manager',
      managerToday: '2027-03-12',
    });
  });

  it('skips a manager’s muted person', async () => {
    const { deps, notifier, people } = await setup();
    await people.save({ ...(await people.get(T, 'manager'))!, mutedReminders: ['megan'] });
    await runMilestoneJob(deps, { now: new Date('2027-03-11T09:00:00Z') });
    expect(notifier.sent).toEqual([]);
  });

  it('a run dated in the future (the jobs CLI --at) never holds back the real hourly runs', async () => {
    const { deps, notifier } = await setup();
    const realNow = new Date('2027-03-11T09:00:00Z');
    const clock = () => realNow;
    // A support run five days ahead: it celebrates the birthday, and records its run as of then.
    await runMilestoneJob({ ...deps, clock }, { now: new Date('2027-03-16T09:00:00Z') });
    expect(notifier.sent).toEqual(['celebrate megan in kudos-channel', 'congratulate megan birthday']);
    // The real run an hour later still reminds the manager that is due now.
    await runMilestoneJob({ ...deps, clock }, { now: realNow });
    expect(notifier.sent).toContain('remind manager about megan birthday (2027-03-11)');
  });
});
