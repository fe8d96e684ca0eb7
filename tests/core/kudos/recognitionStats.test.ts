import { recognitionStats, startOfMonth, type Recognition } from '../../../core/kudos';
import type { Person } from '../../../core/people';

const T = 'tenant-a';
const now = new Date('2027-03-20T15:00:00Z');

const member = (id: string, displayName: string, lastRecognisedOn?: string): Person => ({
  tenantId: T,
  id,
  displayName,
  timeZone: 'UTC',
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...(lastRecognisedOn ? { lastRecognisedOn } : {}),
});

let n = 0;
const kudos = (recipientIds: string[], value: string): Recognition => ({
  tenantId: T,
  id: `k-${++n}`,
  giver: { id: 'adele', name: 'Adele Vance' },
  recipients: recipientIds.map((id) => ({ id, name: id })),
  recipientIds,
  value: { id: value.toLowerCase().replace(/\W+/g, '-'), name: value },
  message: 'Thanks',
  place: { kind: 'groupChat', conversationId: '19:chat' },
  postToChannel: false,
  createdAt: '2027-03-10T09:00:00.000Z',
  givenOn: '2027-03-10',
  celebrations: [],
});

const team = [
  member('megan', 'Megan Bowen', '2027-03-10'),
  member('luke', 'Luke Warm', '2027-02-18'), // exactly 30 days before now: still recent
  member('isaiah', 'Isaiah Langer', '2027-02-17'), // 31 days: not recognised for a while
  member('diego', 'Diego Siciliani'), // never recognised
];

describe('recognition stats of a team', () => {
  test('count the month’s kudos, the team members they reached and who has gone unnoticed', () => {
    const stats = recognitionStats(
      team,
      [
        kudos(['megan'], 'Teamwork'),
        kudos(['megan', 'luke'], 'Ownership'),
        // A kudos shared with someone outside the team counts once, and only the member is recognised.
        kudos(['luke', 'outsider'], 'Teamwork'),
      ],
      now,
    );
    expect(stats).toEqual({
      kudosThisMonth: 3,
      topValues: [
        { name: 'Teamwork', count: 2 },
        { name: 'Ownership', count: 1 },
      ],
      peopleRecognised: 2,
      groupSize: 4,
      notRecognisedIn30Days: ['Diego Siciliani', 'Isaiah Langer'],
    });
  });

  test('show at most three values, most recognised first and ties by name', () => {
    const received = [
      kudos(['megan'], 'Innovation'),
      kudos(['megan'], 'Growth'),
      kudos(['luke'], 'Customer first'),
      kudos(['luke'], 'Customer first'),
      kudos(['diego'], 'Above and beyond'),
      kudos(['diego'], 'Teamwork'),
    ];
    expect(recognitionStats(team, received, now).topValues).toEqual([
      { name: 'Customer first', count: 2 },
      { name: 'Above and beyond', count: 1 },
      { name: 'Growth', count: 1 },
    ]);
  });

  test('a quiet month: no kudos, nobody recognised this month, the long-unnoticed named in order', () => {
    expect(recognitionStats(team, [], now)).toEqual({
      kudosThisMonth: 0,
      topValues: [],
      peopleRecognised: 0,
      groupSize: 4,
      notRecognisedIn30Days: ['Diego Siciliani', 'Isaiah Langer'],
    });
  });

  test('an empty group has nothing to report', () => {
    expect(recognitionStats([], [], now)).toEqual({
      kudosThisMonth: 0,
      topValues: [],
      peopleRecognised: 0,
      groupSize: 0,
      notRecognisedIn30Days: [],
    });
  });
});

describe('the start of the month', () => {
  test.each([
    ['2027-03-20T15:00:00Z', '2027-03-01T00:00:00.000Z'],
    ['2027-03-01T00:00:00Z', '2027-03-01T00:00:00.000Z'],
    ['2027-02-28T23:59:59Z', '2027-02-01T00:00:00.000Z'],
    ['2028-01-01T00:30:00+01:00', '2027-12-01T00:00:00.000Z'], // still December in UTC
  ])('of %s is %s', (at, start) => {
    expect(startOfMonth(new Date(at)).toISOString()).toBe(start);
  });
});
