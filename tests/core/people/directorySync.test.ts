import {
  type Person,
  directoryEmail,
  effectiveCelebration,
  syncPeople,
  type DirectorySource,
  type DirectoryUser,
} from '../../../core/people';
import { MemoryPeopleDirectory } from '../../support/fakes';

const TENANT = 'tenant-a';
const NOW = new Date('2025-06-02T08:00:00Z');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The memory directory, counting what a sync asks of it. */
class CountingDirectory extends MemoryPeopleDirectory {
  calls = { get: 0, findMany: 0, save: 0, remove: 0, reportsOf: 0, count: 0 };
  findManySizes: number[] = [];
  override async get(tenantId: string, personId: string) {
    this.calls.get++;
    return super.get(tenantId, personId);
  }
  override async findMany(tenantId: string, ids: string[]) {
    this.calls.findMany++;
    this.findManySizes.push(ids.length);
    return super.findMany(tenantId, ids);
  }
  override async save(person: Person) {
    this.calls.save++;
    return super.save(person);
  }
  override async remove(tenantId: string, personId: string) {
    this.calls.remove++;
    return super.remove(tenantId, personId);
  }
  override async reportsOf(tenantId: string, managerId: string) {
    this.calls.reportsOf++;
    return super.reportsOf(tenantId, managerId);
  }
  override async count(tenantId: string) {
    this.calls.count++;
    return super.count(tenantId);
  }
}

const source = (users: DirectoryUser[]): DirectorySource => ({
  async *users() {
    yield* users;
  },
});

const imported = (n: number, extra: Partial<Person> = {}): Person => ({
  tenantId: TENANT,
  id: id(n),
  displayName: `Person ${n}`,
  email: `person${n}@contoso.example`,
  birthday: '03-14',
  hireDate: '2019-09-02',
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'off' },
  lastRecognisedOn: '2025-05-30',
  ...extra,
});

describe('syncPeople', () => {
  it('merges only name, email and manager: dates, zone, preferences and kudos stay as imported', async () => {
    const stored = imported(1, { managerId: id(9) });
    const directory = new CountingDirectory([stored, imported(2)]);
    const report = await syncPeople(
      directory,
      source([
        {
          id: id(1),
          displayName: '  Megan   Bowen ',
          mail: 'Megan.Bowen@Contoso.example',
          userPrincipalName: 'megan@contoso.example',
          accountEnabled: true,
          managerId: id(2),
        },
      ]),
      { tenantId: TENANT, now: NOW },
    );
    expect(await directory.get(TENANT, id(1))).toEqual({
      ...stored,
      displayName: 'Megan Bowen',
      email: 'megan.bowen@contoso.example',
      managerId: id(2),
    });
    expect(report).toMatchObject({ added: 0, updated: 1, unchanged: 0, managersResolved: 1 });
  });

  it('writes nothing for someone unchanged, and a second sync reports everyone unchanged', async () => {
    const directory = new CountingDirectory([imported(1), imported(2, { managerId: id(1) })]);
    const users: DirectoryUser[] = [
      { id: id(1), displayName: 'Person 1', mail: 'person1@contoso.example', accountEnabled: true },
      {
        id: id(2),
        displayName: 'Person 2',
        userPrincipalName: 'PERSON2@contoso.example',
        managerId: id(1),
      },
      { id: id(3), displayName: 'New Starter', mail: 'new@contoso.example', managerId: id(1) },
    ];
    const first = await syncPeople(directory, source(users), { tenantId: TENANT, now: NOW });
    expect(first).toMatchObject({ added: 1, updated: 0, unchanged: 2, disabled: 0 });
    expect(directory.calls.save).toBe(1);

    const second = await syncPeople(directory, source(users), { tenantId: TENANT, now: NOW });
    expect(second).toEqual({
      tenantId: TENANT,
      syncedAt: NOW.toISOString(),
      added: 0,
      updated: 0,
      unchanged: 3,
      disabled: 0,
      disabledInDirectory: [],
      managersResolved: 2,
      managersUnresolved: 0,
      duplicates: 0,
      forgotten: 0,
    });
    expect(directory.calls.save).toBe(1);
  });

  it('adds new people with no dates and no celebration chosen (the tenant’s default applies)', async () => {
    const directory = new CountingDirectory();
    await syncPeople(
      directory,
      source([
        { id: id(5).toUpperCase(), displayName: 'Adele Vance', userPrincipalName: 'Adele@Contoso.example' },
        { id: id(6), displayName: '', mail: 'nameless@contoso.example' },
      ]),
      { tenantId: TENANT, now: NOW },
    );
    expect(await directory.get(TENANT, id(5))).toEqual({
      tenantId: TENANT,
      id: id(5),
      displayName: 'Adele Vance',
      email: 'adele@contoso.example',
      celebrate: {},
    });
    const adele = await directory.get(TENANT, id(5));
    expect(adele && effectiveCelebration(adele, 'birthday', 'manager')).toBe('manager');
    expect((await directory.get(TENANT, id(6)))?.displayName).toBe('nameless@contoso.example');
  });

  it('never changes a person’s own celebration choice, nor the people file’s', async () => {
    const own = imported(1, {
      celebrate: { birthday: 'public', anniversary: 'off' },
      celebrateSource: 'self',
    });
    const fromFile = imported(2, { celebrate: { birthday: 'off' }, celebrateSource: 'import' });
    const directory = new CountingDirectory([own, fromFile]);
    await syncPeople(
      directory,
      source([
        { id: id(1), displayName: 'Renamed 1', mail: 'person1@contoso.example' },
        { id: id(2), displayName: 'Renamed 2', mail: 'person2@contoso.example' },
      ]),
      { tenantId: TENANT, now: NOW },
    );
    expect(await directory.get(TENANT, id(1))).toMatchObject({
      displayName: 'Renamed 1',
      celebrate: { birthday: 'public', anniversary: 'off' },
      celebrateSource: 'self',
    });
    expect(await directory.get(TENANT, id(2))).toMatchObject({
      displayName: 'Renamed 2',
      celebrate: { birthday: 'off' },
      celebrateSource: 'import',
    });
  });

  it('takes Graph’s manager, including none, and reports managers it cannot find', async () => {
    const directory = new CountingDirectory([
      imported(1, { managerId: id(7) }),
      imported(2, { managerId: id(7) }),
      imported(8), // a manager the CSV imported, whom Graph lists as disabled
    ]);
    const report = await syncPeople(
      directory,
      source([
        { id: id(1), displayName: 'Person 1', mail: 'person1@contoso.example' }, // manager removed
        { id: id(2), displayName: 'Person 2', mail: 'person2@contoso.example', managerId: id(8) },
        { id: id(3), displayName: 'Person 3', mail: 'p3@contoso.example', managerId: id(99) }, // contact
        { id: id(4), displayName: 'Person 4', mail: 'p4@contoso.example', managerId: id(5) }, // later page
        { id: id(5), displayName: 'Person 5', mail: 'p5@contoso.example', managerId: id(5) }, // self: ignored
        { id: id(8), displayName: 'Person 8', mail: 'person8@contoso.example', accountEnabled: false },
      ]),
      { tenantId: TENANT, now: NOW, batchSize: 2 },
    );
    expect((await directory.get(TENANT, id(1)))?.managerId).toBeUndefined();
    expect((await directory.get(TENANT, id(2)))?.managerId).toBe(id(8));
    expect((await directory.get(TENANT, id(3)))?.managerId).toBe(id(99));
    expect((await directory.get(TENANT, id(5)))?.managerId).toBeUndefined();
    expect(report).toMatchObject({ managersResolved: 2, managersUnresolved: 1 });
  });

  it('neither adds, changes nor removes disabled accounts, and lists those the directory holds', async () => {
    const leaver = imported(1);
    const directory = new CountingDirectory([leaver]);
    const report = await syncPeople(
      directory,
      source([
        { id: id(1), displayName: 'Renamed', mail: 'x@contoso.example', accountEnabled: false },
        { id: id(2), displayName: 'Room 2.01', mail: 'room201@contoso.example', accountEnabled: false },
      ]),
      { tenantId: TENANT, now: NOW },
    );
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 0, disabled: 2 });
    expect(report.disabledInDirectory).toEqual([id(1)]);
    expect(await directory.get(TENANT, id(1))).toEqual(leaver);
    expect(await directory.get(TENANT, id(2))).toBeUndefined();
    expect(directory.calls.save + directory.calls.remove).toBe(0);
  });

  it('reads the directory in batches with findMany only, never per user or in full', async () => {
    const directory = new CountingDirectory([imported(1), imported(250)]);
    const users = Array.from({ length: 250 }, (_, i) => ({
      id: id(i + 1),
      displayName: `Person ${i + 1}`,
      mail: `person${i + 1}@contoso.example`,
      managerId: i === 0 ? undefined : id(1),
    }));
    const report = await syncPeople(directory, source(users), { tenantId: TENANT, now: NOW });
    expect(directory.findManySizes).toEqual([100, 100, 50]);
    expect(directory.calls).toMatchObject({ get: 0, reportsOf: 0, count: 0, remove: 0, save: 248 + 1 });
    expect(report).toMatchObject({ added: 248, updated: 1, unchanged: 1, managersResolved: 249 });
  });

  it('keeps the stored email when Graph has no address, and ignores a guest’s #EXT# UPN', async () => {
    const directory = new CountingDirectory([imported(1)]);
    const report = await syncPeople(
      directory,
      source([
        {
          id: id(1),
          displayName: 'Person 1',
          userPrincipalName: 'person1_fabrikam.example#EXT#@contoso.onmicrosoft.com',
        },
      ]),
      { tenantId: TENANT, now: NOW },
    );
    expect(report.unchanged).toBe(1);
    expect(directoryEmail({ mail: ' A@B.example ' })).toBe('a@b.example');
    expect(directoryEmail({ userPrincipalName: 'guest#EXT#@t.example' })).toBeUndefined();
  });

  it('counts a user listed twice once', async () => {
    const directory = new CountingDirectory();
    const user = { id: id(1), displayName: 'Once', mail: 'once@contoso.example' };
    const report = await syncPeople(directory, source([user, { ...user, id: id(1).toUpperCase() }]), {
      tenantId: TENANT,
      now: NOW,
    });
    expect(report).toMatchObject({ added: 1, duplicates: 1 });
    expect(await directory.count(TENANT)).toBe(1);
  });

  it('stops at a failing source; what was saved stays, and a re-run converges', async () => {
    const directory = new CountingDirectory();
    let fail = true;
    const flaky: DirectorySource = {
      async *users() {
        for (let n = 1; n <= 5; n++) {
          if (n === 4 && fail) throw new Error('Graph went away');
          yield { id: id(n), displayName: `P${n}`, mail: `p${n}@contoso.example` };
        }
      },
    };
    await expect(syncPeople(directory, flaky, { tenantId: TENANT, now: NOW, batchSize: 2 })).rejects.toThrow(
      'Graph went away',
    );
    expect(await directory.count(TENANT)).toBe(2);
    fail = false;
    const report = await syncPeople(directory, flaky, { tenantId: TENANT, now: NOW, batchSize: 2 });
    expect(report).toMatchObject({ added: 3, unchanged: 2 });
  });
});
