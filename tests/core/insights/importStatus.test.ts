import {
  ERASED_REASON,
  importPeople,
  MAX_RECORDED_REFUSALS,
  refusalCodeOf,
  syncPeople,
  type DirectoryUser,
} from '../../../core/people';
import { MemoryErasureRegister, MemoryPeopleDirectory } from '../../support/fakes';
import { peopleCsv, personId as ID } from '../../support/peopleCsv';
import { MemoryImportStatusStore, T, person } from './insightsWorld';

const NOW = new Date('2027-03-17T10:00:00Z');

async function importing(csvText: string, fill: (d: MemoryPeopleDirectory) => void = () => {}) {
  const directory = new MemoryPeopleDirectory();
  fill(directory);
  const importStatus = new MemoryImportStatusStore();
  const erasures = new MemoryErasureRegister();
  await erasures.record(T, ID(90), NOW);
  const report = await importPeople(directory, csvText, { tenantId: T, now: NOW, importStatus, erasures });
  return { report, status: await importStatus.last(T), importStatus };
}

describe('the last import’s status', () => {
  it('keeps each refused row’s line and a code for its reason, never the file’s cells', async () => {
    const { report, status } = await importing(
      peopleCsv(
        `${ID(1)},one@contoso.example,One,,,,,,,`,
        `${ID(2)},,Two,,13-45,,,,,`,
        `${ID(3)},,Three,${ID(3)},,,,,,`,
        `${ID(4)},,Four,${ID(5)},,,,,,`,
        `${ID(5)},,Five,${ID(4)},,,,,,`,
        `,nobody@contoso.example,Nobody,,,,,,,`,
        `${ID(6)},taken@contoso.example,Six,,,,,,,`,
        `${ID(7)},,Seven,boss@contoso.example,,,,,,`,
        `${ID(8)},,Eight,,,,,,,`,
        `${ID(8)},,Eight again,,,,,,,`,
        `${ID(90)},,Forgotten,,,,,,,`,
        `${ID(9)},"broken,,,,,,,,,`,
      ),
      (directory) => void directory.save(person(ID(60), { email: 'taken@contoso.example' })),
    );
    expect(report.refused.length).toBeGreaterThan(0);
    expect(status).toEqual({
      tenantId: T,
      at: NOW.toISOString(),
      source: 'csv',
      added: 1,
      updated: 0,
      refused: [
        { line: 3, reason: 'invalidValue' },
        { line: 4, reason: 'ownManager' },
        { line: 5, reason: 'managerCycle' },
        { line: 6, reason: 'managerCycle' },
        { line: 7, reason: 'unknownEmail' },
        { line: 8, reason: 'emailTaken' },
        { line: 9, reason: 'unknownManager' },
        { line: 10, reason: 'duplicate' },
        { line: 11, reason: 'duplicate' },
        { line: 12, reason: 'forgotten' },
        { line: 13, reason: 'malformedRow' },
      ],
    });
    expect(JSON.stringify(status)).not.toContain('contoso');
  });

  it('codes the file-wide refusals and the manager mismatch', async () => {
    expect((await importing('')).status?.refused).toEqual([{ line: 1, reason: 'emptyFile' }]);
    expect((await importing('id,id\n1,1')).status?.refused).toEqual([{ line: 1, reason: 'badHeader' }]);
    expect((await importing('name\nx')).status?.refused).toEqual([{ line: 1, reason: 'badHeader' }]);
    expect(refusalCodeOf('the manager a@b.example is 1 in the file but 2 in the directory')).toBe(
      'managerMismatch',
    );
    expect(refusalCodeOf(ERASED_REASON)).toBe('forgotten');
  });

  it('keeps at most 100 refused rows, and nothing for a dry run', async () => {
    const rows = Array.from({ length: 130 }, (_, i) => `${ID(i + 1)},,Person,,13-45,,,,,`);
    const { report, status } = await importing(peopleCsv(...rows));
    expect(report.refused).toHaveLength(130);
    expect(status?.refused).toHaveLength(MAX_RECORDED_REFUSALS);
    expect(status?.refused[99]).toEqual({ line: 101, reason: 'invalidValue' });

    const importStatus = new MemoryImportStatusStore();
    await importPeople(new MemoryPeopleDirectory(), peopleCsv(`${ID(1)},,One,,,,,,,`), {
      tenantId: T,
      now: NOW,
      dryRun: true,
      importStatus,
    });
    expect(await importStatus.last(T)).toBeUndefined();
  });

  it('stays as it was when the same file is imported again and changes nothing', async () => {
    const directory = new MemoryPeopleDirectory();
    const importStatus = new MemoryImportStatusStore();
    const file = peopleCsv(`${ID(1)},,One,,,,,,,`);
    await importPeople(directory, file, { tenantId: T, now: NOW, importStatus });
    const later = new Date('2027-03-18T10:00:00Z');
    await importPeople(directory, file, { tenantId: T, now: later, importStatus });
    expect(await importStatus.last(T)).toMatchObject({ at: NOW.toISOString(), added: 1 });
  });

  it('is left by a Graph sync too', async () => {
    const directory = new MemoryPeopleDirectory([person('existing', { displayName: 'Old Name' })]);
    const importStatus = new MemoryImportStatusStore();
    const users: DirectoryUser[] = [
      { id: 'existing', displayName: 'New Name' },
      { id: 'newcomer', displayName: 'Newcomer' },
    ];
    await syncPeople(
      directory,
      {
        async *users() {
          yield* users;
        },
      },
      { tenantId: T, now: NOW, importStatus },
    );
    expect(await importStatus.last(T)).toEqual({
      tenantId: T,
      at: NOW.toISOString(),
      source: 'graph',
      added: 1,
      updated: 1,
      refused: [],
    });
  });
});
