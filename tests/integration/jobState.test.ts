import { silentLogger } from '../../core/shared';
import { CosmosSettingsStore } from '../../functions/cosmos/settingsRepository';
import { CosmosSnoozeStore } from '../../functions/cosmos/snoozeRepository';
import { defaultTenantSettings } from '../../core/settings';
import type { ReminderSnooze } from '../../core/milestones';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

let cosmos: TestCosmos;
beforeAll(async () => {
  cosmos = await startTestCosmos();
});
afterAll(async () => cosmos.close());

describe('job state in Cosmos DB', () => {
  it('lists tenants with settings and keeps each tenant’s last job run', async () => {
    const settings = new CosmosSettingsStore(cosmos.database.container('settings'), silentLogger);
    await settings.saveTenant(defaultTenantSettings('tenant-b', 'UTC'));
    await settings.saveTenant(defaultTenantSettings('tenant-a', 'UTC'));
    await settings.saveTeam({ tenantId: 'tenant-a', teamId: 'team-1' });
    await settings.recordRun('tenant-a', 'milestones', new Date('2027-03-11T09:00:00Z'));
    expect(await settings.tenantIds()).toEqual(['tenant-a', 'tenant-b']);
    expect((await settings.lastRun('tenant-a', 'milestones'))?.toISOString()).toBe(
      '2027-03-11T09:00:00.000Z',
    );
    expect(await settings.lastRun('tenant-b', 'milestones')).toBeUndefined();
    expect(await settings.lastRun('tenant-a', 'digest')).toBeUndefined();
  });

  it('returns the snoozes due by an instant, per tenant, and removes them', async () => {
    const snoozes = new CosmosSnoozeStore(cosmos.database.container('deliveries'), silentLogger);
    const snooze = (tenantId: string, id: string, dueAt: string): ReminderSnooze => ({
      tenantId,
      id,
      managerId: 'alex',
      personId: 'megan',
      kind: 'birthday',
      date: '2027-03-16',
      occursOn: '2027-03-16',
      dueAt,
    });
    await snoozes.save(snooze('tenant-a', 'snooze:1', '2027-03-12T09:00:00.000Z'));
    await snoozes.save(snooze('tenant-a', 'snooze:2', '2027-03-13T09:00:00.000Z'));
    await snoozes.save(snooze('tenant-b', 'snooze:3', '2027-03-12T09:00:00.000Z'));
    const due = await snoozes.dueBy('tenant-a', new Date('2027-03-12T10:00:00Z'));
    expect(due).toEqual([snooze('tenant-a', 'snooze:1', '2027-03-12T09:00:00.000Z')]);
    await snoozes.remove('tenant-a', 'snooze:1');
    await snoozes.remove('tenant-a', 'snooze:1');
    expect(await snoozes.dueBy('tenant-a', new Date('2027-03-14T00:00:00Z'))).toHaveLength(1);
  });
});
