import { runMilestoneJob, snoozeUntilTomorrow, type ReminderSnooze } from '../../../core/milestones';
import { setup, T } from '../../support/milestoneJobWorld';

/** Megan's birthday reminder, snoozed by her manager until Friday 12 March, 09:00 UTC. */
const snoozed: ReminderSnooze = {
  tenantId: T,
  id: 'snooze:birthday:2027-03-16:megan:manager',
  managerId: 'manager',
  personId: 'megan',
  kind: 'birthday',
  date: '2027-03-16',
  occursOn: '2027-03-16',
  dueAt: '2027-03-12T09:00:00.000Z',
};

const FRIDAY_9AM = new Date('2027-03-12T09:00:00Z');

describe('snoozed reminders coming back', () => {
  it('sends the reminder again once it is due, once, and then forgets the snooze', async () => {
    const { deps, notifier } = await setup();
    await deps.snoozes.save(snoozed);

    const first = await runMilestoneJob(deps, { now: FRIDAY_9AM });
    expect(notifier.sent).toEqual(['remind manager about megan birthday (2027-03-12)']);
    expect(notifier.reminders[0]).toMatchObject({ deliveryId: 'birthday:2027-03-16:megan:manager' });
    expect(first.sends).toContainEqual(
      expect.objectContaining({
        deliveryId: `${snoozed.id}:${snoozed.dueAt}`,
        kind: 'reminder',
        milestone: 'birthday 2027-03-16',
        personName: 'megan',
        to: 'manager',
        outcome: 'sent',
      }),
    );
    expect(await deps.snoozes.dueBy(T, FRIDAY_9AM)).toEqual([]);
    expect((await deps.deliveries.get(T, `${snoozed.id}:${snoozed.dueAt}`))?.status).toBe('sent');

    // A retry of the same hour, even with the snooze saved again, sends nothing twice.
    await deps.snoozes.save(snoozed);
    await runMilestoneJob(deps, { now: FRIDAY_9AM });
    expect(notifier.sent).toHaveLength(1);
    expect(await deps.snoozes.dueBy(T, FRIDAY_9AM)).toEqual([]);
  });

  it('is not sent before it is due', async () => {
    const { deps } = await setup();
    await deps.snoozes.save(snoozed);
    const report = await runMilestoneJob(deps, { now: new Date('2027-03-12T08:00:00Z') });
    expect(report.sends.filter((s) => s.deliveryId.startsWith('snooze:'))).toEqual([]);
    expect(await deps.snoozes.dueBy(T, FRIDAY_9AM)).toEqual([snoozed]);
  });

  it('drops a snooze whose milestone has passed in the manager’s day, without sending it', async () => {
    const { deps, notifier } = await setup();
    await deps.snoozes.save({ ...snoozed, date: '2027-03-11', occursOn: '2027-03-11' });
    const report = await runMilestoneJob(deps, { now: FRIDAY_9AM });
    expect(notifier.sent).toEqual([]);
    expect(report.sends.filter((s) => s.deliveryId.startsWith('snooze:'))).toEqual([]);
    expect(await deps.snoozes.dueBy(T, FRIDAY_9AM)).toEqual([]);
  });

  it('drops a snooze about someone no longer in the directory', async () => {
    const { deps, notifier, people } = await setup();
    await people.remove(T, 'megan');
    await deps.snoozes.save(snoozed);
    await runMilestoneJob(deps, { now: FRIDAY_9AM });
    expect(notifier.sent).toEqual([]);
    expect(await deps.snoozes.dueBy(T, FRIDAY_9AM)).toEqual([]);
  });

  it('a dry run reports it as planned and keeps it for the real run', async () => {
    const { deps, notifier } = await setup();
    await deps.snoozes.save(snoozed);
    const report = await runMilestoneJob(deps, { now: FRIDAY_9AM, dryRun: true });
    expect(report.sends).toContainEqual(
      expect.objectContaining({ deliveryId: `${snoozed.id}:${snoozed.dueAt}`, outcome: 'planned' }),
    );
    expect(notifier.sent).toEqual([]);
    expect(await deps.snoozes.dueBy(T, FRIDAY_9AM)).toEqual([snoozed]);
  });

  it('a snooze is keyed by reminder and manager, and its return is recorded as sent to that manager', async () => {
    const { deps, notifier } = await setup();
    const made = snoozeUntilTomorrow(
      {
        tenantId: T,
        deliveryId: 'birthday:2027-03-16:megan:manager',
        managerId: 'manager',
        personId: 'megan',
        kind: 'birthday',
        date: '2027-03-16',
        occursOn: '2027-03-16',
      },
      { timeZone: 'UTC', sendHour: 9 },
      new Date('2027-03-11T10:00:00Z'),
    );
    if (!made.ok) throw new Error(made.reason);
    expect(made.snooze.id).toBe('snooze:birthday:2027-03-16:megan:manager:manager');
    await deps.snoozes.save(made.snooze);
    await runMilestoneJob(deps, { now: FRIDAY_9AM });
    expect(notifier.reminders[0]).toMatchObject({ deliveryId: 'birthday:2027-03-16:megan:manager' });
    expect(await deps.deliveries.get(T, `${made.snooze.id}:${made.snooze.dueAt}`)).toMatchObject({
      status: 'sent',
      recipientId: 'manager',
      subject: { type: 'reminder', personId: 'megan', kind: 'birthday', date: '2027-03-16' },
    });
  });

  it.each([
    ['the person now reports to someone else', { managerId: 'someone-else' }],
    ['the person has since turned the celebration off', { celebrate: { birthday: 'off' as const } }],
  ])('drops a snooze, without sending it, when %s', async (_, change) => {
    const { deps, notifier, people } = await setup();
    await people.save({ ...(await people.get(T, 'megan'))!, ...change });
    await deps.snoozes.save(snoozed);
    await runMilestoneJob(deps, { now: FRIDAY_9AM });
    expect(notifier.sent).toEqual([]);
    expect(await deps.snoozes.dueBy(T, FRIDAY_9AM)).toEqual([]);
  });
});
