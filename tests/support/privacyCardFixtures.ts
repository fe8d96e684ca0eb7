// What the privacy cards' tests share: Alex's record and data as "my data" reads them, and
// checks of a rendered card (valid, within Teams' size limit) and of its inputs.
import type { Person } from '../../core/people';
import type { MyData } from '../../core/privacy';
import type { Recognition } from '../../core/kudos';
import { defaultTenantSettings } from '../../core/settings';
import { cardBytes, cardProblems, LIMITS } from './cardCheck';

export const now = new Date('2027-03-11T09:00:00Z');
export const settings = defaultTenantSettings('t', 'UTC');
export const alex: Person = {
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

export const recognition = (id: string, overrides: Partial<Recognition> = {}): Recognition => ({
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

/** Alex's data as "my data" reads it: a manager and admin with kudos both ways. */
export const data = (overrides: Partial<MyData> = {}): MyData => ({
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

/** The card has no parser or validation problem and fits in a bot message. */
export function expectValid(card: Record<string, unknown>) {
  expect(cardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
}

export type Element = {
  type?: string;
  id?: string;
  value?: string;
  verb?: string;
  style?: string;
  choices?: Array<{ value: string }>;
};

/** Every input of the card, however deeply nested. */
export function inputs(card: unknown): Element[] {
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

/** The input with this id. */
export const inputById = (card: unknown, id: string) => inputs(card).find((i) => i.id === id);
