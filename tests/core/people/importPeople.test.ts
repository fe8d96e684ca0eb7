import { importPeople, type Person } from '../../../core/people';
import { MemoryNoteStore, MemoryPeopleDirectory } from '../../support/fakes';
import { DEMO_PEOPLE_CSV as DEMO_CSV, peopleCsv as csv, personId as ID } from '../../support/peopleCsv';

const TENANT = 'tenant-a';
/** The day the imports run: the files' dates are checked against it. */
const NOW = new Date('2026-12-07T09:00:00Z');
const OTHER = 'tenant-b';

/** The memory directory, recording what an import asks of it. */
class RecordingDirectory extends MemoryPeopleDirectory {
  saves: Person[] = [];
  removes: string[] = [];
  lookups: Array<{ method: 'findMany' | 'findByEmails'; tenantId: string; keys: string[] }> = [];
  wholeDirectoryReads = 0;
  failOnSave?: number;

  override async findMany(tenantId: string, ids: string[]) {
    this.lookups.push({ method: 'findMany', tenantId, keys: ids });
    return super.findMany(tenantId, ids);
  }
  override async findByEmails(tenantId: string, emails: string[]) {
    this.lookups.push({ method: 'findByEmails', tenantId, keys: emails });
    return super.findByEmails(tenantId, emails);
  }
  override async save(person: Person) {
    if (this.failOnSave !== undefined && this.saves.length + 1 === this.failOnSave) {
      throw new Error('the store is down');
    }
    this.saves.push(structuredClone(person));
    return super.save(person);
  }
  override async remove(tenantId: string, id: string) {
    this.removes.push(`${tenantId}/${id}`);
    return super.remove(tenantId, id);
  }
  override async reportsOf(tenantId: string, managerId: string) {
    this.wholeDirectoryReads++;
    return super.reportsOf(tenantId, managerId);
  }
  override async count(tenantId: string) {
    this.wholeDirectoryReads++;
    return super.count(tenantId);
  }
  writes() {
    return this.saves.length + this.removes.length;
  }
  snapshot() {
    return structuredClone([...this.people.values()]);
  }
}

const person = (n: number, extra: Partial<Person> = {}): Person => ({
  tenantId: TENANT,
  id: ID(n),
  displayName: `Person ${n}`,
  email: `person${n}@contoso.example`,
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...extra,
});

describe('importPeople', () => {
  it('imports the demo organisation, managers resolved; a second import is all unchanged and writes nothing', async () => {
    const directory = new RecordingDirectory();
    const first = await importPeople(directory, DEMO_CSV, { tenantId: TENANT, now: NOW });
    expect(first).toEqual({
      imported: 6,
      updated: 0,
      unchanged: 0,
      removed: 0,
      refused: [],
      ignoredColumns: [],
    });
    expect(directory.saves).toHaveLength(6);
    const megan = await directory.get(TENANT, ID(2));
    expect(megan).toMatchObject({
      displayName: 'Megan Bowen',
      email: 'meganb@contoso.com',
      managerId: ID(1),
      birthday: '03-14',
      hireDate: '2022-03-17',
      timeZone: 'Europe/London',
    });
    expect((await directory.get(TENANT, ID(6)))?.managerId).toBe(ID(5)); // Isaiah → Diego
    expect(await directory.count(TENANT)).toBe(6);

    const stored = directory.snapshot();
    directory.saves = [];
    const second = await importPeople(directory, DEMO_CSV, { tenantId: TENANT, now: NOW });
    expect(second).toMatchObject({ imported: 0, updated: 0, unchanged: 6, removed: 0, refused: [] });
    expect(directory.writes()).toBe(0);
    expect(directory.snapshot()).toEqual(stored);
  });

  it('updates, removes and refuses by row; a refused row leaves its person as they were', async () => {
    const directory = new RecordingDirectory([
      person(1, { displayName: 'Alex Wilber', email: 'alexw@contoso.com' }),
      person(2, { birthday: '03-14', managerId: ID(1) }),
      person(3),
      person(4, { hireDate: '2020-01-06' }),
    ]);
    const before4 = await directory.get(TENANT, ID(4));
    const report = await importPeople(
      directory,
      csv(
        `${ID(2)},,Person Two,alexw@contoso.com,03-15,,,,,`, // 2: updated (birthday), manager by email from the directory
        `${ID(3)},,,,,,,,,remove`, // 3: removed
        `${ID(4)},,Person 4,,1990/01/06,,,,,`, // 4: refused (ambiguous birthday)
        `${ID(9)},,,,,,,,,remove`, // 5: not there: unchanged
        `${ID(5)},new@contoso.example,New Person,${ID(1)},,2026-01-05,,,,`, // 6: imported
      ),
      { tenantId: TENANT, now: NOW },
    );
    expect(report).toMatchObject({ imported: 1, updated: 1, unchanged: 1, removed: 1 });
    expect(report.refused).toEqual([
      { rowNumber: 4, reason: expect.stringMatching(/birthday is ambiguous/) },
    ]);
    expect(await directory.get(TENANT, ID(2))).toMatchObject({ birthday: '03-15', managerId: ID(1) });
    expect(await directory.get(TENANT, ID(3))).toBeUndefined();
    expect(await directory.get(TENANT, ID(4))).toEqual(before4);
    expect(directory.saves.map((p) => p.id).sort()).toEqual([ID(2), ID(5)]);
    expect(directory.removes).toEqual([`${TENANT}/${ID(3)}`]);
  });

  it('finds people given by email only, whatever case the directory stored their email in', async () => {
    // A Teams roster stores the email as Teams gave it.
    const directory = new RecordingDirectory([person(7, { email: 'Lee.Gu@Contoso.example' })]);
    const again = await importPeople(directory, csv(`,LEE.GU@contoso.example,Lee Gu,,,2027-03-15,,,,`), {
      tenantId: TENANT,
      now: NOW,
    });
    expect(again).toMatchObject({ updated: 1, refused: [] });
    expect(await directory.get(TENANT, ID(7))).toMatchObject({
      displayName: 'Lee Gu',
      email: 'lee.gu@contoso.example',
      hireDate: '2027-03-15',
    });
  });

  it('refuses a person by email that no one has, and a manager neither in the file nor the directory', async () => {
    const directory = new RecordingDirectory();
    const report = await importPeople(
      directory,
      csv(`,ghost@contoso.example,Ghost,,,,,,,`, `${ID(1)},a@contoso.example,A,boss@contoso.example,,,,,,`),
      { tenantId: TENANT, now: NOW },
    );
    expect(report.refused).toEqual([
      { rowNumber: 2, reason: expect.stringMatching(/no one in the directory has the email/) },
      { rowNumber: 3, reason: expect.stringMatching(/manager boss@contoso.example is neither/) },
    ]);
    expect(directory.writes()).toBe(0);
  });

  it('reads only the people the file names, in batches, never the whole directory', async () => {
    const directory = new RecordingDirectory([person(1), person(2)]);
    const rows = Array.from(
      { length: 5 },
      (_, i) => `${ID(i + 1)},p${i + 1}@contoso.example,P ${i + 1},,,,,,,`,
    );
    rows.push(`,person2@contoso.example,,,,,,,,remove`, `${ID(8)},,Eight,boss@contoso.example,,,,,,`);
    await importPeople(directory, csv(...rows), { tenantId: TENANT, now: NOW, lookupBatchSize: 2 });
    expect(directory.wholeDirectoryReads).toBe(0);
    expect(directory.lookups.every((l) => l.tenantId === TENANT && l.keys.length <= 2)).toBe(true);
    const asked = (method: string) =>
      directory.lookups.filter((l) => l.method === method).flatMap((l) => l.keys);
    expect(asked('findMany').sort()).toEqual([1, 2, 3, 4, 5, 8].map(ID));
    expect(asked('findByEmails').sort()).toEqual(
      [
        'boss@contoso.example',
        'p1@contoso.example',
        'p2@contoso.example',
        'p3@contoso.example',
        'p4@contoso.example',
        'p5@contoso.example',
        'person2@contoso.example',
      ].sort(),
    );
  });

  it('a removal row also deletes the private notes written about that person, and only those', async () => {
    const directory = new MemoryPeopleDirectory([person(1), person(2)]);
    const notes = new MemoryNoteStore();
    const note = (id: string, subjectId: string) =>
      notes.create({
        tenantId: TENANT,
        id,
        authorId: ID(9),
        subjectId,
        subjectName: 'Someone',
        text: 'Ask about the move',
        status: 'open',
        createdAt: '2027-03-01T00:00:00.000Z',
        updatedAt: '2027-03-01T00:00:00.000Z',
      });
    await note('about-1', ID(1));
    await note('about-2', ID(2));
    const report = await importPeople(directory, csv(`${ID(1)},,,,,,,,,remove`), {
      tenantId: TENANT,
      now: NOW,
      notes,
    });
    expect(report.removed).toBe(1);
    expect(await directory.get(TENANT, ID(1))).toBeUndefined();
    expect(await notes.countAbout(TENANT, ID(1))).toBe(0);
    expect(await notes.countAbout(TENANT, ID(2))).toBe(1);
  });

  it('a dry run reports the same and writes nothing', async () => {
    const directory = new RecordingDirectory([person(3)]);
    const file = csv(`${ID(3)},,,,,,,,,remove`, `${ID(4)},,Four,,,,,,,`);
    const dry = await importPeople(directory, file, { tenantId: TENANT, now: NOW, dryRun: true });
    expect(dry).toMatchObject({ imported: 1, removed: 1 });
    expect(directory.writes()).toBe(0);
    expect(await directory.get(TENANT, ID(3))).toBeDefined();
    expect(await importPeople(directory, file, { tenantId: TENANT, now: NOW })).toEqual(dry);
    expect(directory.writes()).toBe(2);
  });

  it('keeps to its tenant: the same ids and emails elsewhere are neither read nor changed', async () => {
    const elsewhere = { ...person(1), tenantId: OTHER, displayName: 'Someone Else' };
    const directory = new RecordingDirectory([elsewhere]);
    const report = await importPeople(
      directory,
      csv(`${ID(1)},person1@contoso.example,Person One,,,,,,,`, `,person1@contoso.example,,,,,,,,remove`),
      { tenantId: TENANT, now: NOW },
    );
    // Two rows about one person: refused. Alone, the first imports into tenant-a only.
    expect(report.refused).toHaveLength(2);
    const alone = await importPeople(directory, csv(`${ID(1)},person1@contoso.example,Person One,,,,,,,`), {
      tenantId: TENANT,
      now: NOW,
    });
    expect(alone).toMatchObject({ imported: 1, updated: 0 });
    expect(await directory.get(OTHER, ID(1))).toEqual(elsewhere);
    expect(await directory.get(TENANT, ID(1))).toMatchObject({ displayName: 'Person One' });
    expect(directory.lookups.every((l) => l.tenantId === TENANT)).toBe(true);
  });

  it('reports a file it cannot use as a refusal of row 1, and the columns it ignored', async () => {
    const directory = new RecordingDirectory();
    expect(
      await importPeople(directory, 'name,department\nLee,Sales', { tenantId: TENANT, now: NOW }),
    ).toMatchObject({
      imported: 0,
      refused: [{ rowNumber: 1, reason: expect.stringMatching(/neither an id nor an email column/) }],
    });
    const report = await importPeople(directory, `id,displayName,Cost Centre\n${ID(1)},One,42`, {
      tenantId: TENANT,
      now: NOW,
    });
    expect(report).toMatchObject({ imported: 1, ignoredColumns: ['Cost Centre'] });
    expect(directory.lookups).not.toContainEqual(expect.objectContaining({ keys: [] }));
  });

  it('stops starting writes after one fails, and rejects with that error; running again finishes the job', async () => {
    const directory = new RecordingDirectory();
    directory.failOnSave = 3;
    await expect(
      importPeople(directory, DEMO_CSV, { tenantId: TENANT, now: NOW, writeConcurrency: 1 }),
    ).rejects.toThrow('the store is down');
    expect(directory.saves).toHaveLength(2);
    directory.failOnSave = undefined;
    expect(await importPeople(directory, DEMO_CSV, { tenantId: TENANT, now: NOW })).toMatchObject({
      imported: 4,
      unchanged: 2,
    });
    expect(await directory.count(TENANT)).toBe(6);
  });
});
