// The tab benchmark's year of kudos: spread evenly over the 365 days before its end, from real
// people to others, with the tenant's default values and a share celebrated.
import { defaultTenantSettings } from '../../core/settings';
import { kudosPerDay, personId, tabDirectory, TAB_TENANT, yearOfKudos } from '../../bench/tab/fixtures';

const NOW = new Date('2027-03-08T08:00:00Z');

describe('the tab benchmark fixtures', () => {
  const directory = tabDirectory(TAB_TENANT, 500, 1);
  const { kudos, people } = yearOfKudos({
    tenantId: TAB_TENANT,
    people: directory.people,
    count: 3650,
    now: NOW,
    seed: 2,
  });

  it('builds managers of ten reports each, with GUID ids as tokens carry them', () => {
    expect(directory.managerIds).toHaveLength(50);
    expect(people.filter((p) => p.managerId === personId(3)).map((p) => p.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => personId(31 + i)),
    );
    expect(people.every((p) => /^[0-9a-f-]{36}$/.test(p.id))).toBe(true);
  });

  it('spreads the kudos evenly over the 365 days before now', () => {
    const days = kudosPerDay(kudos, NOW);
    expect(days.reduce((a, b) => a + b, 0)).toBe(3650);
    // Ten a day: every day has its share, give or take one at its edges.
    expect(Math.min(...days)).toBeGreaterThanOrEqual(9);
    expect(Math.max(...days)).toBeLessThanOrEqual(11);
  });

  it('gives kudos to others, with the default values, a share celebrated, and marks the recipients', () => {
    const ids = new Set(people.map((p) => p.id));
    const values = defaultTenantSettings(TAB_TENANT, 'UTC').values.map((v) => v.id);
    for (const k of kudos) {
      expect(ids.has(k.giver.id)).toBe(true);
      expect(k.recipientIds.length).toBeGreaterThan(0);
      expect(k.recipientIds).not.toContain(k.giver.id);
      expect(values).toContain(k.value.id);
    }
    expect(new Set(kudos.map((k) => k.value.id)).size).toBe(values.length);
    const celebrated = kudos.filter((k) => k.celebrations.length > 0).length / kudos.length;
    expect(celebrated).toBeGreaterThan(0.25);
    expect(celebrated).toBeLessThan(0.35);
    const lastOf = (id: string) => people.find((p) => p.id === id)?.lastRecognisedOn;
    const latest = kudos.at(-1)!;
    expect(lastOf(latest.recipientIds[0]!)).toBe(latest.givenOn);
  });
});
