import { parsePeopleCsv } from '../../../core/people';
import { PEOPLE_CSV_HEADER as HEADER, peopleCsv as csv, personId as ID } from '../../support/peopleCsv';

const TENANT = 'tenant-a';
const parse = (text: string) => parsePeopleCsv(text, { tenantId: TENANT });

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

  it('reads an Excel "CSV UTF-8" file: BOM, CRLF, quoted commas, quotes and line breaks', () => {
    const parsed = parse(
      '\uFEFF' +
        [
          HEADER,
          `${ID(2)},MeganB@contoso.com,"Bowen, Megan",,,,,,,`,
          `${ID(3)},,"Lee ""LG"" Gu",,,,,,,`,
          `${ID(4)},,"Adele`,
          `Vance",,03-14,,,,,`,
          `${ID(5)},,Refused,,13-13,,,,,`,
        ].join('\r\n') +
        '\r\n',
    );
    expect(parsed.ignoredColumns).toEqual([]);
    expect(parsed.rows.map((r) => [r.rowNumber, r.person.displayName])).toEqual([
      [2, 'Bowen, Megan'],
      [3, 'Lee "LG" Gu'],
      [4, 'Adele Vance'],
    ]);
    expect(parsed.rows[0]?.person.email).toBe('meganb@contoso.com');
    expect(parsed.refusals).toEqual([
      { rowNumber: 6, reason: 'birthday is not a real date: write MM-DD, --MM-DD or YYYY-MM-DD' },
    ]);
  });

  it('refuses a row with text after a closing quote, and reads the rows after it', () => {
    const parsed = parse(csv(`${ID(2)},,"Bowen, Megan" x,,,,,,,`, `${ID(3)},,Lee Gu,,,,,,,`));
    expect(parsed.refusals).toEqual([
      {
        rowNumber: 2,
        reason:
          'a quoted field (") in this row has text after its closing quote: quote the whole field, doubling any " inside it',
      },
    ]);
    expect(parsed.rows.map((r) => r.rowNumber)).toEqual([3]);
  });

  it('refuses every row from a quote never closed, on the line the quote opens', () => {
    const parsed = parse(
      csv(`${ID(2)},,Megan,,,,,,,`, '', `${ID(3)},,"Lee Gu,,,,,,,`, `${ID(4)},,Adele,,,,,,,`),
    );
    expect(parsed.rows.map((r) => r.rowNumber)).toEqual([2]);
    expect(parsed.refusals).toEqual([
      { rowNumber: 4, reason: 'a quoted field (") opened in this row is never closed' },
    ]);
  });

  it('reports the ignored columns of a header it refuses', () => {
    expect(parse('Cost Centre,displayName\nx,Megan')).toMatchObject({
      ignoredColumns: ['Cost Centre'],
      refusals: [{ rowNumber: 1, reason: expect.stringMatching(/neither an id nor an email column/) }],
    });
  });

  it('words each problem of a row as users read it, in column order, rules across cells included', () => {
    const parsed = parse(
      csv(
        `12345,not-an-email,,Alex,13-13,2022-13-01,Nowhere,everyone,yes,`,
        `,,,boss@contoso.com,13-13,,,,,delete`,
        `${ID(9)},,Self,${ID(9)},13-13,,,,,,extra`,
      ),
    );
    expect(parsed.refusals).toEqual([
      {
        rowNumber: 2,
        reason: [
          'id "12345" is not an AAD object id (a GUID such as 3f2c…-…)',
          'email "not-an-email" is not an email address',
          'displayName is required',
          'manager "Alex" is neither an email address nor an AAD object id',
          'birthday is not a real date: write MM-DD, --MM-DD or YYYY-MM-DD',
          'hireDate "2022-13-01" is not a date: write YYYY-MM-DD',
          'timeZone "Nowhere" is not an IANA time zone (such as Europe/London)',
          'celebrateBirthday "everyone" must be public, manager or off',
          'celebrateAnniversary "yes" must be public, manager or off',
        ].join('; '),
      },
      {
        // A row whose action is wrong is not checked any further than who it is about.
        rowNumber: 3,
        reason:
          'action "delete" must be empty, upsert or remove; the row has neither an id nor an email: one of them says who it is',
      },
      {
        rowNumber: 4,
        reason:
          'the row has 11 fields but the header has 10; is their own manager; birthday is not a real date: write MM-DD, --MM-DD or YYYY-MM-DD',
      },
    ]);
  });

  it('refuses impossible birth and hire dates, and hire dates more than a year after the import day', () => {
    const parsed = parsePeopleCsv(
      csv(
        `${ID(1)},,Hired In 2999,,,2999-01-01,,,,`,
        `${ID(2)},,Hired Next Year,,,2027-12-07,,,,`,
        `${ID(3)},,Hired Too Soon,,,2027-12-08,,,,`,
        `${ID(4)},,Hired In 1850,,,1850-06-01,,,,`,
        `${ID(5)},,Born Tomorrow,,2026-12-08,,,,,`,
        `${ID(6)},,Born In 1850,,1850-06-01,,,,,`,
        `${ID(7)},,Hired Before Born,,1990-05-01,1989-09-01,,,,`,
        `${ID(8)},,Born Today,,2026-12-07,,,,,`,
      ),
      { tenantId: TENANT, today: '2026-12-07' },
    );
    expect(parsed.rows.map((row) => row.person.displayName)).toEqual(['Hired Next Year', 'Born Today']);
    expect(parsed.refusals).toEqual([
      {
        rowNumber: 2,
        reason: 'hireDate "2999-01-01" is more than a year ahead (after 2027-12-07): check the year',
      },
      {
        rowNumber: 4,
        reason: 'hireDate "2027-12-08" is more than a year ahead (after 2027-12-07): check the year',
      },
      { rowNumber: 5, reason: 'hireDate "1850-06-01" is before 1900: not a possible hire date' },
      {
        rowNumber: 6,
        reason: 'birthday is not a possible birth date: its year is before 1900 or in the future',
      },
      {
        rowNumber: 7,
        reason: 'birthday is not a possible birth date: its year is before 1900 or in the future',
      },
      { rowNumber: 8, reason: 'hireDate "1989-09-01" is before the birthday' },
    ]);
  });

  it('stores time zones by their IANA canonical names, whatever name or case the file uses', () => {
    const zones = [
      'Asia/Calcutta',
      'asia/kolkata',
      'Europe/Kiev',
      'US/Eastern',
      'europe/london',
      'Asia/Saigon',
    ];
    const parsed = parsePeopleCsv(
      csv(...zones.map((zone, n) => `${ID(n + 1)},,Person ${n + 1},,,,${zone},,,`)),
      {
        tenantId: TENANT,
      },
    );
    expect(parsed.refusals).toEqual([]);
    expect(parsed.rows.map((row) => row.person.timeZone)).toEqual([
      'Asia/Kolkata',
      'Asia/Kolkata',
      'Europe/Kyiv',
      'America/New_York',
      'Europe/London',
      'Asia/Ho_Chi_Minh',
    ]);
  });
});
