import { InvocationContext, type Timer } from '@azure/functions';
import { weeklyDigestHandler } from '../../functions/weeklyDigest';
import type { DigestJobReport } from '../../core/digestJob';
import { RecordingLogger } from '../support/fakes';

describe('weeklyDigest timer trigger', () => {
  it('runs the digest job at the trigger’s instant and logs what it did with the invocation id', async () => {
    const now = new Date('2027-03-15T08:05:00Z');
    const runs: Date[] = [];
    const logger = new RecordingLogger();
    const report: DigestJobReport = {
      tenants: 1,
      sends: [
        {
          tenantId: 't',
          deliveryId: 'digest:2027-W11:alex',
          managerId: 'alex',
          managerName: 'Alex',
          week: '2027-W11',
          reports: 4,
          outcome: 'sent',
        },
      ],
    };
    const handler = weeklyDigestHandler({
      logger,
      now: () => now,
      jobs: {
        milestones: async () => ({ tenants: 0, sends: [] }),
        followups: async () => ({ tenants: 0, sends: [] }),
        digest: async ({ now: at }) => {
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
    await handler(timer, new InvocationContext({ invocationId: 'inv-3', functionName: 'weeklyDigest' }));
    expect(runs).toEqual([now]);
    expect(logger.lines).toContainEqual({
      level: 'info',
      message: 'digest job ran',
      fields: expect.objectContaining({ invocationId: 'inv-3', sent: 1, tenants: 1 }),
    });
  });
});
