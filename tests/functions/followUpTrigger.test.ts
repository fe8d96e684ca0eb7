import { InvocationContext, type Timer } from '@azure/functions';
import { FOLLOW_UP_SCHEDULE, followUpNudgesHandler } from '../../functions/followUpNudges';
import type { FollowUpJobReport } from '../../core/followUpJob';
import { RecordingLogger } from '../support/fakes';

describe('followUpNudges timer trigger', () => {
  it('runs hourly, on the hour', () => {
    expect(FOLLOW_UP_SCHEDULE).toBe('0 0 * * * *');
  });

  it('runs the follow-up job at the trigger’s instant and logs what it did, never the note', async () => {
    const now = new Date('2027-03-16T09:00:00Z');
    const runs: Date[] = [];
    const logger = new RecordingLogger();
    const report: FollowUpJobReport = {
      tenants: 1,
      sends: [
        {
          tenantId: 't',
          deliveryId: 'nudge:n1:2027-03-16',
          noteId: 'n1',
          authorId: 'alex',
          followUpOn: '2027-03-16',
          outcome: 'sent',
        },
      ],
    };
    const handler = followUpNudgesHandler({
      logger,
      now: () => now,
      jobs: {
        milestones: async () => ({ tenants: 0, sends: [] }),
        digest: async () => ({ tenants: 0, sends: [] }),
        followups: async ({ now: at }) => {
          runs.push(at);
          return report;
        },
      },
    });
    const timer: Timer = {
      isPastDue: false,
      schedule: { adjustForDST: false },
      scheduleStatus: { last: '', next: '', lastUpdated: '' },
    };
    await handler(timer, new InvocationContext({ invocationId: 'inv-2', functionName: 'followUpNudges' }));
    expect(runs).toEqual([now]);
    expect(logger.lines).toContainEqual({
      level: 'info',
      message: 'follow-up job ran',
      fields: expect.objectContaining({ job: 'followups', invocationId: 'inv-2', sent: 1, tenants: 1 }),
    });
  });
});
