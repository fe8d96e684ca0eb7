import {
  forgetConfirmCard,
  myDataCard,
  mySettingsCard,
  privacyNoticeCard,
} from '../../../bot/privacy/privacyCards';
import { expandCard } from '../../../bot/teams/cardRender';
import { commandsFor } from '../../../bot/help/commands';
import {
  COMMON_TIME_ZONES,
  erasedNoticeData,
  forgetConfirmCardData,
  myDataCardData,
  mySettingsCardData,
  settingsValuesFrom,
  settingsValuesOf,
  zoneChoices,
} from '../../../bot/privacy/views';
import type { Person } from '../../../core/people';
import type { ErasureReport, MyData } from '../../../core/privacy';
import type { Recognition } from '../../../core/kudos';
import { defaultTenantSettings } from '../../../core/settings';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';

const now = new Date('2027-03-11T09:00:00Z');
const settings = defaultTenantSettings('t', 'UTC');
const alex: Person = {
  tenantId: 't',
  id: 'alex',
  displayName: 'Alex Wilber',
  email: 'alexw@contoso.com',
  managerId: 'diego',
  timeZone: 'Europe/London',
  birthday: '05-14',
  hireDate: '2018-04-09',
  celebrate: { birthday: 'manager', anniversary: 'public' },
  teamIds: ['team'],
  mutedReminders: ['lee'],
  lastRecognisedOn: '2027-03-10',
};

const recognition = (id: string, overrides: Partial<Recognition> = {}): Recognition => ({
  tenantId: 't',
  id,
  giver: { id: 'alex', name: 'Alex Wilber' },
  recipients: [{ id: 'megan', name: 'Megan Bowen' }],
  recipientIds: ['megan'],
  value: { id: 'teamwork', name: 'Teamwork' },
  message: 'Thanks for covering the launch while I was out.',
  place: { kind: 'personal', conversationId: 'a:1' },
  postToChannel: false,
  createdAt: '2027-03-10T09:00:00.000Z',
  givenOn: '2027-03-10',
  celebrations: [],
  ...overrides,
});

const data = (overrides: Partial<MyData> = {}): MyData => ({
  tenantId: 't',
  personId: 'alex',
  person: alex,
  manager: { id: 'diego', name: 'Diego Siciliani' },
  reportCount: 4,
  isAdmin: true,
  kudosGiven: { count: 12, latest: [recognition('k1'), recognition('k2')] },
  kudosReceived: {
    count: 3,
    latest: [
      recognition('k3', {
        giver: { id: 'megan', name: 'Megan Bowen' },
        recipients: [{ id: 'alex', name: 'Alex Wilber' }],
      }),
    ],
  },
  celebrated: 5,
  conversations: 1,
  notesAboutThem: 2,
  forgotten: false,
  ...overrides,
});

function expectValid(card: Record<string, unknown>) {
  expect(cardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
}

type Element = {
  type?: string;
  id?: string;
  value?: string;
  verb?: string;
  choices?: Array<{ value: string }>;
};
function inputs(card: unknown): Element[] {
  const found: Element[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Element;
      if (typeof element.type === 'string' && element.type.startsWith('Input.')) found.push(element);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}
const inputById = (card: unknown, id: string) => inputs(card).find((i) => i.id === id);

describe('my settings card', () => {
  it('renders a person’s settings, the digest only for managers, and never asks for a year', () => {
    for (const isManager of [true, false]) {
      const card = expandCard(
        mySettingsCard,
        mySettingsCardData({ person: alex, values: settingsValuesOf(alex, settings), isManager, now }),
      );
      expectValid(card);
      expect(card.version).toBe('1.5');
      expect(inputById(card, 'birthdayMonth')?.value).toBe('05');
      expect(inputById(card, 'birthdayDay')?.value).toBe('14');
      expect(inputById(card, 'celebrateBirthday')?.value).toBe('manager');
      expect(inputById(card, 'celebrateAnniversary')?.value).toBe('public');
      expect(inputById(card, 'timeZone')?.value).toBe('Europe/London');
      expect(Boolean(inputById(card, 'digestEnabled'))).toBe(isManager);
      expect(inputs(card).map((i) => i.id)).not.toContain('birthdayYear');
      expect(JSON.stringify(card)).not.toMatch(/year"|"id":"birthday"/i);
      const actions = card.actions as Element[];
      expect(actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'saveMySettings' })]);
    }
  });

  it('a refusal comes back in the card with the input kept, including a zone not in the list', () => {
    const values = settingsValuesFrom({
      birthdayMonth: '02',
      birthdayDay: '30',
      celebrateBirthday: 'off',
      celebrateAnniversary: 'manager',
      timeZone: 'Mars/Olympus',
    });
    const card = expandCard(
      mySettingsCard,
      mySettingsCardData({
        person: alex,
        values,
        isManager: false,
        now,
        error: 'There is no 30 February: check the day of your birthday. Nothing was saved.',
      }),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('There is no 30 February');
    expect(inputById(card, 'birthdayMonth')?.value).toBe('02');
    expect(inputById(card, 'birthdayDay')?.value).toBe('30');
    expect(inputById(card, 'celebrateBirthday')?.value).toBe('off');
    expect(inputById(card, 'timeZone')?.value).toBe('Mars/Olympus');
  });

  it('offers the common zones plus the person’s own, with offsets, and shows “Saved”', () => {
    const zones = zoneChoices(['Asia/Kathmandu', 'Not/AZone'], now);
    expect(zones.map((z) => z.value)).toEqual(
      expect.arrayContaining([...COMMON_TIME_ZONES, 'Asia/Kathmandu']),
    );
    expect(zones.map((z) => z.value)).not.toContain('Not/AZone');
    expect(zones.find((z) => z.value === 'Asia/Kathmandu')?.title).toBe('(UTC+05:45) Asia/Kathmandu');
    expect(zones.find((z) => z.value === 'America/New_York')?.title).toBe('(UTC−05:00) America/New_York');
    const card = expandCard(
      mySettingsCard,
      mySettingsCardData({
        person: { ...alex, timeZone: 'Asia/Kathmandu' },
        values: settingsValuesOf({ ...alex, timeZone: 'Asia/Kathmandu' }, settings),
        isManager: true,
        now,
        status: 'Saved: Moments uses these from now on.',
      }),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('Saved: Moments uses these from now on.');
    expect(inputById(card, 'timeZone')?.choices?.map((c) => c.value)).toContain('Asia/Kathmandu');
  });

  it('for someone not in the directory it says saving adds them', () => {
    const card = expandCard(
      mySettingsCard,
      mySettingsCardData({
        person: undefined,
        values: settingsValuesOf(undefined, settings),
        isManager: false,
        now,
      }),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('saving adds you');
    expect(inputById(card, 'timeZone')?.value).toBe('UTC');
  });
});

describe('my data card', () => {
  it('shows the record, kudos, conversations, the notes count and what expires', () => {
    const card = expandCard(myDataCard, myDataCardData(data(), settings));
    expectValid(card);
    const text = JSON.stringify(card);
    for (const expected of [
      '"text":"Alex Wilber"',
      'alexw@contoso.com',
      'Diego Siciliani',
      'Europe/London',
      '05-14 (14 May; no year is kept)',
      '2018-04-09',
      'Manager only: a reminder to my manager, no post',
      'Public: a reminder to my manager and a post in my team’s channel',
      'On: Mondays at 08:00, your time (your organisation’s default)',
      '4 people have you as their manager in Moments.',
      '"text":"12"',
      '"text":"3"',
      '"text":"5"',
      '2027-03-10 · Teamwork · to Megan Bowen: “Thanks for covering the launch while I was out.”',
      '2027-03-10 · Teamwork · from Megan Bowen',
      'Moments keeps 1 conversation reference for you',
      'Moments keeps 2 private notes that other people wrote about you; their text is private to their authors.',
      'expire after 90 days',
      'forget me',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('tells someone who was forgotten what Moments still keeps: a hash of their id', () => {
    const card = expandCard(
      myDataCard,
      myDataCardData(data({ person: undefined, reportCount: 0, forgotten: true }), settings),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('it keeps only a one-way hash of your id');
  });

  it('renders for someone Moments does not know', () => {
    const card = expandCard(
      myDataCard,
      myDataCardData(
        data({
          person: undefined,
          reportCount: 0,
          isAdmin: false,
          kudosGiven: { count: 0, latest: [] },
          kudosReceived: { count: 0, latest: [] },
          celebrated: 0,
          conversations: 0,
          notesAboutThem: 0,
        }),
        settings,
      ),
    );
    expectValid(card);
    expect(JSON.stringify(card)).toContain('Moments has no directory record for you');
    expect(JSON.stringify(card)).toContain('Moments keeps 0 private notes');
    expect(JSON.stringify(card)).not.toContain('You asked Moments to forget you');
  });

  it('user text stays text: markdown, links and template syntax in names and messages', () => {
    const hostile = '**bold** [click](https://evil.example) ${person.email} {"type":"Action.OpenUrl"}';
    const card = expandCard(
      myDataCard,
      myDataCardData(
        data({
          person: { ...alex, displayName: hostile },
          kudosGiven: { count: 1, latest: [recognition('k1', { message: hostile })] },
        }),
        settings,
      ),
    );
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain(`"type":"TextRun","text":${JSON.stringify(hostile)}`);
    expect(text).not.toContain('"type":"Action.OpenUrl"');
    expect(card.actions).toBeUndefined();
  });
});

describe('forget me cards', () => {
  it('the confirmation lists what goes and what stays, with Erase my data and Cancel', () => {
    const card = expandCard(forgetConfirmCard, forgetConfirmCardData(data(), { notesErasable: true }));
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Your directory record');
    expect(text).toContain('Your 5 celebrations on kudos.');
    expect(text).toContain('15 kudos');
    expect(text).toContain('“A former colleague”');
    expect(text).toContain('Moments admins list');
    const actions = card.actions as Element[];
    expect(actions.map((a) => [a.type, a.verb])).toEqual([
      ['Action.Execute', 'forgetMe'],
      ['Action.Execute', 'cancelForgetMe'],
    ]);
  });

  it('the result says what was erased, or that nothing was left', () => {
    const report: ErasureReport = {
      personRecord: true,
      personalChat: true,
      kudosGiven: 12,
      kudosReceived: 3,
      celebrations: 5,
      reportsUnlinked: 4,
      mutesCleared: 1,
      notes: { written: 2, aboutThem: 1 },
    };
    const card = expandCard(privacyNoticeCard, erasedNoticeData(report));
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Your data was erased from Moments');
    expect(text).toContain('To use it again, type “my settings” here.');
    expect(text).toContain('Your name on 12 kudos you gave and 3 you received');
    expect(text).toContain('You as manager on 4 people’s records.');
    expect(text).toContain('2 notes you wrote and 1 note about you.');
    const none = expandCard(
      privacyNoticeCard,
      erasedNoticeData({
        personRecord: false,
        personalChat: false,
        kudosGiven: 0,
        kudosReceived: 0,
        celebrations: 0,
        reportsUnlinked: 0,
        mutesCleared: 0,
      }),
    );
    expectValid(none);
    expect(JSON.stringify(none)).toContain('There was nothing left to erase');
  });
});

describe('commands', () => {
  it('the three commands are listed under “Your data” in the personal chat only', () => {
    const personal = commandsFor('personal').find((s) => s.title === 'Your data');
    expect(personal?.commands.map((c) => c.command)).toEqual(['my settings', 'my data', 'forget me']);
    expect(commandsFor('channel').find((s) => s.title === 'Your data')).toBeUndefined();
    expect(commandsFor('groupChat').find((s) => s.title === 'Your data')).toBeUndefined();
  });
});
