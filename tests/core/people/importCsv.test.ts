import { type Person, parsePeopleCsv, planImport, type ImportWrite } from '../../../core/people';
import {
  DEMO_PEOPLE_CSV,
  PEOPLE_CSV_HEADER as HEADER,
  peopleCsv as csv,
  personId as ID,
} from '../../support/peopleCsv';

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

describe('parsePeopleCsv', () => {
  it('reads a row into a patch, dropping the birth year', () => {
    const parsed = parse(
      csv(
        `${ID(2)},MeganB@Contoso.com,Megan Bowen,${ID(1)},1990-03-14,2022-03-17,europe/london,Manager,OFF,`,
      ),
    );
    expect(parsed.refusals).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        rowNumber: 2,
        action: 'upsert',
        person: {
          tenantId: TENANT,
          id: ID(2),
          email: 'meganb@contoso.com',
          displayName: 'Megan Bowen',
          managerId: ID(1),
          birthday: '03-14',
          hireDate: '2022-03-17',
          timeZone: 'Europe/London',
          celebrate: { birthday: 'manager', anniversary: 'off' },
        },
      },
    ]);
    expect(JSON.stringify(parsed)).not.toContain('1990');
  });

  it.each([
    ['03-14', '03-14'],
    ['--03-14', '03-14'],
    ['1990-03-14', '03-14'],
    ['02-29', '02-29'],
    ['1992-02-29', '02-29'],
  ])('accepts the birthday %s as %s', (value, monthDay) => {
    expect(parse(csv(`${ID(2)},,Megan,,${value},,,,,`)).rows[0]?.person.birthday).toBe(monthDay);
  });

  it('matches header names whatever their case, spacing, _ or -, and reports unknown columns', () => {
    const parsed = parse(
      'ID,E-Mail,Display Name,hire_date,Cost Centre\n' + `${ID(2)},m@contoso.com,Megan,2022-03-17,42`,
    );
    expect(parsed.rows[0]?.person).toMatchObject({ id: ID(2), displayName: 'Megan', hireDate: '2022-03-17' });
    expect(parsed.ignoredColumns).toEqual(['Cost Centre']);
  });

  it('resolves managers by email against the same file, and returns the rest', () => {
    const parsed = parse(
      csv(
        `${ID(1)},alexw@contoso.com,Alex Wilber,,,,,,,`,
        `${ID(2)},meganb@contoso.com,Megan Bowen,ALEXW@contoso.com,,,,,,`,
        `${ID(3)},adelev@contoso.com,Adele Vance,boss@contoso.com,,,,,,`,
        `,newbie@contoso.com,New Bie,alexw@contoso.com,,,,,,`,
      ),
    );
    expect(parsed.refusals).toEqual([]);
    expect(parsed.rows.map((r) => [r.person.managerId, r.person.managerEmail])).toEqual([
      [undefined, undefined],
      [ID(1), 'alexw@contoso.com'],
      [undefined, 'boss@contoso.com'],
      [ID(1), 'alexw@contoso.com'],
    ]);
    expect(parsed.unresolvedEmails).toEqual(['boss@contoso.com', 'newbie@contoso.com']);
  });

  it('reads a removal, which needs no name', () => {
    const parsed = parse(csv(`${ID(4)},,,,,,,,,Remove`, `,leaver@contoso.com,,,,,,,,remove`));
    expect(parsed.refusals).toEqual([]);
    expect(parsed.rows.map((r) => [r.rowNumber, r.action, r.person.id ?? r.person.email])).toEqual([
      [2, 'remove', ID(4)],
      [3, 'remove', 'leaver@contoso.com'],
    ]);
  });

  it('refuses every bad row with its row number and a reason, and keeps the good ones', () => {
    const parsed = parse(
      [
        HEADER,
        `${ID(1)},alexw@contoso.com,Alex Wilber,,,,,,,`, // 2: fine
        `,,No One,,,,,,,`, // 3
        `12345,,Bad Id,,,,,,,`, // 4
        `${ID(5)},not-an-email,Bad Email,,,,,,,`, // 5
        `${ID(6)},,,,,,,,,`, // 6: name missing
        `${ID(7)},,Bad Manager,Alex,,,,,,`, // 7
        `${ID(8)},self@contoso.com,Self Managed,self@contoso.com,,,,,,`, // 8
        `${ID(9)},,Self By Id,${ID(9)},,,,,,`, // 9
        `${ID(10)},,Slash Birthday,,03/04/1990,,,,,`, // 10
        `${ID(11)},,Bad Birthday,,02-30,,,,,`, // 11
        `${ID(12)},,Bad Birth Date,,1991-02-29,,,,,`, // 12
        `${ID(13)},,Bad Hire,,,2022-13-01,,,,`, // 13
        `${ID(14)},,Slash Hire,,,17/03/2022,,,,`, // 14
        `${ID(15)},,Bad Zone,,,,Mars/Olympus,,,`, // 15
        `${ID(16)},,Offset Zone,,,,+01:00,,,`, // 16
        `${ID(17)},,Bad Birthday Pref,,,,,everyone,,`, // 17
        `${ID(18)},,Bad Anniversary Pref,,,,,,yes,`, // 18
        `${ID(19)},,Bad Action,,,,,,,delete`, // 19
        `${ID(20)},,Too Wide,,,,,,,,surplus`, // 20
        `${ID(21)},dup@contoso.com,Twice A,,,,,,,`, // 21
        `${ID(22)},dup@contoso.com,Twice B,,,,,,,`, // 22: same email as 21
        `${ID(23)},,Once,,,,,,,`, // 23
        `${ID(23)},,Again,,,,,,,`, // 24: same id as 23
        `,nobody@contoso.com,"Never, closed,,,,,,,,`, // 25: the quote swallows the rest
        `${ID(26)},,Never Read,,,,,,,`,
      ].join('\n'),
    );
    expect(parsed.rows.map((r) => r.rowNumber)).toEqual([2]);
    const reasons = Object.fromEntries(parsed.refusals.map((r) => [r.rowNumber, r.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([
      3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
    ]);
    expect(reasons[3]).toMatch(/neither an id nor an email/);
    expect(reasons[4]).toMatch(/id "12345" is not an AAD object id/);
    expect(reasons[5]).toMatch(/email "not-an-email" is not an email address/);
    expect(reasons[6]).toMatch(/displayName is required/);
    expect(reasons[7]).toMatch(/manager "Alex" is neither an email address nor an AAD object id/);
    expect(reasons[8]).toMatch(/is their own manager/);
    expect(reasons[9]).toMatch(/is their own manager/);
    expect(reasons[10]).toMatch(/birthday is ambiguous/);
    expect(reasons[11]).toMatch(/birthday is not a real date: write MM-DD, --MM-DD or YYYY-MM-DD/);
    expect(reasons[12]).toMatch(/birthday is not a real date/);
    expect(reasons[13]).toMatch(/hireDate "2022-13-01" is not a date: write YYYY-MM-DD/);
    expect(reasons[14]).toMatch(/hireDate "17\/03\/2022" is ambiguous/);
    expect(reasons[15]).toMatch(/timeZone "Mars\/Olympus" is not an IANA time zone/);
    expect(reasons[16]).toMatch(/timeZone "\+01:00" is not an IANA time zone/);
    expect(reasons[17]).toMatch(/celebrateBirthday "everyone" must be public, manager or off/);
    expect(reasons[18]).toMatch(/celebrateAnniversary "yes" must be public, manager or off/);
    expect(reasons[19]).toMatch(/action "delete" must be empty, upsert or remove/);
    expect(reasons[20]).toMatch(/the row has 11 fields but the header has 10/);
    expect(reasons[21]).toMatch(/same person as row 22/);
    expect(reasons[22]).toMatch(/same person as row 21/);
    expect(reasons[23]).toMatch(/same person as row 24/);
    expect(reasons[24]).toMatch(/same person as row 23/);
    expect(reasons[25]).toMatch(/never closed/);
    // Not even a refusal repeats a birth date.
    expect(JSON.stringify(parsed)).not.toMatch(/1990|1991/);
  });

  it('lists every problem of a row in its one refusal', () => {
    const [refusal] = parse(csv(`${ID(2)},,,,13-13,,Nowhere,,,`)).refusals;
    expect(refusal?.rowNumber).toBe(2);
    expect(refusal?.reason).toMatch(
      /displayName is required; birthday is not a real date.*; timeZone "Nowhere"/,
    );
  });

  it('refuses a file without a header it can use', () => {
    expect(parse('').refusals).toEqual([{ rowNumber: 1, reason: expect.stringMatching(/empty/) }]);
    expect(parse('displayName,birthday\nMegan,03-14').refusals).toEqual([
      { rowNumber: 1, reason: expect.stringMatching(/neither an id nor an email column/) },
    ]);
    expect(parse('id,ID,displayName\n').refusals).toEqual([
      { rowNumber: 1, reason: expect.stringMatching(/names the column id twice/) },
    ]);
  });

  it('numbers rows by the line they start on, quoted line breaks and blank lines included', () => {
    const parsed = parse(csv(`${ID(2)},,"Megan`, `Bowen",,,,,,,`, '', `,,Nobody,,,,,,,`));
    expect(parsed.rows[0]).toMatchObject({ rowNumber: 2, person: { displayName: 'Megan Bowen' } });
    expect(parsed.refusals.map((r) => r.rowNumber)).toEqual([5]);
  });
});

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
        celebrate: { birthday: 'public', anniversary: 'public' },
      },
      {
        tenantId: TENANT,
        id: ID(4),
        displayName: 'Lee Gu',
        email: 'leeg@contoso.com',
        managerId: ID(2),
        hireDate: '2027-04-05',
        celebrate: { birthday: 'public', anniversary: 'off' },
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
        person: { ...stored, displayName: 'Alex W.', celebrate: { birthday: 'off', anniversary: 'public' } },
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
        },
      },
    ]);
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
          celebrate: { birthday: 'public', anniversary: 'public' },
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
});
