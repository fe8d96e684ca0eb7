import { finishRun } from '../../../core/delivery';
import { MemorySettingsStore } from '../../support/fakes';

const run = { tenantId: 'tenant-a', job: 'milestones', now: new Date('2027-03-11T09:00:00Z'), dryRun: false };

describe('finishRun', () => {
  it('records the run when everything was delivered, failed for good or went to someone forgotten', async () => {
    const runs = new MemorySettingsStore();
    const sends = [
      { outcome: 'sent' },
      { outcome: 'gave-up' },
      { outcome: 'unreachable', unreachable: 'forgotten' as const },
    ];
    expect(await finishRun(runs, run, sends)).toBe(false);
    expect(await runs.lastRun('tenant-a', 'milestones')).toEqual(run.now);
  });

  it.each(['no-chat', 'app-removed', 'not-opened'] as const)(
    'leaves the window open for a send to someone unreachable (%s), so it goes once they can be reached',
    async (reason) => {
      const runs = new MemorySettingsStore();
      const sends = [{ outcome: 'sent' }, { outcome: 'unreachable', unreachable: reason }];
      expect(await finishRun(runs, run, sends)).toBe(true);
      expect(await runs.lastRun('tenant-a', 'milestones')).toBeUndefined();
    },
  );

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
