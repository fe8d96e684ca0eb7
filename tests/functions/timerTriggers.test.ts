import { InvocationContext, type Timer } from '@azure/functions';
import type { Runtime } from '../../functions/composition';
import { FOLLOW_UP_SCHEDULE, followUpNudgesHandler } from '../../functions/followUpNudges';
import { MILESTONE_SCHEDULE, milestoneRemindersHandler } from '../../functions/milestoneReminders';
import { DIGEST_SCHEDULE, weeklyDigestHandler } from '../../functions/weeklyDigest';
import { NUDGE_SCHEDULE, weeklyNudgesHandler } from '../../functions/weeklyNudges';
import { CALENDAR_BRIEFS_SCHEDULE, calendarBriefsHandler } from '../../functions/calendarBriefs';
import { nextOccurrence, parseSchedule } from '../../functions/dev/local/ncrontab';
import { RecordingLogger } from '../support/fakes';

type Jobs = Runtime['jobs'];
type JobName = keyof Jobs;

// Each hourly timer trigger runs its own job (the follow-up trigger also the kudos fan-out catch-up)
// and only it, as of the trigger's instant, and logs what it did with the invocation id: counts
// only, never what was sent.
const TRIGGERS: Array<{
  name: string;
  job: JobName;
  /** Jobs it runs after its own. */
  then?: JobName[];
  schedule: string;
  /** The minute of every hour it fires at. */
  minute: number;
  handler: (
    runtime: Pick<Runtime, 'logger' | 'now' | 'jobs'>,
  ) => (timer: Timer, context: InvocationContext) => Promise<void>;
  message: string;
}> = [
  {
    name: 'milestoneReminders',
    job: 'milestones',
    schedule: MILESTONE_SCHEDULE,
    minute: 0,
    handler: milestoneRemindersHandler,
    message: 'milestone job ran',
  },
  {
    name: 'followUpNudges',
    job: 'followups',
    then: ['kudosFanOuts'],
    schedule: FOLLOW_UP_SCHEDULE,
    minute: 0,
    handler: followUpNudgesHandler,
    message: 'follow-up job ran',
  },
  {
    name: 'weeklyDigest',
    job: 'digest',
    schedule: DIGEST_SCHEDULE,
    minute: 5,
    handler: weeklyDigestHandler,
    message: 'digest job ran',
  },
  {
    name: 'weeklyNudges',
    job: 'nudges',
    schedule: NUDGE_SCHEDULE,
    minute: 10,
    handler: weeklyNudgesHandler,
    message: 'nudge job ran',
  },
];

describe.each(TRIGGERS)('$name timer trigger', (trigger) => {
  it('runs hourly on its minute', () => {
    const schedule = parseSchedule(trigger.schedule);
    let at = new Date('2027-03-15T07:59:59Z');
    const fires: string[] = [];
    for (let i = 0; i < 3; i++) fires.push((at = nextOccurrence(schedule, at)).toISOString());
    const mm = String(trigger.minute).padStart(2, '0');
    expect(fires).toEqual([
      `2027-03-15T08:${mm}:00.000Z`,
      `2027-03-15T09:${mm}:00.000Z`,
      `2027-03-15T10:${mm}:00.000Z`,
    ]);
  });

  it.each([true, false])(
    'runs its job at the trigger’s instant and logs what it did (isPastDue %s)',
    async (isPastDue) => {
      const now = new Date('2027-03-15T08:00:00Z');
      const calls: Array<{ job: JobName; at: Date }> = [];
      const logger = new RecordingLogger();
      const report = {
        tenants: 1,
        sends: [
          { outcome: 'sent', secret: 'text of what was sent' },
          { outcome: 'unreachable', secret: 'text of what was sent' },
        ],
        failedTenants: [{ tenantId: 'tenant-broken', error: 'settings cannot be read' }],
      };
      const stub =
        (job: JobName) =>
        async ({ now: at }: { now: Date }) => {
          calls.push({ job, at });
          return report as never;
        };
      const jobs: Jobs = {
        milestones: stub('milestones'),
        followups: stub('followups'),
        digest: stub('digest'),
        kudosFanOuts: stub('kudosFanOuts'),
        nudges: stub('nudges'),
        briefs: stub('briefs'),
      };
      const timer: Timer = {
        isPastDue,
        schedule: { adjustForDST: false },
        scheduleStatus: { last: '', next: '', lastUpdated: '' },
      };
      await trigger.handler({ logger, now: () => now, jobs })(
        timer,
        new InvocationContext({ invocationId: `inv-${trigger.name}`, functionName: trigger.name }),
      );
      expect(calls).toEqual([trigger.job, ...(trigger.then ?? [])].map((job) => ({ job, at: now })));
      expect(logger.lines).toContainEqual({
        level: 'info',
        message: trigger.message,
        fields: expect.objectContaining({
          job: trigger.job,
          invocationId: `inv-${trigger.name}`,
          isPastDue,
          tenants: 1,
          sent: 1,
          unreachable: 1,
          failed: 0,
          failedTenants: 1,
        }),
      });
      // A tenant's failure is logged under the run's invocation id, with the tenant.
      expect(logger.lines).toContainEqual({
        level: 'error',
        message: expect.stringMatching(/job failed for a tenant$/),
        fields: expect.objectContaining({
          job: trigger.job,
          invocationId: `inv-${trigger.name}`,
          tenantId: 'tenant-broken',
          reason: 'settings cannot be read',
        }),
      });
      expect(JSON.stringify(logger.lines)).not.toContain('text of what was sent');
    },
  );
});

describe('calendarBriefs timer trigger', () => {
  it('runs every five minutes and runs the briefs job at the trigger’s instant', async () => {
    const schedule = parseSchedule(CALENDAR_BRIEFS_SCHEDULE);
    let at = new Date('2027-03-15T07:59:59Z');
    const fires: string[] = [];
    for (let i = 0; i < 3; i++) fires.push((at = nextOccurrence(schedule, at)).toISOString());
    expect(fires).toEqual([
      '2027-03-15T08:00:00.000Z',
      '2027-03-15T08:05:00.000Z',
      '2027-03-15T08:10:00.000Z',
    ]);

    const now = new Date('2027-03-15T08:05:00Z');
    const runs: Date[] = [];
    const report = { tenants: 1, sends: [{ outcome: 'sent' }], failedTenants: [] };
    const none = async () => report as never;
    const jobs: Jobs = {
      milestones: none,
      followups: none,
      digest: none,
      kudosFanOuts: none,
      nudges: none,
      briefs: async ({ now: when }) => {
        runs.push(when);
        return report as never;
      },
    };
    const logger = new RecordingLogger();
    const timer: Timer = {
      isPastDue: false,
      schedule: { adjustForDST: false },
      scheduleStatus: { last: '', next: '', lastUpdated: '' },
    };
    await calendarBriefsHandler({ logger, now: () => now, jobs })(
      timer,
      new InvocationContext({ invocationId: 'inv-briefs', functionName: 'calendarBriefs' }),
    );
    expect(runs).toEqual([now]);
    expect(logger.lines.map((l) => l.message)).toContain('calendar briefs job ran');
  });
});
