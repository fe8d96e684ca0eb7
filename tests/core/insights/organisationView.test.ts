import { NotAllowed, organisationView, recognitionsCsv } from '../../../core/insights';
import { importPeople } from '../../../core/people';
import { insightsWorld, kudos, person } from './insightsWorld';

// Wednesday 17 March 2027, 10:00 UTC (and in London).
const NOW = new Date('2027-03-17T10:00:00Z');
const adm = person('adm', { displayName: 'Ada Admin' });
const boss = person('boss', { displayName: 'Alex Wilber' });
const ann = person('ann', { displayName: 'Ann Vance', managerId: 'boss' });
const bob = person('bob', { displayName: 'Bob Gu', managerId: 'boss' });
const cat = person('cat', { displayName: 'Cat Langer', managerId: 'boss' });
const other = person('other', { displayName: 'Olga Other' });
const zed = person('zed', { displayName: 'Zed Zero', managerId: 'other' });
// Reports to someone the directory does not hold: no team row.
const lone = person('lone', { displayName: 'Lone Wolf', managerId: 'gone' });
const NEW = '11111111-1111-4111-8111-111111111111';
const BAD = '22222222-2222-4222-8222-222222222222';
const SELF = '33333333-3333-4333-8333-333333333333';
const everyone = [adm, boss, ann, bob, cat, other, zed, lone];

async function world() {
  const w = insightsWorld(everyone, { adminIds: ['adm'] });
  await w.recognitions.create(kudos(zed, [ann, bob], '2027-03-15T09:00:00.000Z'));
  await w.recognitions.create(
    kudos(ann, [zed], '2027-03-16T09:00:00.000Z', { value: { id: 'growth', name: 'G' } }),
  );
  await w.recognitions.create(kudos(other, [zed], '2027-03-08T09:00:00.000Z'));
  // Fifty days ago: charted, but not within the 30 days of coverage.
  await w.recognitions.create(kudos(boss, [cat], '2027-01-26T09:00:00.000Z'));
  // Before the 12 weeks.
  await w.recognitions.create(kudos(boss, [cat, ann, bob], '2026-11-02T09:00:00.000Z'));
  return w;
}

describe('the organisation page', () => {
  it('counts givers and receivers per week and their share of the directory', async () => {
    const w = await world();
    const view = await organisationView(w.deps, await w.viewer('adm'), NOW);
    expect(view.weeks).toHaveLength(12);
    const byWeek = Object.fromEntries(view.weeks.map((wk) => [wk.weekStart, wk]));
    // Zed and Ann gave, Ann, Bob and Zed received: three people of eight.
    expect(byWeek['2027-03-15']).toEqual({ weekStart: '2027-03-15', givers: 2, receivers: 3, share: 3 / 8 });
    expect(byWeek['2027-03-08']).toEqual({ weekStart: '2027-03-08', givers: 1, receivers: 1, share: 2 / 8 });
    expect(byWeek['2027-01-25']).toMatchObject({ givers: 1, receivers: 1 });
    expect(view.weeks.reduce((sum, wk) => sum + wk.givers, 0)).toBe(4);
    expect(view.values).toEqual([
      { value: { id: 'teamwork', name: 'Teamwork' }, count: 3 },
      { value: { id: 'growth', name: 'Learning & growth' }, count: 1 },
    ]);
    expect(view.people.count).toBe(8);
  });

  it('lists each manager’s team, least recognised in 30 days first', async () => {
    const w = await world();
    const view = await organisationView(w.deps, await w.viewer('adm'), NOW);
    expect(view.teams).toEqual([
      { manager: { id: 'boss', name: 'Alex Wilber' }, size: 3, recognised: 2, coverage: 2 / 3 },
      { manager: { id: 'other', name: 'Olga Other' }, size: 1, recognised: 1, coverage: 1 },
    ]);
  });

  it('caps the teams at 50 rows', async () => {
    const people = [adm];
    for (let i = 0; i < 60; i++) {
      people.push(person(`m${i}`), person(`r${i}`, { managerId: `m${i}` }));
    }
    const w = insightsWorld(people, { adminIds: ['adm'] });
    const view = await organisationView(w.deps, await w.viewer('adm'), NOW);
    expect(view.teams).toHaveLength(50);
    expect(view.people.count).toBe(121);
  });

  it('shows the last import with its refused rows as codes, and who Moments cannot reach', async () => {
    const w = await world();
    w.reachRoll.chats = new Set(['adm', 'boss', 'ann']);
    await importPeople(
      w.directory,
      [
        'id,email,displayName,manager,birthday',
        `${NEW},new1@contoso.example,New One,,`,
        `${BAD},,Bad Birthday,,1990-13-40`,
        ',nobody@contoso.example,Nobody,,',
        `${SELF},self@contoso.example,Self,${SELF},`,
      ].join('\n'),
      { tenantId: 'tenant-a', now: NOW, importStatus: w.importStatus },
    );
    const view = await organisationView(w.deps, await w.viewer('adm'), NOW);
    expect(view.people.lastImport).toEqual({
      at: NOW.toISOString(),
      source: 'csv',
      added: 1,
      updated: 0,
      refused: [
        { line: 3, reason: 'invalidValue' },
        { line: 4, reason: 'unknownEmail' },
        { line: 5, reason: 'ownManager' },
      ],
    });
    // Nine people now (New One joined); three have a chat.
    expect(view.people.count).toBe(9);
    expect(view.people.unreachable.count).toBe(6);
    expect(view.people.unreachable.first.map((p) => p.name)).toEqual([
      'Bob Gu',
      'Cat Langer',
      'Lone Wolf',
      'New One',
      'Olga Other',
      'Zed Zero',
    ]);
  });

  it('is open to admins only, as is the export', async () => {
    const w = await world();
    for (const id of ['boss', 'ann']) {
      const viewer = await w.viewer(id);
      await expect(organisationView(w.deps, viewer, NOW)).rejects.toBeInstanceOf(NotAllowed);
      await expect(
        recognitionsCsv(w.deps, viewer, { from: '2027-01-01', to: '2027-03-31' }),
      ).rejects.toBeInstanceOf(NotAllowed);
    }
  });
});
