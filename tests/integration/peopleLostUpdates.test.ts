/**
 * Concurrent writers to the same people against the local Cosmos DB server: recording a kudos,
 * registering a roster and forgetting a manager each change only what they own, so whatever else
 * changed the person meanwhile is kept, and the last-recognised day never moves back.
 */
import { silentLogger } from '../../core/shared';
import { ConversationBook } from '../../core/delivery';
import { registerMembers, type Person } from '../../core/people';
import { forgetPerson } from '../../core/privacy';
import { CosmosConversationStore } from '../../functions/cosmos/conversationRepository';
import { CosmosErasureRegister } from '../../functions/cosmos/erasureRegister';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { CosmosRecognitionStore } from '../../functions/cosmos/recognitionRepository';
import { CosmosSettingsStore } from '../../functions/cosmos/settingsRepository';
import { ensureSchema } from '../../functions/cosmos/schema';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

let cosmos: TestCosmos;
let people: CosmosPeopleDirectory;
let erasures: CosmosErasureRegister;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  await ensureSchema(cosmos.client, cosmos.database.id);
  people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
  erasures = new CosmosErasureRegister(cosmos.database.container('settings'));
});
afterAll(async () => cosmos.close());

const T = 'tenant-lost-updates';
const megan: Person = {
  tenantId: T,
  id: 'megan',
  displayName: 'Megan Bowen',
  timeZone: 'Europe/London',
  celebrate: {},
  lastRecognisedOn: '2027-03-01',
};

describe('CosmosPeopleDirectory.markRecognised', () => {
  it('keeps a change saved between the read and the mark, and the latest day of concurrent kudos', async () => {
    await people.save(megan);
    const read = await people.get(T, 'megan');
    // Megan changes her settings while kudos to her are being stored.
    await people.save({
      ...read!,
      timeZone: 'Asia/Kolkata',
      celebrate: { birthday: 'off' },
      ownSettings: true,
    });
    await Promise.all(
      ['2027-03-12', '2027-03-14', '2027-03-13', '2027-03-14', '2027-03-02'].map((day) =>
        people.markRecognised(T, 'megan', day),
      ),
    );
    expect(await people.get(T, 'megan')).toEqual({
      ...megan,
      timeZone: 'Asia/Kolkata',
      celebrate: { birthday: 'off' },
      ownSettings: true,
      lastRecognisedOn: '2027-03-14',
    });
    // An earlier day never replaces a later one; someone not in the directory is left alone.
    await people.markRecognised(T, 'megan', '2027-03-10');
    expect((await people.get(T, 'megan'))?.lastRecognisedOn).toBe('2027-03-14');
    await people.markRecognised(T, 'nobody', '2027-03-10');
    expect(await people.get(T, 'nobody')).toBeUndefined();
  });
});

const TEAM = (n: number) => `19:team-${n}@thread.tacv2`;
const colleague = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName: `Colleague ${id}`,
  celebrate: {},
  ...fields,
});

/**
 * The directory, with `meanwhile` run once right after the first call of `method` has read:
 * another writer's change lands between a use case's read and its write.
 */
function changedAfterRead(
  method: 'findMany' | 'reportsOf' | 'get',
  meanwhile: () => Promise<void>,
): CosmosPeopleDirectory {
  const directory = Object.create(people) as CosmosPeopleDirectory;
  let pending = true;
  const read = people[method].bind(people) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(directory, {
    [method]: async (...args: unknown[]) => {
      const found = await read(...args);
      if (pending) {
        pending = false;
        await meanwhile();
      }
      return found;
    },
  });
  return directory;
}

describe('registerMembers against concurrent writers', () => {
  it('keeps a settings change and an import saved between the roster’s read and its write', async () => {
    await people.save(colleague('isaiah', { teamIds: [TEAM(0)] }));
    const directory = changedAfterRead('findMany', async () => {
      // Isaiah chooses his settings, and an import adds Lee, while the roster is being registered.
      const isaiah = await people.get(T, 'isaiah');
      await people.save({ ...isaiah!, timeZone: 'Asia/Kolkata', birthday: '05-14', ownSettings: true });
      await people.save(
        colleague('lee', { displayName: 'Lee Gu', managerId: 'isaiah', hireDate: '2026-11-02' }),
      );
    });
    const kept = await registerMembers(
      { people: directory, erasures },
      T,
      [
        { id: 'isaiah', displayName: 'Isaiah L.' },
        { id: 'lee', displayName: 'Lee G.', email: 'lee@contoso.example' },
      ],
      TEAM(1),
    );
    expect(kept.map((member) => member.id)).toEqual(['isaiah', 'lee']);
    expect(await people.get(T, 'isaiah')).toEqual(
      colleague('isaiah', {
        teamIds: [TEAM(0), TEAM(1)],
        timeZone: 'Asia/Kolkata',
        birthday: '05-14',
        ownSettings: true,
      }),
    );
    // The import's Lee stays as imported, now in the team too.
    expect(await people.get(T, 'lee')).toEqual(
      colleague('lee', {
        displayName: 'Lee Gu',
        managerId: 'isaiah',
        hireDate: '2026-11-02',
        teamIds: [TEAM(1)],
      }),
    );
  });

  it('loses no team and no kudos when 20 rosters and 20 kudos reach the same 8 people at once', async () => {
    const ids = Array.from({ length: 8 }, (_, n) => `racer-${n}`);
    await people.save(colleague(ids[0]!, { managerId: 'alex' }));
    const rosters = Array.from({ length: 20 }, (_, n) =>
      registerMembers(
        { people, erasures },
        T,
        ids.map((id) => ({ id, displayName: `Roster name of ${id}` })),
        TEAM(n),
      ),
    );
    const kudos = Array.from({ length: 20 }, (_, n) =>
      Promise.all(ids.map((id) => people.markRecognised(T, id, `2027-03-${String(n + 1).padStart(2, '0')}`))),
    );
    await Promise.all([...rosters, ...kudos]);
    const everyTeam = Array.from({ length: 20 }, (_, n) => TEAM(n)).sort();
    for (const id of ids) {
      const stored = await people.get(T, id);
      expect({ id, teams: [...(stored?.teamIds ?? [])].sort() }).toEqual({ id, teams: everyTeam });
      expect({ id, last: stored?.lastRecognisedOn }).toEqual({ id, last: '2027-03-20' });
    }
    expect((await people.get(T, ids[0]!))?.managerId).toBe('alex');
  });
});

describe('forgetPerson against concurrent writers', () => {
  const privacy = () => ({
    recognitions: new CosmosRecognitionStore(cosmos.database.container('recognitions'), silentLogger),
    conversations: new ConversationBook(
      new CosmosConversationStore(cosmos.database.container('conversations'), silentLogger),
      silentLogger,
    ),
    settings: new CosmosSettingsStore(cosmos.database.container('settings'), silentLogger),
    erasures,
    logger: silentLogger,
  });

  it('keeps a report’s and the manager’s own changes saved while the manager link is removed', async () => {
    await people.save(colleague('diego', { mutedReminders: ['sam', 'kim'] }));
    await people.save(colleague('sam', { managerId: 'diego' }));
    await people.save(colleague('kim', { managerId: 'sam' }));
    const reportChanges = changedAfterRead('reportsOf', async () => {
      const kim = await people.get(T, 'kim');
      await people.save({
        ...kim!,
        timeZone: 'Europe/Prague',
        celebrate: { birthday: 'off' },
        ownSettings: true,
      });
    });
    const managerChanges = changedAfterRead('get', async () => {
      // The first read is of Sam: Diego changes his digest before the mute of Sam is cleared.
      const diego = await people.get(T, 'diego');
      await people.save({ ...diego!, digest: { enabled: false } });
    });
    const directory = Object.create(managerChanges) as CosmosPeopleDirectory;
    directory.reportsOf = reportChanges.reportsOf.bind(reportChanges);
    const report = await forgetPerson({ ...privacy(), people: directory }, T, 'sam');
    expect(report).toMatchObject({ personRecord: true, reportsUnlinked: 1, mutesCleared: 1 });
    expect(await people.get(T, 'kim')).toEqual(
      colleague('kim', { timeZone: 'Europe/Prague', celebrate: { birthday: 'off' }, ownSettings: true }),
    );
    expect(await people.get(T, 'diego')).toEqual(
      colleague('diego', { mutedReminders: ['kim'], digest: { enabled: false } }),
    );
    expect(await people.get(T, 'sam')).toBeUndefined();
  });

  it('loses none of 20 reports’ kudos or teams recorded while their manager is forgotten', async () => {
    const reports = Array.from({ length: 20 }, (_, n) => `report-${n}`);
    await people.save(colleague('pat'));
    for (const id of reports) await people.save(colleague(id, { managerId: 'pat' }));
    await Promise.all([
      forgetPerson({ ...privacy(), people }, T, 'pat'),
      ...reports.map((id) => people.markRecognised(T, id, '2027-03-14')),
      registerMembers(
        { people, erasures },
        T,
        reports.map((id) => ({ id, displayName: id })),
        TEAM(99),
      ),
    ]);
    for (const id of reports) {
      expect(await people.get(T, id)).toEqual(
        colleague(id, { lastRecognisedOn: '2027-03-14', teamIds: [TEAM(99)] }),
      );
    }
  });
});
