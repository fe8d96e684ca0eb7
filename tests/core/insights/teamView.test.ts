import { NotAllowed, teamView } from '../../../core/insights';
import type { Note } from '../../../core/notes';
import { T, insightsWorld, kudos, person } from './insightsWorld';

// Wednesday 17 March 2027, 10:00 UTC: 11:00 in Berlin. The current week began Monday 15 March.
const NOW = new Date('2027-03-17T10:00:00Z');
const boss = person('boss', { displayName: 'Alex Wilber', timeZone: 'Europe/Berlin' });
const ann = person('ann', {
  displayName: 'Ann Vance',
  managerId: 'boss',
  birthday: '04-02',
  lastRecognisedOn: '2027-03-01',
});
const bob = person('bob', { displayName: 'Bob Gu', managerId: 'boss', hireDate: '2020-03-20' });
const cat = person('cat', { displayName: 'Cat Langer', managerId: 'boss', hireDate: '2027-03-16' });
const other = person('other', { displayName: 'Olga Other' });
const zed = person('zed', { displayName: 'Zed Zero', managerId: 'other' });

const note = (authorId: string, subjectId: string, id: string, fields: Partial<Note> = {}): Note => ({
  tenantId: T,
  id,
  authorId,
  subjectId,
  subjectName: subjectId,
  text: `note ${id}`,
  status: 'open',
  createdAt: '2027-03-10T09:00:00.000Z',
  updatedAt: '2027-03-10T09:00:00.000Z',
  ...fields,
});

async function world() {
  const w = insightsWorld([boss, ann, bob, cat, other, zed]);
  // 23:30 UTC on Sunday 14 March is 00:30 on Monday 15 March in Berlin: the current week there.
  await w.recognitions.create(kudos(zed, [ann, bob], '2027-03-14T23:30:00.000Z'));
  // Ann thanks Zed (not a report) on Wednesday 10 March: given, in the week before.
  await w.recognitions.create(
    kudos(ann, [zed], '2027-03-10T12:00:00.000Z', { value: { id: 'growth', name: 'G' } }),
  );
  // Ann thanks Bob: one kudos, received and given by the team.
  await w.recognitions.create(kudos(ann, [bob], '2027-03-09T12:00:00.000Z'));
  // Cat in the week of 4 January, for ownership.
  await w.recognitions.create(
    kudos(other, [cat], '2027-01-04T12:00:00.000Z', { value: { id: 'ownership', name: 'Ownership' } }),
  );
  // Before the 12 weeks: not charted.
  await w.recognitions.create(kudos(other, [bob], '2026-12-20T12:00:00.000Z'));
  // Someone else's team.
  await w.recognitions.create(kudos(other, [zed], '2027-03-16T12:00:00.000Z'));
  return w;
}

describe('My team', () => {
  it('charts 12 weeks in the manager’s zone: kudos received and given, each once, and coverage', async () => {
    const w = await world();
    const view = await teamView(w.deps, await w.viewer('boss'), NOW);
    expect(view.weeks).toHaveLength(12);
    expect(view.weeks[0]!.weekStart).toBe('2026-12-28');
    expect(view.weeks[11]!.weekStart).toBe('2027-03-15');
    const byWeek = Object.fromEntries(view.weeks.map((w) => [w.weekStart, [w.received, w.given]]));
    expect(byWeek).toMatchObject({
      '2027-03-15': [1, 0],
      '2027-03-08': [1, 2],
      '2027-01-04': [1, 0],
      '2026-12-28': [0, 0],
    });
    const total = view.weeks.reduce((sum, w) => sum + w.received, 0);
    expect(total).toBe(3);

    const coverage = Object.fromEntries(view.weeks.map((w) => [w.weekStart, w.coverage]));
    // Current week, up to today: Ann and Bob (15 March), Bob (9 March) of three.
    expect(coverage['2027-03-15']).toBeCloseTo(2 / 3);
    // Up to Sunday 14 March: only Bob (9 March); Ann’s 00:30 Monday kudos is the next week's.
    expect(coverage['2027-03-08']).toBeCloseTo(1 / 3);
    // The first week looks back to 5 December: Bob's 20 December kudos, read though not charted.
    expect(coverage['2026-12-28']).toBeCloseTo(1 / 3);
    // 30 days up to 10 January and 17 January: Bob's 20 December and Cat's 4 January.
    expect(coverage['2027-01-04']).toBeCloseTo(2 / 3);
    expect(coverage['2027-01-11']).toBeCloseTo(2 / 3);
    expect(coverage['2027-01-18']).toBeCloseTo(1 / 3);
    // Up to 7 February: nobody since 9 January.
    expect(coverage['2027-02-01']).toBe(0);

    expect(view.values).toEqual([
      { value: { id: 'teamwork', name: 'Teamwork' }, count: 2 },
      { value: { id: 'ownership', name: 'Ownership' }, count: 1 },
    ]);
  });

  it('puts a week at the zone’s Monday: the manager’s own, else the tenant’s default', async () => {
    const w = await world();
    const berlin = await w.viewer('boss');
    const { timeZone: _zone, ...zoneless } = boss;
    const utc = await teamView(
      w.deps,
      { ...berlin, person: zoneless, settings: { ...berlin.settings, defaultTimeZone: 'UTC' } },
      NOW,
    );
    const byWeek = Object.fromEntries(utc.weeks.map((wk) => [wk.weekStart, wk.received]));
    // 23:30 UTC on Sunday 14 March is still that Sunday in UTC: the week before.
    expect(byWeek['2027-03-15']).toBe(0);
    expect(byWeek['2027-03-08']).toBe(2);
  });

  it('gives a row per report: last recognised, kudos in 90 days, next milestone', async () => {
    const w = await world();
    const view = await teamView(w.deps, await w.viewer('boss'), NOW);
    expect(view.reports.map((r) => ({ ...r, followUps: undefined }))).toEqual([
      {
        person: { id: 'ann', name: 'Ann Vance' },
        lastRecognisedOn: '2027-03-15',
        kudos90: 1,
        nextMilestone: { kind: 'birthday', date: '2027-04-02' },
        followUps: undefined,
      },
      {
        person: { id: 'bob', name: 'Bob Gu' },
        lastRecognisedOn: '2027-03-15',
        kudos90: 3,
        // 20 March 2027 is a Saturday: marked on the Friday before.
        nextMilestone: { kind: 'anniversary', date: '2027-03-19', years: 7 },
        followUps: undefined,
      },
      {
        person: { id: 'cat', name: 'Cat Langer' },
        lastRecognisedOn: '2027-01-04',
        kudos90: 1,
        nextMilestone: { kind: 'checkIn', date: '2027-03-23', days: 7 },
        followUps: undefined,
      },
    ]);
  });

  it('shows the manager their own open notes about each report, and never anyone else’s', async () => {
    const w = await world();
    await w.notes.create(note('boss', 'ann', 'n1', { followUpOn: '2027-03-20', text: 'ask about the move' }));
    await w.notes.create(note('boss', 'ann', 'n2', { status: 'done' }));
    await w.notes.create(note('other', 'ann', 'n3', { text: 'another manager’s note about Ann' }));
    await w.notes.create(note('boss', 'zed', 'n4'));
    const view = await teamView(w.deps, await w.viewer('boss'), NOW);
    expect(view.reports.find((r) => r.person.id === 'ann')!.followUps).toEqual([
      {
        id: 'n1',
        text: 'ask about the move',
        createdAt: '2027-03-10T09:00:00.000Z',
        followUpOn: '2027-03-20',
      },
    ]);
    expect(view.reports.flatMap((r) => r.followUps.map((f) => f.id))).toEqual(['n1']);
    expect(JSON.stringify(view)).not.toContain('another manager');
  });

  it('is not open to someone who manages nobody', async () => {
    const w = await world();
    await expect(teamView(w.deps, await w.viewer('ann'), NOW)).rejects.toBeInstanceOf(NotAllowed);
  });
});
