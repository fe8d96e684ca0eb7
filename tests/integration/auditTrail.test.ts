import { auditEntryId, type AuditEntry } from '../../core/settings';
import { silentLogger } from '../../core/shared';
import { CosmosAuditTrail } from '../../functions/cosmos/auditRepository';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

let cosmos: TestCosmos;
beforeAll(async () => {
  cosmos = await startTestCosmos();
});
afterAll(async () => {
  await cosmos.close();
});

const entry = (tenantId: string, minute: number, field: string, from: unknown, to: unknown): AuditEntry => {
  const at = new Date(Date.UTC(2027, 2, 10, 9, minute));
  return {
    tenantId,
    id: auditEntryId(at, `n${minute}`),
    at: at.toISOString(),
    by: { id: 'alex', name: 'Alex Wilber', via: 'teams' },
    subject: 'settings',
    field,
    from,
    to,
  };
};

describe('CosmosAuditTrail', () => {
  it('keeps every change of a tenant, newest first, and the latest few on request', async () => {
    const trail = new CosmosAuditTrail(cosmos.database.container('settings'), silentLogger);
    const changes = [
      entry('tenant-a', 1, 'dailyKudosLimit', 20, 5),
      entry('tenant-a', 3, 'sendHour', 9, 10),
      entry('tenant-a', 2, 'managerCopy', true, false),
      entry('tenant-b', 4, 'sendHour', 9, 7),
    ];
    await trail.record(changes);
    const all = await trail.all('tenant-a');
    expect(all.map((e) => e.field)).toEqual(['sendHour', 'managerCopy', 'dailyKudosLimit']);
    expect(all[2]).toEqual(changes[0]);
    expect((await trail.latest('tenant-a', 2)).map((e) => e.field)).toEqual(['sendHour', 'managerCopy']);
    expect(await trail.latest('tenant-a', 0)).toEqual([]);
    expect((await trail.all('tenant-b')).map((e) => e.to)).toEqual([7]);
  });

  it('never replaces an entry: recording the same one twice is refused', async () => {
    const trail = new CosmosAuditTrail(cosmos.database.container('settings'), silentLogger);
    const once = entry('tenant-c', 5, 'feb29Rule', 'feb28', 'mar1');
    await trail.record([once]);
    await expect(trail.record([{ ...once, to: 'feb28' }])).rejects.toMatchObject({ code: 409 });
    expect((await trail.all('tenant-c')).map((e) => e.to)).toEqual(['mar1']);
  });
});
