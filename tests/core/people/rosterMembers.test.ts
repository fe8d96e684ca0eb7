import { colleaguesOf, registerMembers, type Person } from '../../../core/people';
import { MemoryErasureRegister, MemoryPeopleDirectory } from '../../support/fakes';

const T = 'tenant-a';
const TEAM = '19:team@thread.tacv2';
const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName: id[0]!.toUpperCase() + id.slice(1),
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'off' },
  ...fields,
});

async function world(people: Person[] = [], forgotten: string[] = []) {
  const directory = new MemoryPeopleDirectory(people);
  const erasures = new MemoryErasureRegister();
  for (const id of forgotten) await erasures.record(T, id, new Date('2027-03-01T00:00:00Z'));
  return { people: directory, erasures };
}

describe('registerMembers', () => {
  it('adds members the directory lacks, with nothing chosen: the tenant’s default until they choose', async () => {
    const deps = await world();
    const kept = await registerMembers(
      deps,
      T,
      [
        { id: 'megan', displayName: 'Megan Bowen', email: 'megan@contoso.example' },
        { id: 'lee', displayName: 'Lee Gu' },
      ],
      TEAM,
    );
    expect(kept.map((m) => m.id)).toEqual(['megan', 'lee']);
    expect(await deps.people.get(T, 'megan')).toEqual({
      tenantId: T,
      id: 'megan',
      displayName: 'Megan Bowen',
      email: 'megan@contoso.example',
      celebrate: {},
      teamIds: [TEAM],
    });
    expect(await deps.people.get(T, 'lee')).toEqual({
      tenantId: T,
      id: 'lee',
      displayName: 'Lee Gu',
      celebrate: {},
      teamIds: [TEAM],
    });
  });

  it('adds the team to a known member and changes nothing else of their record', async () => {
    const megan = person('megan', { teamIds: ['19:other'], birthday: '05-14', managerId: 'alex' });
    const deps = await world([megan]);
    await registerMembers(deps, T, [{ id: 'megan', displayName: 'Someone Else' }], TEAM);
    expect(await deps.people.get(T, 'megan')).toEqual({ ...megan, teamIds: ['19:other', TEAM] });

    // Registered again (a second roster read), the team is not listed twice.
    await registerMembers(deps, T, [{ id: 'megan', displayName: 'Megan' }], TEAM);
    expect((await deps.people.get(T, 'megan'))?.teamIds).toEqual(['19:other', TEAM]);
  });

  it('outside a team (a chat or a mention) adds newcomers without a team', async () => {
    const deps = await world();
    await registerMembers(deps, T, [{ id: 'lee', displayName: 'Lee Gu' }]);
    expect((await deps.people.get(T, 'lee'))?.teamIds).toBeUndefined();
  });

  it('neither adds nor returns someone who asked to be forgotten, whatever the case of their id', async () => {
    const deps = await world([], ['SAM-ID']);
    const kept = await registerMembers(
      deps,
      T,
      [
        { id: 'sam-id', displayName: 'Sam' },
        { id: 'lee', displayName: 'Lee Gu' },
      ],
      TEAM,
    );
    expect(kept.map((m) => m.id)).toEqual(['lee']);
    expect(await deps.people.get(T, 'sam-id')).toBeUndefined();
    expect(await deps.people.count(T)).toBe(1);
  });

  it('keeps someone forgotten who came back on their own (they are in the directory again)', async () => {
    const sam = person('sam-id');
    const deps = await world([sam], ['sam-id']);
    const kept = await registerMembers(deps, T, [{ id: 'sam-id', displayName: 'Sam' }], TEAM);
    expect(kept.map((m) => m.id)).toEqual(['sam-id']);
    expect(await deps.people.get(T, 'sam-id')).toEqual({ ...sam, teamIds: [TEAM] });
  });

  it('is about one tenant: a forgotten id in another tenant is still added here', async () => {
    const deps = await world();
    await deps.erasures.record('tenant-b', 'sam-id', new Date('2027-03-01T00:00:00Z'));
    const kept = await registerMembers(deps, T, [{ id: 'sam-id', displayName: 'Sam' }]);
    expect(kept.map((m) => m.id)).toEqual(['sam-id']);
    expect((await deps.people.get(T, 'sam-id'))?.displayName).toBe('Sam');
  });

  it('leaves someone an import added after the roster was read as imported, in the team', async () => {
    const deps = await world();
    const lee = person('lee', { managerId: 'alex', hireDate: '2026-11-02' });
    // The import lands between the roster's read of the directory and its write.
    const findMany = deps.people.findMany.bind(deps.people);
    deps.people.findMany = async (tenantId, ids) => {
      const found = await findMany(tenantId, ids);
      await deps.people.save(lee);
      return found;
    };
    await registerMembers(deps, T, [{ id: 'lee', displayName: 'Lee G.' }], TEAM);
    expect(await deps.people.get(T, 'lee')).toEqual({ ...lee, teamIds: [TEAM] });
  });

  it('returns nothing for an empty roster', async () => {
    const deps = await world();
    expect(await registerMembers(deps, T, [], TEAM)).toEqual([]);
  });
});

describe('colleaguesOf', () => {
  it('is the manager, the peers and the reports, each once', async () => {
    const { people } = await world([
      person('alex'),
      person('megan', { managerId: 'alex' }),
      person('lee', { managerId: 'alex' }),
      person('diego', { managerId: 'megan' }),
      person('stranger', { managerId: 'someone' }),
    ]);
    const ids = (await colleaguesOf(people, T, 'megan')).map((p) => p.id).sort();
    expect(ids).toEqual(['alex', 'diego', 'lee', 'megan']);
  });

  it('is only the reports of someone without a manager', async () => {
    const { people } = await world([person('alex'), person('megan', { managerId: 'alex' })]);
    expect((await colleaguesOf(people, T, 'alex')).map((p) => p.id)).toEqual(['megan']);
  });
});
