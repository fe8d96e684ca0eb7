import { suggestThanks, type SuggestionInput } from '../../../core/nudges';
import { DEFAULT_MILESTONE_POLICY } from '../../../core/milestones';
import type { Person } from '../../../core/people';

const T = 'tenant-a';
// The recipient's week: Monday 15 to Sunday 21 March 2027; today is the Monday.
const WEEK = { from: '2027-03-15', to: '2027-03-21' };
const TODAY = '2027-03-15';

const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName: `${id[0]!.toUpperCase()}${id.slice(1)} Tester`,
  timeZone: 'Europe/London',
  celebrate: {},
  teamIds: ['team-1'],
  lastRecognisedOn: '2027-01-10',
  ...fields,
});

const sam = person('sam');

const suggest = (candidates: Person[], more: Partial<SuggestionInput> = {}) =>
  suggestThanks({
    recipient: sam,
    candidates,
    chatMates: new Set(),
    forgotten: new Set(),
    week: WEEK,
    today: TODAY,
    policy: { ...DEFAULT_MILESTONE_POLICY, defaultCelebration: 'public' },
    ...more,
  });

const names = (input: ReturnType<typeof suggest>) => input.map((s) => s.name);

describe('suggestThanks', () => {
  it('suggests only people who share a team or a group chat with the recipient', () => {
    const teammate = person('tess');
    const chatMate = person('chad', { teamIds: ['team-9'] });
    const stranger = person('stan', { teamIds: ['team-9'] });
    const noTeams = person('nora', { teamIds: [] });
    expect(names(suggest([teammate, chatMate, stranger, noTeams], { chatMates: new Set(['chad']) }))).toEqual(
      ['Chad Tester', 'Tess Tester'],
    );
  });

  it('never suggests the recipient themselves', () => {
    expect(suggest([sam, person('tess')]).map((s) => s.personId)).toEqual(['tess']);
  });

  it('never suggests someone who asked to be forgotten', () => {
    expect(names(suggest([person('fay'), person('tess')], { forgotten: new Set(['fay']) }))).toEqual([
      'Tess Tester',
    ]);
  });

  it('never names someone whose celebrations are both off, not even for a milestone', () => {
    const off = person('olly', {
      birthday: '03-17',
      lastRecognisedOn: undefined,
      celebrate: { birthday: 'off', anniversary: 'off' },
    });
    expect(suggest([off])).toEqual([]);
  });

  it('never mentions a milestone whose celebration is off or kept between the person and their manager', () => {
    const birthdayOff = person('bea', {
      birthday: '03-17',
      lastRecognisedOn: '2027-03-12',
      celebrate: { birthday: 'off', anniversary: 'public' },
    });
    const managerOnly = person('max', {
      birthday: '03-18',
      lastRecognisedOn: '2026-12-01',
      celebrate: { birthday: 'manager' },
    });
    const result = suggest([birthdayOff, managerOnly]);
    // Bea was thanked three days ago and her birthday may not be told: she is not suggested.
    // Max is, for going long without kudos, and neither his birthday nor his quiet spell is mentioned.
    expect(result).toEqual([{ personId: 'max', name: 'Max Tester', reason: { kind: 'colleague' } }]);
  });

  it('tells a manager of a report’s milestone kept for their manager', () => {
    const report = person('rae', { birthday: '03-18', managerId: 'sam', celebrate: { birthday: 'manager' } });
    expect(suggest([report])[0]?.reason).toEqual({
      kind: 'milestone',
      occasion: 'birthday',
      date: '2027-03-18',
    });
  });

  it('puts milestones this week first, then the longest without kudos, never recognised first', () => {
    const result = suggest([
      person('old', { lastRecognisedOn: '2026-11-01' }),
      person('never', { lastRecognisedOn: undefined }),
      person('recent', { lastRecognisedOn: '2027-03-10' }),
      person('anna', { hireDate: '2022-03-19', lastRecognisedOn: '2027-03-14' }),
      person('older', { lastRecognisedOn: '2026-10-01' }),
    ]);
    expect(result).toEqual([
      {
        personId: 'anna',
        name: 'Anna Tester',
        reason: { kind: 'milestone', occasion: 'anniversary', date: '2027-03-19', years: 5 },
      },
      { personId: 'never', name: 'Never Tester', reason: { kind: 'colleague' } },
      { personId: 'older', name: 'Older Tester', reason: { kind: 'colleague' } },
    ]);
  });

  it('tells only a manager how long their report has gone without kudos', () => {
    const report = person('rae', { managerId: 'sam', lastRecognisedOn: '2027-02-13' });
    const never = person('nia', { managerId: 'sam', lastRecognisedOn: undefined });
    const peer = person('pat', { managerId: 'someone-else', lastRecognisedOn: '2027-02-13' });
    expect(suggest([report, never, peer]).map((s) => [s.personId, s.reason])).toEqual([
      ['nia', { kind: 'unrecognised' }],
      ['pat', { kind: 'colleague' }],
      ['rae', { kind: 'unrecognised', days: 30 }],
    ]);
  });

  it('suggests at most three people', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((id) => person(`p${id}`, { lastRecognisedOn: undefined }));
    expect(suggest(many)).toHaveLength(3);
  });

  it('leaves out people recognised lately and people who have not started yet', () => {
    expect(
      suggest([
        person('lately', { lastRecognisedOn: '2027-03-05' }),
        person('future', { hireDate: '2027-04-01', lastRecognisedOn: undefined }),
      ]),
    ).toEqual([]);
  });
});
