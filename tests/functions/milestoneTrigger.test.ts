import { InvocationContext, type Timer } from '@azure/functions';
import { milestoneRemindersHandler } from '../../functions/milestoneReminders';
import type { MilestoneJobReport } from '../../core/milestoneJob';
import { RecordingLogger } from '../support/fakes';

describe('milestoneReminders timer trigger', () => {
  it('runs the milestone job at the trigger’s instant and logs what it did with the invocation id', async () => {
    const now = new Date('2027-03-11T09:00:00Z');
    const runs: Date[] = [];
    const logger = new RecordingLogger();
    const report: MilestoneJobReport = {
      tenants: 1,
      sends: [
        {
          tenantId: 't',
          deliveryId: 'd1',
          kind: 'reminder',
          milestone: 'birthday 2027-03-16',
          personName: 'Megan',
          to: 'Alex',
          outcome: 'sent',
        },
        {
          tenantId: 't',
          deliveryId: 'd2',
          kind: 'congratulation',
          milestone: 'birthday 2027-03-16',
          personName: 'Megan',
          to: 'Megan',
          outcome: 'unreachable',
        },
      ],
    };
    const handler = milestoneRemindersHandler({
      logger,
      now: () => now,
      jobs: {
        milestones: async ({ now: at }) => {
          runs.push(at);
          return report;
        },
        followups: async () => ({ tenants: 0, sends: [] }),
        digest: async () => ({ tenants: 0, sends: [] }),
      },
    });
    const timer: Timer = {
      isPastDue: true,
      schedule: { adjustForDST: false },
      scheduleStatus: { last: '', next: '', lastUpdated: '' },
    };
    await handler(
      timer,
      new InvocationContext({ invocationId: 'inv-1', functionName: 'milestoneReminders' }),
    );
    expect(runs).toEqual([now]);
    expect(logger.lines).toContainEqual({
      level: 'info',
      message: 'milestone job ran',
      fields: expect.objectContaining({
        invocationId: 'inv-1',
        isPastDue: true,
        sent: 1,
        unreachable: 1,
        tenants: 1,
      }),
    });
  });
});
