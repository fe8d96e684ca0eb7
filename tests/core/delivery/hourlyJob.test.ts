import { finishRun, runHourlyJob, SendGate } from '../../../core/delivery';
import { defaultTenantSettings } from '../../../core/settings';
import { MemorySettingsStore, RecordingLogger } from '../../support/fakes';

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

describe('runHourlyJob', () => {
  it('runs every tenant on its own: one that fails is logged and counted, and the others still run', async () => {
    const settings = new MemorySettingsStore();
    for (const tenantId of ['tenant-a', 'tenant-broken', 'tenant-c']) {
      await settings.saveTenant(defaultTenantSettings(tenantId, 'UTC'));
    }
    const logger = new RecordingLogger();
    const report = await runHourlyJob(
      'milestones',
      { settings, logger },
      { now: new Date('2027-03-11T09:00:00Z') },
      async (deps, tenantId) => {
        expect(deps.gate).toBeInstanceOf(SendGate);
        if (tenantId === 'tenant-broken') throw new Error('a stored snooze cannot be read');
        return [{ tenantId, outcome: 'sent' }];
      },
    );
    expect(report).toEqual({
      tenants: 3,
      sends: [
        { tenantId: 'tenant-a', outcome: 'sent' },
        { tenantId: 'tenant-c', outcome: 'sent' },
      ],
      failedTenants: [{ tenantId: 'tenant-broken', error: 'a stored snooze cannot be read' }],
    });
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: "a tenant's run failed; the other tenants still run",
      fields: expect.objectContaining({ job: 'milestones', tenantId: 'tenant-broken' }),
    });
  });

  it('shares the gate it was given with every tenant of the run', async () => {
    const settings = new MemorySettingsStore();
    await settings.saveTenant(defaultTenantSettings('tenant-a', 'UTC'));
    const gate = new SendGate();
    const seen: SendGate[] = [];
    await runHourlyJob(
      'digest',
      { settings, logger: new RecordingLogger(), gate },
      { now: new Date() },
      async (deps) => {
        seen.push(deps.gate);
        return [];
      },
    );
    expect(seen).toEqual([gate]);
  });
});
