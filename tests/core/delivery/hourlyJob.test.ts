import { finishRun } from '../../../core/delivery';
import { MemorySettingsStore } from '../../support/fakes';

const run = { tenantId: 'tenant-a', job: 'milestones', now: new Date('2027-03-11T09:00:00Z'), dryRun: false };

describe('finishRun', () => {
  it('records the run when everything was delivered, failed for good or had nowhere to go', async () => {
    const runs = new MemorySettingsStore();
    const sends = [{ outcome: 'sent' }, { outcome: 'gave-up' }, { outcome: 'unreachable' }];
    expect(await finishRun(runs, run, sends)).toBe(false);
    expect(await runs.lastRun('tenant-a', 'milestones')).toEqual(run.now);
  });

  it.each(['failed', 'busy', 'deferred'])(
    'leaves the window open when a send was %s, so the next run catches it up',
    async (outcome) => {
      const runs = new MemorySettingsStore();
      expect(await finishRun(runs, run, [{ outcome: 'sent' }, { outcome }])).toBe(true);
      expect(await runs.lastRun('tenant-a', 'milestones')).toBeUndefined();
    },
  );

  it('records nothing for a dry run', async () => {
    const runs = new MemorySettingsStore();
    expect(await finishRun(runs, { ...run, dryRun: true }, [{ outcome: 'planned' }])).toBe(false);
    expect(await runs.lastRun('tenant-a', 'milestones')).toBeUndefined();
  });
});
