import {
  recognitionStats,
  startOfMonth,
  statsFor,
  statsView,
  type Recognition,
  type StatsConversation,
} from '../../../core/kudos';
import type { Person } from '../../../core/people';
import { MemoryPeopleDirectory, MemoryRecognitionStore } from '../../support/fakes';

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
      notRecognisedCount: 2,
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
      notRecognisedCount: 2,
      notRecognisedIn30Days: ['Diego Siciliani', 'Isaiah Langer'],
    });
  });

  test('an empty group has nothing to report', () => {
    expect(recognitionStats([], [], now)).toEqual({
      kudosThisMonth: 0,
      topValues: [],
      peopleRecognised: 0,
      groupSize: 0,
      notRecognisedCount: 0,
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

describe('who sees which names in stats', () => {
  test.each<[StatsConversation, { isAdmin: boolean; hasReports: boolean }, string]>([
    ['channel', { isAdmin: true, hasReports: true }, 'conversation, numbers only'],
    ['groupChat', { isAdmin: true, hasReports: true }, 'conversation, numbers only'],
    ['channel', { isAdmin: false, hasReports: false }, 'conversation, numbers only'],
    ['personal', { isAdmin: true, hasReports: true }, 'organisation, with names'],
    ['personal', { isAdmin: true, hasReports: false }, 'organisation, with names'],
    ['personal', { isAdmin: false, hasReports: true }, 'reports, with names'],
    ['personal', { isAdmin: false, hasReports: false }, 'organisation, numbers only'],
  ])('in a %s, for %j: %s', (conversation, caller, expected) => {
    const view = statsView(conversation, caller);
    expect(`${view.scope}, ${view.names ? 'with names' : 'numbers only'}`).toBe(expected);
  });
});

describe('stats as each caller sees them', () => {
  // Alex manages Megan, Luke, Isaiah and Diego; Adele (an admin) manages nobody; Lee is in
  // another team, never recognised.
  const people = [
    ...team.map((m) => ({ ...m, managerId: 'alex' })),
    member('alex', 'Alex Wilber', '2027-03-12'),
    member('adele', 'Adele Vance', '2027-03-01'),
    member('lee', 'Lee Gu'),
  ];
  const setup = async () => {
    const recognitions = new MemoryRecognitionStore();
    await recognitions.create(kudos(['megan'], 'Teamwork'));
    await recognitions.create(kudos(['alex', 'luke'], 'Ownership'));
    return { people: new MemoryPeopleDirectory(people), recognitions };
  };
  const ask = async (
    conversation: StatsConversation,
    callerId: string,
    isAdmin = false,
    memberIds = ['megan', 'luke', 'isaiah', 'diego', 'alex'],
  ) =>
    statsFor(
      await setup(),
      { tenantId: T, callerId, conversation, isAdmin, memberIds: async () => memberIds },
      now,
    );

  test.each<StatsConversation>(['channel', 'groupChat'])(
    'in a %s: the members’ numbers, and no name even for their manager or an admin',
    async (conversation) => {
      for (const [callerId, isAdmin] of [
        ['alex', false],
        ['adele', true],
        ['lee', false],
      ] as const) {
        const answer = await ask(conversation, callerId, isAdmin);
        expect(answer).toEqual({
          scope: 'conversation',
          names: false,
          stats: {
            kudosThisMonth: 2,
            topValues: [
              { name: 'Ownership', count: 1 },
              { name: 'Teamwork', count: 1 },
            ],
            peopleRecognised: 3,
            groupSize: 5,
            notRecognisedCount: 2,
            notRecognisedIn30Days: [],
          },
        });
      }
    },
  );

  test('in a personal chat, a manager sees their own reports, with names', async () => {
    const answer = await ask('personal', 'alex');
    expect(answer.scope).toBe('reports');
    expect(answer.stats).toMatchObject({
      groupSize: 4,
      peopleRecognised: 2,
      notRecognisedCount: 2,
      notRecognisedIn30Days: ['Diego Siciliani', 'Isaiah Langer'],
    });
  });

  test('in a personal chat, an admin sees the organisation, with names', async () => {
    const answer = await ask('personal', 'adele', true);
    expect(answer).toEqual({
      scope: 'organisation',
      names: true,
      stats: {
        kudosThisMonth: 2,
        topValues: [
          { name: 'Ownership', count: 1 },
          { name: 'Teamwork', count: 1 },
        ],
        peopleRecognised: 3,
        groupSize: 7,
        notRecognisedCount: 3,
        notRecognisedIn30Days: ['Diego Siciliani', 'Isaiah Langer', 'Lee Gu'],
      },
    });
  });

  test('in a personal chat, anyone else sees the organisation’s numbers and no name', async () => {
    const answer = await ask('personal', 'lee');
    expect(answer).toMatchObject({ scope: 'organisation', names: false });
    expect(answer.stats).toMatchObject({ groupSize: 7, notRecognisedCount: 3, notRecognisedIn30Days: [] });
  });
});
