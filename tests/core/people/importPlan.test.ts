import {
  celebrationSource,
  effectiveCelebration,
  type Person,
  parsePeopleCsv,
  planImport,
  type ImportWrite,
} from '../../../core/people';
import { DEMO_PEOPLE_CSV, peopleCsv as csv, personId as ID } from '../../support/peopleCsv';

const TENANT = 'tenant-a';
const parse = (text: string) => parsePeopleCsv(text, { tenantId: TENANT });

/** Applies a plan's writes to a directory, as the caller would. */
function apply(directory: Person[], writes: ImportWrite[]): Person[] {
  const byId = new Map(directory.map((p) => [p.id, p]));
  for (const write of writes) {
    if (write.op === 'save') byId.set(write.person.id, write.person);
    else byId.delete(write.id);
  }
  return [...byId.values()];
}

describe('planImport', () => {
  const alex: Person = {
    tenantId: TENANT,
    id: ID(1),
    displayName: 'Alex Wilber',
    email: 'alexw@contoso.com',
    timeZone: 'Europe/London',
    celebrate: { birthday: 'public', anniversary: 'public' },
    lastRecognisedOn: '2027-03-01',
  };

  it('adds, updates and leaves alone, and importing the same file twice changes nothing', () => {
    const file = csv(
      `${ID(1)},alexw@contoso.com,Alex Wilber,,05-14,2018-04-09,,,,`,
      `${ID(2)},meganb@contoso.com,"Bowen, Megan",alexw@contoso.com,1990-03-14,2022-03-17,Europe/London,,,`,
      `,leeg@contoso.com,Lee Gu,meganb@contoso.com,,2027-04-05,,,off,`,
    );
    const resolvedEmails = new Map([['LeeG@contoso.com', ID(4)]]);
    const first = planImport(parse(file), [alex], { resolvedEmails });
    expect(first.counts).toEqual({ imported: 2, updated: 1, unchanged: 0, removed: 0, refused: 0 });
    expect(first.writes.map((w) => w.op === 'save' && w.person)).toEqual([
      { ...alex, birthday: '05-14', hireDate: '2018-04-09' },
      {
        tenantId: TENANT,
        id: ID(2),
        displayName: 'Bowen, Megan',
        email: 'meganb@contoso.com',
        managerId: ID(1),
        timeZone: 'Europe/London',
        birthday: '03-14',
        hireDate: '2022-03-17',
        // Empty celebration cells choose nothing: the tenant's default applies, never public.
        celebrate: {},
      },
      {
        tenantId: TENANT,
        id: ID(4),
        displayName: 'Lee Gu',
        email: 'leeg@contoso.com',
        managerId: ID(2),
        hireDate: '2027-04-05',
        celebrate: { anniversary: 'off' },
        celebrateSource: 'import',
      },
    ]);
    const directory = apply([alex], first.writes);
    const second = planImport(parse(file), directory);
    expect(second.counts).toEqual({ imported: 0, updated: 0, unchanged: 3, removed: 0, refused: 0 });
    expect(second.writes).toEqual([]);
  });

  it('keeps stored values where the file says nothing, so a person’s own choices survive', () => {
    const stored: Person = {
      ...alex,
      birthday: '05-14',
      celebrate: { birthday: 'off', anniversary: 'manager' },
    };
    const plan = planImport(parse('id,displayName\n' + `${ID(1)},Alex Wilber`), [stored]);
    expect(plan.counts.unchanged).toBe(1);
    const renamed = planImport(parse('id,displayName,celebrateAnniversary\n' + `${ID(1)},Alex W.,public`), [
      stored,
    ]);
    expect(renamed.writes).toEqual([
      {
        op: 'save',
        rowNumber: 2,
        person: {
          ...stored,
          displayName: 'Alex W.',
          celebrate: { birthday: 'off', anniversary: 'public' },
          celebrateSource: 'import',
        },
      },
    ]);
  });

  it('keeps what a person chose in my settings, whatever a later file says, and updates the rest', () => {
    const chosen: Person = {
      ...alex,
      birthday: '05-14',
      timeZone: 'America/New_York',
      celebrate: { birthday: 'off', anniversary: 'manager' },
      ownSettings: true,
    };
    const hrFile = (name: string) =>
      'id,displayName,birthday,timeZone,celebrateBirthday,celebrateAnniversary\n' +
      `${ID(1)},${name},1990-01-02,Europe/London,public,public`;
    expect(planImport(parse(hrFile('Alex Wilber')), [chosen]).counts.unchanged).toBe(1);
    expect(planImport(parse(hrFile('Alex W.')), [chosen]).writes).toEqual([
      { op: 'save', rowNumber: 2, person: { ...chosen, displayName: 'Alex W.' } },
    ]);
    // Without their own choice on record, the file's values apply.
    const { ownSettings: _none, ...imported } = chosen;
    expect(planImport(parse(hrFile('Alex Wilber')), [imported]).writes).toEqual([
      {
        op: 'save',
        rowNumber: 2,
        person: {
          ...imported,
          birthday: '01-02',
          timeZone: 'Europe/London',
          celebrate: { birthday: 'public', anniversary: 'public' },
          celebrateSource: 'import',
        },
      },
    ]);
  });

  it('makes nobody public by leaving a cell empty; a value in the file applies, recorded as the file’s', () => {
    const file = csv(
      `${ID(2)},meganb@contoso.com,Megan Bowen,,03-14,2022-03-17,,,,`,
      `${ID(3)},adelev@contoso.com,Adele Vance,,09-21,2025-04-20,,public,,`,
    );
    const people = apply([], planImport(parse(file), []).writes);
    const megan = people.find((p) => p.id === ID(2));
    const adele = people.find((p) => p.id === ID(3));
    expect(megan?.celebrate).toEqual({});
    expect(megan && effectiveCelebration(megan, 'birthday', 'manager')).toBe('manager');
    expect(megan && celebrationSource(megan, 'birthday')).toBe('default');
    expect(adele).toMatchObject({ celebrate: { birthday: 'public' }, celebrateSource: 'import' });
    expect(adele && effectiveCelebration(adele, 'birthday', 'manager')).toBe('public');
    expect(adele && effectiveCelebration(adele, 'anniversary', 'off')).toBe('off');
    // A later file with the cell empty keeps the file's value; one with a value replaces it.
    expect(planImport(parse(file), people).counts.unchanged).toBe(2);
    const changed = planImport(parse(csv(`${ID(3)},adelev@contoso.com,Adele Vance,,,,,manager,,`)), people);
    expect(changed.writes.map((w) => w.op === 'save' && w.person.celebrate)).toEqual([
      { birthday: 'manager' },
    ]);
  });

  it('never overrides a person’s own choice, even with a value in the file', () => {
    const own: Person = {
      ...alex,
      celebrate: { birthday: 'off', anniversary: 'manager' },
      celebrateSource: 'self',
      ownSettings: true,
    };
    const file = csv(`${ID(1)},alexw@contoso.com,Alex Wilber,,,,,public,public,`);
    const plan = planImport(parse(file), [own]);
    expect(plan.counts.unchanged).toBe(1);
    expect(plan.writes).toEqual([]);
  });

  it('removes people named by id or email; removing someone absent is unchanged', () => {
    const megan: Person = { ...alex, id: ID(2), email: 'meganb@contoso.com', displayName: 'Megan' };
    const file = csv(
      `${ID(1)},,,,,,,,,remove`,
      `,MEGANB@contoso.com,,,,,,,,remove`,
      `${ID(9)},,,,,,,,,remove`,
    );
    const plan = planImport(parse(file), [alex, megan]);
    expect(plan.counts).toEqual({ imported: 0, updated: 0, unchanged: 1, removed: 2, refused: 0 });
    expect(plan.writes).toEqual([
      { op: 'remove', rowNumber: 2, tenantId: TENANT, id: ID(1) },
      { op: 'remove', rowNumber: 3, tenantId: TENANT, id: ID(2) },
    ]);
    const again = planImport(parse(file), apply([alex, megan], plan.writes));
    expect(again.counts).toEqual({ imported: 0, updated: 0, unchanged: 3, removed: 0, refused: 0 });
  });

  it('refuses what it cannot resolve, each with its row number, and writes nothing for it', () => {
    const diego: Person = { ...alex, id: ID(5), email: 'diegos@contoso.com', displayName: 'Diego' };
    const file = csv(
      `,stranger@contoso.com,Stranger,,,,,,,`, // 2: no id anywhere
      `${ID(3)},,Adele Vance,boss@contoso.com,,,,,,`, // 3: manager unknown
      `${ID(9)},alexw@contoso.com,Impostor,,,,,,,`, // 4: the email of someone else
      `${ID(4)},,Lee Gu,alexw@contoso.com,,,,,,`, // 5: so whose report is this?
      `${ID(6)},,Fine,DiegoS@contoso.com,,,,,,`, // 6: manager found in the directory
      `${ID(7)},,,,,,,,,`, // 7: refused by the parser
    );
    const plan = planImport(parse(file), [alex, diego]);
    expect(plan.refusals).toEqual([
      { rowNumber: 2, reason: 'no id, and no one in the directory has the email stranger@contoso.com' },
      { rowNumber: 3, reason: 'the manager boss@contoso.com is neither in the file nor in the directory' },
      {
        rowNumber: 4,
        reason: `the email alexw@contoso.com belongs to someone else in the directory (${ID(1)})`,
      },
      {
        rowNumber: 5,
        reason: `the manager alexw@contoso.com is ${ID(9)} in the file but ${ID(1)} in the directory`,
      },
      { rowNumber: 7, reason: 'displayName is required' },
    ]);
    expect(plan.counts).toEqual({ imported: 1, updated: 0, unchanged: 0, removed: 0, refused: 5 });
    expect(plan.writes).toEqual([
      {
        op: 'save',
        rowNumber: 6,
        person: {
          tenantId: TENANT,
          id: ID(6),
          displayName: 'Fine',
          managerId: ID(5),
          celebrate: {},
        },
      },
    ]);
  });

  it('refuses someone who would become their own manager through an email', () => {
    const plan = planImport(parse(csv(`${ID(1)},,Alex Wilber,alexw@contoso.com,,,,,,`)), [alex]);
    expect(plan.refusals).toEqual([{ rowNumber: 2, reason: 'is their own manager' }]);
    expect(plan.writes).toEqual([]);
  });

  it('ignores people of other tenants', () => {
    const elsewhere: Person = { ...alex, tenantId: 'tenant-b' };
    const plan = planImport(parse(csv(`${ID(1)},alexw@contoso.com,Alex Wilber,,,,,,,`)), [elsewhere]);
    expect(plan.counts.imported).toBe(1);
    expect(plan.writes[0]).toMatchObject({ op: 'save', person: { tenantId: TENANT } });
  });
});

describe('the demo organisation CSV', () => {
  it('imports cleanly, managers resolved within the file, and a second import changes nothing', () => {
    const text = DEMO_PEOPLE_CSV;
    const parsed = parse(text);
    expect(parsed.refusals).toEqual([]);
    expect(parsed.unresolvedEmails).toEqual([]);
    const first = planImport(parsed, []);
    expect(first.counts).toMatchObject({ imported: 6, refused: 0 });
    const people = apply([], first.writes);
    const byName = new Map(people.map((p) => [p.displayName, p]));
    expect(byName.get('Isaiah Langer')?.managerId).toBe(byName.get('Diego Siciliani')?.id);
    expect(byName.get('Diego Siciliani')?.birthday).toBe('02-29');
    expect(planImport(parse(text), people).counts).toMatchObject({ unchanged: 6, imported: 0, updated: 0 });
  });

  it('refuses the rows of a manager cycle of two people, naming the cycle, and keeps the rest', () => {
    const plan = planImport(
      parse(
        csv(
          `${ID(1)},alexw@contoso.com,Alex Wilber,meganb@contoso.com,,,,,,`,
          `${ID(2)},meganb@contoso.com,Megan Bowen,alexw@contoso.com,,,,,,`,
          `${ID(3)},leeg@contoso.com,Lee Gu,alexw@contoso.com,,,,,,`,
        ),
      ),
      [],
    );
    expect(plan.refusals).toEqual([
      {
        rowNumber: 2,
        reason:
          'is in a manager cycle (alexw@contoso.com → meganb@contoso.com → alexw@contoso.com): someone in it must have a manager outside it',
      },
      {
        rowNumber: 3,
        reason:
          'is in a manager cycle (meganb@contoso.com → alexw@contoso.com → meganb@contoso.com): someone in it must have a manager outside it',
      },
    ]);
    expect(plan.counts).toEqual({ imported: 1, updated: 0, unchanged: 0, removed: 0, refused: 2 });
    expect(plan.writes.map((w) => w.op === 'save' && w.person.displayName)).toEqual(['Lee Gu']);
  });

  it('refuses a row that closes a longer cycle through people already in the directory', () => {
    const megan: Person = {
      tenantId: TENANT,
      id: ID(2),
      displayName: 'Megan',
      managerId: ID(3),
      celebrate: {},
    };
    const lee: Person = { tenantId: TENANT, id: ID(3), displayName: 'Lee', managerId: ID(1), celebrate: {} };
    const plan = planImport(parse(csv(`${ID(1)},,Alex Wilber,${ID(2)},,,,,,`)), [
      { tenantId: TENANT, id: ID(1), displayName: 'Alex Wilber', email: 'alexw@contoso.com', celebrate: {} },
      megan,
      lee,
    ]);
    expect(plan.refusals).toEqual([
      {
        rowNumber: 2,
        reason: `is in a manager cycle (alexw@contoso.com → ${ID(2)} → ${ID(3)} → alexw@contoso.com): someone in it must have a manager outside it`,
      },
    ]);
    expect(plan.writes).toEqual([]);
    expect(plan.counts).toMatchObject({ updated: 0, refused: 1 });
    // Someone who reports into a cycle without being in it is not refused for it.
    const into = planImport(parse(csv(`${ID(4)},,Diego,${ID(2)},,,,,,`)), [
      { ...megan, managerId: ID(3) },
      { ...lee, managerId: ID(2) },
    ]);
    expect(into.refusals).toEqual([]);
    expect(into.counts.imported).toBe(1);
  });
});
