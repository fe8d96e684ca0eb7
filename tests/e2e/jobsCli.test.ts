/**
 * The jobs CLI as a user runs it (`npx tsx functions/dev/jobs/cli.ts …`, which `npm run job --` runs),
 * in a temp LOCAL_DATA_DIR: on its own it loads and saves `data.json`; beside a running local app
 * it uses the app's Cosmos DB server, so the app sees the imported people at once.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/localApp';
import { runJobsCli } from '../support/jobsCli';
import {
  DEMO_PEOPLE_CSV_PATH as DEMO,
  PEOPLE_CSV_HEADER as HEADER,
  personId as ID,
} from '../support/peopleCsv';

jest.setTimeout(240_000);

const TENANT = 'T';

let dataDir: string;
let running: TestApp | undefined;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'moments-jobs-'));
});
afterAll(async () => {
  await running?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the CLI with the temp data dir. */
const cli = (...args: string[]) => runJobsCli(dataDir, ...args);

const dataFile = () => join(dataDir, 'data.json');
const snapshotPeople = () =>
  (JSON.parse(readFileSync(dataFile(), 'utf8')) as { people: Array<{ tenantId: string; id: string }> })
    .people;
const count = (stdout: string, label: string) =>
  Number(new RegExp(`^\\s+${label}\\s+(\\d+)$`, 'm').exec(stdout)?.[1]);

describe('npm run job -- import-people', () => {
  it('on its own: imports into the local data file and saves it', async () => {
    const run = await cli('import-people', DEMO, '--tenant', TENANT);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`People import of ${DEMO} into tenant ${TENANT}`);
    expect(run.stdout).toContain(`local data in ${dataFile()} (no app running`);
    expect(count(run.stdout, 'imported')).toBe(6);
    expect(count(run.stdout, 'refused')).toBe(0);
    const people = snapshotPeople().filter((p) => p.tenantId === TENANT);
    expect(people.map((p) => p.id).sort()).toEqual([1, 2, 3, 4, 5, 6].map(ID));
  });

  it('a second run reports everything unchanged and leaves the data file alone', async () => {
    const before = statSync(dataFile()).mtimeMs;
    const run = await cli('import-people', DEMO, '--tenant', TENANT, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      command: 'import-people',
      file: DEMO,
      tenantId: TENANT,
      dryRun: false,
      target: 'standalone-local',
      report: { imported: 0, updated: 0, unchanged: 6, removed: 0, refused: [], ignoredColumns: [] },
    });
    expect(statSync(dataFile()).mtimeMs).toBe(before);
  });

  it('--dry-run reports the changes, refusals by row number, and writes nothing', async () => {
    const file = join(dataDir, 'changes.csv');
    writeFileSync(
      file,
      [
        HEADER,
        `${ID(3)},,,,,,,,,remove`,
        `${ID(8)},new@contoso.com,New Person,alexw@contoso.com,13-01,,,,,`,
      ].join('\n'),
    );
    const before = readFileSync(dataFile(), 'utf8');
    const run = await cli('import-people', file, '--tenant', TENANT, '--dry-run');
    expect(run.code).toBe(0);
    expect(count(run.stdout, 'removed')).toBe(1);
    expect(count(run.stdout, 'refused')).toBe(1);
    expect(run.stdout).toMatch(/^ {2}row 3: birthday is not a real date/m);
    expect(run.stdout).toContain('Dry run: nothing was written.');
    expect(readFileSync(dataFile(), 'utf8')).toBe(before);
  });

  it('beside a running local app: shares its Cosmos DB server, and the app sees the people at once', async () => {
    running = await startTestApp({ dataDir, reset: false });
    const { app } = running;
    // The app loaded the file the standalone runs saved.
    expect(await app.runtime.stores.people.count(TENANT)).toBe(6);

    const file = join(dataDir, 'shared.csv');
    writeFileSync(
      file,
      [
        HEADER,
        `${ID(2)},,Megan Bowen-Smith,,,,,,,`,
        `${ID(7)},pattif@contoso.com,Patti Fernandez,${ID(1)},,,,,,`,
      ].join('\n'),
    );
    const run = await cli('import-people', file, '--tenant', TENANT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`the local Cosmos DB server of the running app (pid ${process.pid}`);
    expect(run.stdout).toContain(app.cosmosEndpoint);
    expect(count(run.stdout, 'imported')).toBe(1);
    expect(count(run.stdout, 'updated')).toBe(1);

    expect(await app.runtime.stores.people.get(TENANT, ID(7))).toMatchObject({
      displayName: 'Patti Fernandez',
      managerId: ID(1),
    });
    expect((await app.runtime.stores.people.get(TENANT, ID(2)))?.displayName).toBe('Megan Bowen-Smith');
    expect((await app.runtime.stores.people.reportsOf(TENANT, ID(1))).map((p) => p.id)).toContain(ID(7));

    // The app's own snapshot keeps them: they are in data.json once it stops.
    await running.stop();
    running = undefined;
    expect(snapshotPeople().filter((p) => p.tenantId === TENANT)).toHaveLength(7);
  });

  it('a wrong call exits 2 with the usage on stderr, before touching any data', async () => {
    const before = readFileSync(dataFile(), 'utf8');
    const calls = [
      ['import-people', DEMO, '--tenant', TENANT, '--bogus'],
      ['no-such-command'],
      [],
      ['import-people', DEMO],
      ['import-people', '--tenant', TENANT],
      ['import-people', DEMO, '--tenant', TENANT, '--at', '2026-02-30T09:00:00Z'],
      ['import-people', DEMO, '--tenant'],
    ];
    const runs = await Promise.all(calls.map((args) => cli(...args)));
    for (const [i, run] of runs.entries()) {
      expect({ args: calls[i], code: run.code }).toEqual({ args: calls[i], code: 2 });
      expect(run.stderr).toContain('Usage: npm run job --');
      expect(run.stdout).toBe('');
    }
    expect(runs[0]?.stderr).toMatch(/^Unknown option --bogus\.\n\nUsage: npm run job -- import-people FILE/);
    expect(runs[3]?.stderr).toMatch(/^import-people needs --tenant ID\./);
    expect(readFileSync(dataFile(), 'utf8')).toBe(before);
  });

  it('--help prints the commands on stdout and exits 0', async () => {
    const run = await cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}import-people {2}Import people/m);
  });

  it('a missing file exits 1 with a message naming it', async () => {
    const run = await cli('import-people', 'no/such/people.csv', '--tenant', TENANT);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no/such/people.csv');
    expect(run.stderr).toMatch(/no such file/);
    expect(run.stdout).toBe('');
  });

  it('refuses a file over the 5 MB cap without reading it whole, /dev/zero included, naming the cap', async () => {
    // Reading /dev/zero to its end would never finish: this run ends only if the read stops at the cap.
    const endless = await cli('import-people', '/dev/zero', '--tenant', TENANT);
    expect(endless.code).toBe(1);
    expect(endless.stderr).toContain(
      'Cannot import /dev/zero: The CSV is larger than 5 MB: split it into several imports.',
    );

    const big = join(dataDir, 'big.csv');
    writeFileSync(big, `${HEADER}\n${'x'.repeat(5 * 1024 * 1024)}`);
    const large = await cli('import-people', big, '--tenant', TENANT);
    expect(large.code).toBe(1);
    expect(large.stderr).toMatch(/larger than 5 MB/);
    expect(large.stdout).toBe('');

    const folder = await cli('import-people', dataDir, '--tenant', TENANT);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/it is a directory/);
  });
});

describe('npm run job -- on a local data folder with no data', () => {
  it('says where it looked and that it found no tenant, for text and --json alike', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'moments-empty-'));
    try {
      const text = await runJobsCli(empty, 'milestones', '--at', '2027-03-11T08:00:00Z');
      expect(text.code).toBe(0);
      expect(text.stdout).toContain(
        `No tenant found in local data in ${join(empty, 'data.json')} (no app running: a local Cosmos DB server of its own): nothing to run.`,
      );
      expect(text.stdout).toMatch(/point LOCAL_DATA_DIR or COSMOS_ENDPOINT at the data to run on/);
      const json = await runJobsCli(empty, 'digest', '--json');
      expect(JSON.parse(json.stdout)).toMatchObject({ command: 'digest', report: { tenants: 0 } });
      expect(json.stderr).toContain(`No tenant found in local data in ${join(empty, 'data.json')}`);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
