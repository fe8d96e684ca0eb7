import { silentLogger } from '../../core/shared';
import { CosmosErasureRegister } from '../../functions/cosmos/erasureRegister';
import { CosmosSettingsStore } from '../../functions/cosmos/settingsRepository';
import { defaultTenantSettings } from '../../core/settings';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

const A = 'tenant-a';
const B = 'tenant-b';
const SAM = '00000000-0000-4000-8000-00000000005A';

let cosmos: TestCosmos;
beforeAll(async () => {
  cosmos = await startTestCosmos();
});
afterAll(async () => {
  await cosmos?.close();
});

describe('CosmosErasureRegister', () => {
  it('recognises a forgotten id in its tenant, whatever its case, in chunked reads, until cleared', async () => {
    const register = new CosmosErasureRegister(cosmos.database.container('settings'));
    await register.record(A, SAM, new Date('2027-03-11T09:00:00Z'));
    await register.record(A, SAM, new Date('2027-03-12T09:00:00Z')); // twice is harmless
    const others = Array.from({ length: 250 }, (_, i) => `person-${i}`);
    expect(await register.erasedAmong(A, [...others, SAM.toLowerCase()])).toEqual(
      new Set([SAM.toLowerCase()]),
    );
    expect(await register.erasedAmong(B, [SAM])).toEqual(new Set());
    expect(await register.erasedAmong(A, [])).toEqual(new Set());
    await register.clear(A, SAM);
    await register.clear(A, SAM);
    expect(await register.erasedAmong(A, [SAM])).toEqual(new Set());
  });

  it('stores no id of the person, and the jobs still see only real tenants', async () => {
    const settings = cosmos.database.container('settings');
    const register = new CosmosErasureRegister(settings);
    await new CosmosSettingsStore(settings, silentLogger).saveTenant(defaultTenantSettings(B, 'UTC'));
    await register.record(B, SAM, new Date('2027-03-11T09:00:00Z'));
    const { resources } = await settings.items
      .query({ query: 'SELECT * FROM c WHERE c.tenantId = @t', parameters: [{ name: '@t', value: B }] })
      .fetchAll();
    const stored = JSON.stringify(resources);
    expect(stored).not.toContain(SAM);
    expect(stored.toLowerCase()).not.toContain(SAM.toLowerCase());
    expect(resources.some((r: { type?: string }) => r.type === 'erasure')).toBe(true);
    expect(await new CosmosSettingsStore(settings, silentLogger).tenantIds()).toEqual([B]);
  });
});
