/**
 * Concurrent writers to one person against the local Cosmos DB server: recording a kudos keeps
 * whatever else changed the person meanwhile, and never moves the last-recognised day back.
 */
import { silentLogger } from '../../core/shared';
import type { Person } from '../../core/people';
import { CosmosPeopleDirectory } from '../../functions/cosmos/peopleRepository';
import { ensureSchema } from '../../functions/cosmos/schema';
import { startTestCosmos, type TestCosmos } from '../support/cosmos';

let cosmos: TestCosmos;
let people: CosmosPeopleDirectory;
beforeAll(async () => {
  cosmos = await startTestCosmos();
  await ensureSchema(cosmos.client, cosmos.database.id);
  people = new CosmosPeopleDirectory(cosmos.database.container('people'), silentLogger);
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
