import { translatorFor } from '../../bot/i18n/translator';
import { expandCard } from '../../bot/teams/cardRender';
import { helpCard } from '../../bot/help/helpCard';
import {
  kudosFormCard,
  kudosSentCard,
  recognitionCard,
  type KudosFormData,
} from '../../bot/kudos/kudosCards';
import { commandsFor } from '../../bot/help/commands';
import { recognitionCardData } from '../../bot/kudos/recognitionView';
import { recognitionMessages } from '../../bot/kudos/recognitionMessages';
import { kudosFormTexts } from '../../bot/kudos/form';
import type { Recognition } from '../../core/kudos';
import { failureCard, failureCardData } from '../../bot/teams/turnFailure';
import { cardBytes, cardProblems, LIMITS } from '../support/cardCheck';

const recognition = (overrides: Partial<Recognition> = {}): Recognition => ({
  tenantId: 't',
  id: 'kudos-1',
  giver: { id: 'alex', name: 'Alex Wilber' },
  recipients: [
    { id: 'megan', name: 'Megan Bowen' },
    { id: 'adele', name: 'Adele Vance' },
  ],
  recipientIds: ['megan', 'adele'],
  value: { id: 'teamwork', name: 'Teamwork' },
  message: 'Thanks for covering the launch while I was out: the customer call went perfectly.',
  place: { kind: 'channel', conversationId: '19:general', teamId: '19:team', channelId: '19:general' },
  postToChannel: true,
  createdAt: '2027-03-11T09:00:00.000Z',
  givenOn: '2027-03-11',
  celebrations: [],
  ...overrides,
});

const en = translatorFor('en');
const english = { language: 'en', timeZone: 'UTC' } as const;

const form = (overrides: Partial<KudosFormData> = {}): KudosFormData => ({
  mode: 'task',
  texts: kudosFormTexts(en),
  submissionId: '6f1d2c3b-0000-4000-8000-000000000001',
  people: [
    { title: 'Adele Vance', value: 'adele' },
    { title: 'Megan Bowen', value: 'megan' },
  ],
  recipients: 'megan',
  values: [
    { title: 'Teamwork', value: 'teamwork' },
    { title: 'Customer first', value: 'customer-first' },
  ],
  value: 'teamwork',
  message: 'Great work on the launch',
  offerChannel: true,
  postToChannel: 'true',
  offerManagerMaySee: true,
  managerMaySee: 'true',
  quote: en.runs('kudos.quote', { author: 'Megan Bowen', text: 'The release is out!' }),
  quoteAuthor: 'Megan Bowen',
  quoteText: 'The release is out!',
  reminderId: '',
  error: '',
  ...overrides,
});

function expectValid(card: Record<string, unknown>, limit = LIMITS.botMessage) {
  expect(cardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(limit);
}

describe('card templates', () => {
  it('help card renders for every kind of conversation', () => {
    for (const kind of ['personal', 'groupChat', 'channel'] as const) {
      const card = expandCard(helpCard, {
        title: 'What Moments can do',
        intro: 'Type a command.',
        sections: commandsFor(kind, translatorFor('en')),
        footer: 'Moments',
      });
      expectValid(card);
      expect(JSON.stringify(card)).toContain('help');
    }
  });

  it('kudos form renders in a task module and in chat, with and without an error and a quote', () => {
    for (const data of [
      form(),
      form({ mode: 'chat', error: 'Add a message: say what they did and why it mattered.' }),
      form({ quote: [], quoteAuthor: '', quoteText: '', offerChannel: false }),
      form({
        mode: 'chat',
        reminderId: 'birthday:2027-03-14:megan:alex',
        value: '',
        quote: [],
        quoteAuthor: '',
        quoteText: '',
      }),
    ]) {
      const card = expandCard(kudosFormCard, data);
      expectValid(card);
      const actions = card.actions as Array<{ type: string }>;
      expect(actions).toHaveLength(1);
      expect(actions[0]?.type).toBe(data.mode === 'task' ? 'Action.Submit' : 'Action.Execute');
    }
  });

  it('the form shows the error and keeps every input the giver typed', () => {
    const card = JSON.stringify(
      expandCard(kudosFormCard, form({ error: 'Keep the message to 500 characters; it has 612.' })),
    );
    expect(card).toContain('Keep the message to 500 characters; it has 612.');
    expect(card).toContain('"value":"Great work on the launch"');
    expect(card).toContain('"value":"megan"');
  });

  it('recognition card fits a message-extension result even with 10 recipients, a long message and 60 celebrations', () => {
    const many = recognition({
      recipients: Array.from({ length: 10 }, (_, i) => ({
        id: `p${i}`,
        name: `Person Number ${i} With A Long Name`,
      })),
      message: 'é'.repeat(500),
      quote: { author: 'Megan Bowen', text: 'q'.repeat(280) },
      celebrations: Array.from({ length: 60 }, (_, i) => ({
        id: `c${i}`,
        name: `Celebrant ${i}`,
        at: '2027-03-11T10:00:00Z',
      })),
    });
    const card = expandCard(recognitionCard, recognitionCardData(many, en));
    expectValid(card, LIMITS.messageExtensionResult);
    expect(JSON.stringify(card)).toContain(
      '🎉 60 · celebrated by Celebrant 0, Celebrant 1, Celebrant 2 and 57 others',
    );
  });

  it('user text stays text: markdown, links, HTML and template syntax never become card structure', () => {
    const hostile = recognition({
      message: '**bold** [click](https://evil.example) <b>html</b> ${giverName} {"type":"Action.OpenUrl"}',
      giver: { id: 'alex', name: '[Alex](https://evil.example)' },
    });
    const card = expandCard(recognitionCard, recognitionCardData(hostile, en));
    expectValid(card);
    const runs = JSON.stringify(card);
    // Shown as TextRuns, which Adaptive Cards never read as markdown, and bound as data, never expanded.
    expect(runs).toContain(
      '"type":"TextRun","text":"**bold** [click](https://evil.example) <b>html</b> ${giverName}',
    );
    expect((card.actions as unknown[]).length).toBe(1);
    expect(runs).not.toContain('"type":"Action.OpenUrl"');
  });

  it('kudos-sent card renders', () => {
    expectValid(
      expandCard(kudosSentCard, {
        title: en.text('kudos.sent.title'),
        text: en.runs('kudos.sent.text', { names: 'Megan Bowen', value: 'Teamwork', where: 'chat' }),
      }),
    );
  });

  it('the manager copy says who, for which value, for which reports, and the message as typed', () => {
    const hostile = recognition({
      message: '**bold** [click](https://evil.example) <b>html</b> ${giverName}',
      giver: { id: 'alex', name: '[Alex](https://evil.example)' },
    });
    const notice = recognitionMessages.managerNotice(hostile, hostile.recipients, english);
    const card = notice.card ?? {};
    expectValid(card);
    expect(notice.summary).toBe(
      '[Alex](https://evil.example) recognised Megan Bowen and Adele Vance for Teamwork',
    );
    const runs = JSON.stringify(card);
    expect(runs).toContain('"type":"TextRun","text":"[Alex](https://evil.example)"');
    expect(runs).toContain('"type":"TextRun","text":"Megan Bowen and Adele Vance"');
    expect(runs).toContain('"type":"TextRun","text":"Teamwork"');
    // The message in a TextRun (never read as markdown), bound as data, never expanded.
    expect(runs).toContain(
      '"type":"TextRun","text":"**bold** [click](https://evil.example) <b>html</b> ${giverName}"',
    );
    expect(notice.text).toBeUndefined();
  });

  it('the manager copy of kudos given in a chat, not posted to a channel, leaves the words out', () => {
    const inChat = recognition({
      place: { kind: 'groupChat', conversationId: '19:chat' },
      postToChannel: false,
      message: 'Between us: you saved the launch.',
    });
    const card = recognitionMessages.managerNotice(inChat, [inChat.recipients[0]!], english).card ?? {};
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain('"type":"TextRun","text":"Megan Bowen"');
    expect(text).not.toContain('you saved the launch');
    expect(text).toContain('Given in a chat: the message stays with the people there.');
    // Posted to the team's recognition channel by its giver: the words may travel.
    const posted = recognitionMessages.managerNotice(
      { ...inChat, postToChannel: true },
      inChat.recipients,
      english,
    );
    expect(JSON.stringify(posted.card)).toContain('Between us: you saved the launch.');
  });

  it('the failure card says what to do and shows the reference literally', () => {
    const card = expandCard(failureCard, failureCardData(en, '**f00d**'));
    expectValid(card);
    expect(JSON.stringify(card)).toContain('{"type":"TextRun","text":"Reference: **f00d**","isSubtle":true}');
  });

  it('a missing field fails loudly instead of showing ${…} to users', () => {
    expect(() => expandCard(kudosSentCard, { title: 'Kudos sent' } as never)).toThrow(
      /did not expand cleanly/,
    );
  });
});
