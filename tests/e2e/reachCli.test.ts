/**
 * `npm run job -- reach` as an admin runs it, on local data in a temp LOCAL_DATA_DIR: the demo
 * people, a personal chat with Alex and a team roster membership of Megan's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJobsCli } from '../support/jobsCli';
import { DEMO_PEOPLE_CSV_PATH as DEMO, personId as ID } from '../support/peopleCsv';

jest.setTimeout(240_000);

const TENANT = 'T';
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'moments-reach-'));
  const imported = await runJobsCli(dataDir, 'import-people', DEMO, '--tenant', TENANT);
  expect(imported.code).toBe(0);
  // What Moments would have stored: Alex opened a chat; a team roster showed Megan.
  const file = join(dataDir, 'data.json');
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown[]>;
  snapshot.conversations = [
    ...(snapshot.conversations ?? []),
    {
      tenantId: TENANT,
      id: `personal:${ID(1)}`,
      kind: 'personal',
      conversationId: 'a:alex',
      userId: ID(1),
      reference: { serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'a:alex' } },
      updatedAt: '2027-03-01T00:00:00.000Z',
    },
    {
      tenantId: TENANT,
      id: `member:${ID(2)}`,
      type: 'membership',
      userId: ID(2),
      memberId: '29:megan',
      serviceUrl: 'http://127.0.0.1:1/',
      botId: '28:moments',
      seenIn: '19:team',
      seenAt: '2027-03-01T00:00:00.000Z',
    },
  ];
  writeFileSync(file, JSON.stringify(snapshot));
});
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run job -- reach', () => {
  it('says how many people Moments can reach and names who it cannot and why', async () => {
    const run = await runJobsCli(dataDir, 'reach', '--tenant', TENANT);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Moments can reach 2 of 6 people.',
      '1 through a personal chat with Moments; 1 through a team or group chat Moments is in (it opens a personal chat when it has something to send).',
      '',
      'Moments cannot reach 4:',
    ]);
    expect(lines.slice(4)).toHaveLength(4);
    for (const line of lines.slice(4)) {
      expect(line).toMatch(
        /^- .+: no chat with Moments, and not in a team or group chat where Moments is installed$/,
      );
    }
    expect(run.stdout).not.toContain('Alex Wilber');
    expect(run.stdout).not.toContain('Megan Bowen');
  });

  it('--json prints the census', async () => {
    const run = await runJobsCli(dataDir, 'reach', '--tenant', TENANT, '--json');
    expect(run.code).toBe(0);
    const { command, census } = JSON.parse(run.stdout) as {
      command: string;
      census: { people: number; reachable: number; unreachable: Array<{ reason: string }> };
    };
    expect(command).toBe('reach');
    expect(census).toMatchObject({ people: 6, reachable: 2, withChat: 1, throughMembership: 1 });
    expect(census.unreachable.map((u) => u.reason)).toEqual(['no-chat', 'no-chat', 'no-chat', 'no-chat']);
  });

  it('without --tenant exits 2 with the usage', async () => {
    const run = await runJobsCli(dataDir, 'reach');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('reach --tenant ID [--json]');
  });
});
