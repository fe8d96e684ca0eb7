/**
 * `npm run job -- admins …` and `audit` as an operator runs them (`npx tsx functions/dev/jobs/cli.ts`),
 * on local data in a temp LOCAL_DATA_DIR: the first admin of a tenant, by e-mail or object id;
 * MOMENTS_ADMINS-named admins listed as such and never removed; every change in the audit trail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJobsCliWith } from '../support/jobsCli';
import { DEMO_PEOPLE_CSV_PATH as DEMO, personId as ID } from '../support/peopleCsv';

jest.setTimeout(240_000);

const TENANT = 'tenant-admins';
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'moments-admins-'));
  const imported = await cli({}, 'import-people', DEMO, '--tenant', TENANT);
  expect(imported.code).toBe(0);
});
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the CLI on the temp data with `MOMENTS_ADMINS` as given ('' names nobody). */
const cli = (env: { MOMENTS_ADMINS?: string }, ...args: string[]) =>
  runJobsCliWith({ dataDir, env: { MOMENTS_ADMINS: '', ...env } }, ...args);

describe('npm run job -- admins', () => {
  it('a tenant starts with no admin, and the list says how to make one', async () => {
    const run = await cli({}, 'admins', 'list', '--tenant', TENANT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Tenant ${TENANT} has no Moments admin.`);
    expect(run.stdout).toContain(`npm run job -- admins add --tenant ${TENANT} <e-mail or object id>`);
    const json = await cli({}, 'admins', 'list', '--tenant', TENANT, '--json');
    expect(JSON.parse(json.stdout)).toEqual({
      command: 'admins',
      action: 'list',
      tenantId: TENANT,
      admins: [],
    });
  });

  it('add by e-mail makes the first admin; add by object id another; both are listed', async () => {
    const byEmail = await cli({}, 'admins', 'add', '--tenant', TENANT, 'MeganB@contoso.com');
    expect(byEmail.stderr).toBe('');
    expect(byEmail.code).toBe(0);
    expect(byEmail.stdout).toContain('Megan Bowen is now a Moments admin.');

    const byId = await cli({}, 'admins', 'add', '--tenant', TENANT, ID(3), '--json');
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.stdout)).toMatchObject({
      command: 'admins',
      action: 'add',
      tenantId: TENANT,
      ok: true,
      outcome: 'added',
      person: { id: ID(3), name: 'Adele Vance' },
    });

    const again = await cli({}, 'admins', 'add', '--tenant', TENANT, ID(3));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Adele Vance is already an admin. Nothing was changed.');

    const list = await cli({}, 'admins', 'list', '--tenant', TENANT, '--json');
    expect(JSON.parse(list.stdout).admins).toEqual([
      { id: ID(3), name: 'Adele Vance', email: 'adelev@contoso.com', listed: true, named: false },
      { id: ID(2), name: 'Megan Bowen', email: 'meganb@contoso.com', listed: true, named: false },
    ]);
  });

  it('MOMENTS_ADMINS-named admins are listed as such and cannot be removed (exit 1, nothing changed)', async () => {
    const env = { MOMENTS_ADMINS: 'alexw@contoso.com' };
    const list = await cli(env, 'admins', 'list', '--tenant', TENANT);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Alex Wilber <alexw@contoso\.com> {2}\S+ {2}\(from MOMENTS_ADMINS\)/);

    const removed = await cli(env, 'admins', 'remove', '--tenant', TENANT, 'alexw@contoso.com');
    expect(removed.code).toBe(1);
    expect(removed.stdout).toBe('');
    expect(removed.stderr).toContain(
      'Alex Wilber is named in the MOMENTS_ADMINS app setting and stays an admin as long as it names them',
    );
  });

  it('remove takes someone off the list; an unknown e-mail is refused with exit 1', async () => {
    const removed = await cli({}, 'admins', 'remove', '--tenant', TENANT, 'adelev@contoso.com', '--json');
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ ok: true, outcome: 'removed' });

    const unknown = await cli({}, 'admins', 'add', '--tenant', TENANT, 'sam@contoso.com');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Nobody in this tenant's directory has the e-mail sam@contoso.com.");

    const list = await cli({}, 'admins', 'list', '--tenant', TENANT, '--json');
    expect(JSON.parse(list.stdout).admins.map((a: { name: string }) => a.name)).toEqual(['Megan Bowen']);
  });

  it.each([
    [['admins', 'list'], 'admins needs --tenant ID.'],
    [
      ['admins', 'add', '--tenant', TENANT],
      "admins add needs the person's e-mail address or Entra object id.",
    ],
    [['admins', 'remove', '--tenant', TENANT, 'a@b.c', 'd@e.f'], 'admins remove takes one person at a time'],
    [['admins', 'promote', '--tenant', TENANT], 'admins promote: use list, add or remove.'],
    [['admins', '--tenant', TENANT], 'admins needs list, add or remove.'],
  ])('a wrong call %p exits 2 with the usage', async (args, message) => {
    const run = await cli({}, ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: npm run job -- admins list --tenant ID [--json]');
  });
});

describe('npm run job -- audit', () => {
  it('prints every admin change, newest first, made through the CLI', async () => {
    const run = await cli({}, 'audit', '--tenant', TENANT);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Audit trail of tenant ${TENANT}, newest first:`);
    expect(lines.slice(1).map((line) => line.replace(/^\S+ {2}.+? \(cli\) {2}/, ''))).toEqual([
      `removed admin Adele Vance (${ID(3)})`,
      `added admin Adele Vance (${ID(3)})`,
      `added admin Megan Bowen (${ID(2)})`,
    ]);

    const json = JSON.parse((await cli({}, 'audit', '--tenant', TENANT, '--json')).stdout) as {
      entries: Array<{ subject: string; field: string; by: { via: string } }>;
    };
    expect(json.entries.map((e) => [e.subject, e.field, e.by.via])).toEqual([
      ['admins', ID(3), 'cli'],
      ['admins', ID(3), 'cli'],
      ['admins', ID(2), 'cli'],
    ]);
    expect((await cli({}, 'audit', '--tenant', 'tenant-none')).stdout).toContain(
      'No changes recorded for tenant tenant-none.',
    );
    expect((await cli({}, 'audit')).code).toBe(2);
  });
});
