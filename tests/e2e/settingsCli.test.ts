/**
 * `npm run job -- settings show|set` as an operator runs it, on the local data of a temp
 * LOCAL_DATA_DIR: changes are validated, saved and audited; a wrong value saves nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJobsCli } from '../support/jobsCli';

jest.setTimeout(240_000);

const TENANT = 'tenant-settings-cli';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'moments-settings-'));
});
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runJobsCli(dataDir, ...args);
const shown = async () => {
  const run = await cli('settings', 'show', '--tenant', TENANT, '--json');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as {
    stored: boolean;
    settings: Record<string, string>;
    audit: Array<{ field: string; from: unknown; to: unknown; by: { via: string } }>;
  };
};

describe('npm run job -- settings', () => {
  it('set saves the settings named and prints each change', async () => {
    const run = await cli(
      'settings',
      'set',
      '--tenant',
      TENANT,
      'dailyKudosLimit=5',
      'sendHour=10',
      'digestDay=Friday',
      'checkIns=0,30',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Saved 4 changes to the settings of tenant ${TENANT}:`);
    expect(run.stdout).toContain('dailyKudosLimit: 20 → 5');
    expect(run.stdout).toContain('digestDay: 1 → 5');
    expect(run.stdout).toContain('checkIns: 0,7,30,90 → 0,30');
  });

  it('set with a wrong field exits 2 with a message per wrong field on stderr, and saves nothing', async () => {
    const run = await cli(
      'settings',
      'set',
      '--tenant',
      TENANT,
      'dailyKudosLimit=off',
      'sendHour=24',
      'digestDay=Funday',
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('sendHour must be a whole number from 0 to 23; “24” is not.');
    expect(run.stderr).toContain('digestDay must be a weekday (Monday … Sunday, or 1 … 7); “Funday” is not.');
    expect(run.stderr).toContain('Nothing was saved.');
    const after = await shown();
    expect(after.settings).toMatchObject({ dailyKudosLimit: '5', sendHour: '10', digestDay: '5' });
    expect(after.audit).toHaveLength(4);
  });

  it('show prints every setting with its value, then the whole audit trail', async () => {
    expect((await cli('settings', 'set', '--tenant', TENANT, 'dailyKudosLimit=off')).code).toBe(0);
    const run = await cli('settings', 'show', '--tenant', TENANT);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}dailyKudosLimit +off$/m);
    expect(run.stdout).toMatch(/^ {2}sendHour +10$/m);
    expect(run.stdout).toMatch(/^ {2}weekendRule +previous-working-day$/m);
    expect(run.stdout).toMatch(/^ {2}installForEveryone +off$/m);
    expect(run.stdout).toContain('Audit trail (5 changes, newest first):');
    const trail = run.stdout.slice(run.stdout.indexOf('Audit trail'));
    expect(trail).toMatch(/\(with the jobs CLI\) {2}dailyKudosLimit: 5 → off/);
    expect(trail.indexOf('dailyKudosLimit: 5 → off')).toBeLessThan(trail.indexOf('dailyKudosLimit: 20 → 5'));

    const json = await shown();
    expect(json.stored).toBe(true);
    expect(json.audit.map((e) => [e.field, e.from, e.to])).toEqual(
      expect.arrayContaining([
        ['dailyKudosLimit', 5, null],
        ['dailyKudosLimit', 20, 5],
        ['checkIns', [0, 7, 30, 90], [0, 30]],
      ]),
    );
    expect(json.audit.every((e) => e.by.via === 'cli')).toBe(true);
  });

  it('refuses a wrong call with exit 2: no action, no tenant, not NAME=VALUE', async () => {
    const none = await cli('settings', '--tenant', TENANT);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('settings needs show or set.');
    const noTenant = await cli('settings', 'show');
    expect(noTenant.code).toBe(2);
    expect(noTenant.stderr).toContain('settings needs --tenant ID.');
    const bare = await cli('settings', 'set', '--tenant', TENANT, 'sendHour');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('“sendHour” is not NAME=VALUE');
  });
});
