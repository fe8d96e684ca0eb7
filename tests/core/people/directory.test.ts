import { inPool } from '../../../core/shared';
import {
  isCalendarDate,
  isMonthDay,
  isTimeZone,
  saveListingManagersOnce,
  type Person,
} from '../../../core/people';
import { MemoryPeopleDirectory } from '../../support/fakes';

describe('people validation', () => {
  it.each([
    ['02-29', true],
    ['12-31', true],
    ['02-30', false],
    ['13-01', false],
    ['1-01', false],
    ['00-10', false],
  ])('isMonthDay(%s) is %s', (value, expected) => expect(isMonthDay(value)).toBe(expected));

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2027-13-01', false],
    ['2027-3-1', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => expect(isCalendarDate(value)).toBe(expected));

  it('knows IANA zones', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

/** The fake directory, recording the managers listed and failing the write of one person. */
class ListingDirectory extends MemoryPeopleDirectory {
  readonly listed: string[][] = [];
  failing = '';
  override async save(person: Person) {
    if (person.id === this.failing) throw new Error('write refused');
    await super.save(person);
  }
  override async listManagers(_tenantId: string, managerIds: readonly string[]) {
    this.listed.push([...managerIds]);
  }
}

describe('saveListingManagersOnce', () => {
  const person = (id: string, managerId?: string): Person => ({
    tenantId: 't',
    id,
    displayName: id,
    celebrate: {},
    ...(managerId ? { managerId } : {}),
  });

  it('saves everyone and lists each manager once, after the writes', async () => {
    const directory = new ListingDirectory();
    const people = [person('a1', 'alex'), person('a2', 'alex'), person('d1', 'diego'), person('alex')];
    await saveListingManagersOnce(directory, 't', (save) => inPool(people, 2, save));
    expect(directory.listed).toEqual([['alex', 'diego']]);
    expect(await directory.findMany('t', ['a1', 'a2', 'd1', 'alex'])).toHaveLength(4);
  });

  it('still lists the managers of the writes made when one fails', async () => {
    const directory = new ListingDirectory();
    directory.failing = 'd1';
    const people = [person('a1', 'alex'), person('d1', 'diego'), person('m1', 'megan')];
    await expect(saveListingManagersOnce(directory, 't', (save) => inPool(people, 1, save))).rejects.toThrow(
      'write refused',
    );
    expect(directory.listed).toEqual([['alex', 'diego']]);
    expect(await directory.get('t', 'a1')).toBeDefined();
  });
});
