import { ConversationBook, type ConversationRecord, type OutboundMessage } from '../../../core/delivery';
import { CELEBRATION_VALUE, fanOutRecognition, type Recognition } from '../../../core/kudos';
import type { Person } from '../../../core/people';
import { defaultTenantSettings, type TenantSettings } from '../../../core/settings';
import { recognitionMessages } from '../../../bot/kudos/recognitionMessages';
import { startFakeConnector, type FakeConnector } from '../../support/fakeConnector';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness, type BotHarness } from '../../support/botHarness';
import {
  MemoryConversationStore,
  MemoryDeliveryLedger,
  MemoryPeopleDirectory,
  MemorySettingsStore,
  RecordingLogger,
} from '../../support/fakes';

// Kudos speak each reader's language: the giver's answers in the turn's, what many read (the
// recognition card, in the channel and in the conversation) in the tenant's default, and each
// notice in its reader's own. The German and Japanese catalogues are not translated yet, so
// these stand in for what they will hold; lists and numbers follow the language already.
jest.mock('../../../bot/i18n/catalogues/de.json', () => ({ 'command.kudos': 'lob' }));
jest.mock('../../../bot/i18n/catalogues/ja.json', () => ({
  'kudos.notice.recipient': '{giver}さんが{value}であなたを称えました：「{message}」',
  'kudos.value.celebration': 'お祝い',
}));

const T = 'tenant-languages';
const person = (id: string, displayName: string, more: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName,
  celebrate: {},
  ...more,
});
const LEE = person('lee', 'Lee Gu', { locale: 'ja-JP', timeZone: 'Asia/Tokyo' });
const people = [
  person('alex', 'Alex Wilber', { locale: 'en-GB' }),
  // Teams reports Megan's client in Japanese; Adele has no locale yet: the tenant's language.
  person('megan', 'Megan Bowen', { locale: 'ja-JP', managerId: LEE.id, timeZone: 'Asia/Tokyo' }),
  person('adele', 'Adele Vance', { managerId: LEE.id }),
  LEE,
];

const recognition: Recognition = {
  tenantId: T,
  id: 'kudos-languages',
  giver: { id: 'alex', name: 'Alex Wilber' },
  recipients: [
    { id: 'megan', name: 'Megan Bowen' },
    { id: 'adele', name: 'Adele Vance' },
  ],
  recipientIds: ['megan', 'adele'],
  value: { id: 'teamwork', name: 'Teamwork' },
  message: 'Thanks for covering the launch',
  place: { kind: 'channel', conversationId: '19:general', teamId: '19:team', channelId: '19:general' },
  postToChannel: true,
  createdAt: '2027-03-11T09:00:00.000Z',
  givenOn: '2027-03-11',
  celebrations: [],
};

/** Fans `recognition` out in a tenant whose default language is German; returns what arrived where. */
async function fanOutInGermanTenant(): Promise<Map<string, OutboundMessage>> {
  const settings = new MemorySettingsStore();
  const tenant: TenantSettings = { ...defaultTenantSettings(T, 'Europe/Berlin'), defaultLanguage: 'de' };
  await settings.saveTenant(tenant);
  await settings.saveTeam({ tenantId: T, teamId: '19:team', recognitionChannelId: '19:kudos' });
  const logger = new RecordingLogger();
  const conversations = new ConversationBook(new MemoryConversationStore(), logger);
  const at = new Date('2027-03-01T00:00:00Z');
  const chat = (userId: string) => ({
    tenantId: T,
    id: `personal:${userId}`,
    kind: 'personal' as const,
    conversationId: `a:${userId}`,
    userId,
    reference: {},
  });
  await conversations.remember(
    {
      tenantId: T,
      id: 'channel:19:kudos',
      kind: 'channel',
      conversationId: '19:kudos',
      channelId: '19:kudos',
      teamId: '19:team',
      reference: {},
    },
    at,
  );
  for (const id of ['megan', 'adele', 'lee']) await conversations.remember(chat(id), at);
  const arrived = new Map<string, OutboundMessage>();
  await fanOutRecognition(
    {
      conversations,
      people: new MemoryPeopleDirectory(people),
      settings,
      deliveries: new MemoryDeliveryLedger(),
      messenger: {
        send: async (conversation: ConversationRecord, message: OutboundMessage) => {
          arrived.set(conversation.id, message);
          return { ok: true };
        },
      },
      messages: recognitionMessages,
      logger,
    },
    recognition,
    new Date('2027-03-11T09:00:00Z'),
  );
  return arrived;
}

describe('a recognition’s follow-on messages', () => {
  let arrived: Map<string, OutboundMessage>;
  beforeAll(async () => {
    arrived = await fanOutInGermanTenant();
  });

  it('post the channel card in the tenant’s default language', () => {
    const post = arrived.get('channel:19:kudos');
    expect(JSON.stringify(post?.card)).toContain('"text":"Megan Bowen und Adele Vance"');
    expect(post?.summary).toBe('Alex Wilber recognised Megan Bowen und Adele Vance');
  });

  it('tell a recipient whose Teams is in Japanese in Japanese, and one with no locale in the tenant’s', () => {
    expect(arrived.get('personal:megan')?.text).toBe(
      'Alex WilberさんがTeamworkであなたを称えました：「Thanks for covering the launch」',
    );
    expect(arrived.get('personal:adele')?.text).toBe(
      'Alex Wilber recognised you for Teamwork: “Thanks for covering the launch”',
    );
  });

  it('name company values as the admins entered them, and the built-in value of wishes in the reader’s language', () => {
    const wishes = { ...recognition, value: { ...CELEBRATION_VALUE }, message: 'Happy birthday!' };
    const inJapanese = { language: 'ja', timeZone: 'Asia/Tokyo' } as const;
    expect(recognitionMessages.recipientNotice(wishes, wishes.recipients[0]!, inJapanese).text).toBe(
      'Alex Wilberさんがお祝いであなたを称えました：「Happy birthday!」',
    );
    const named = { ...wishes, value: { id: 'celebration', name: 'Team celebration' } };
    expect(recognitionMessages.recipientNotice(named, named.recipients[0]!, inJapanese).text).toContain(
      'Team celebration',
    );
  });

  it('write the manager copy in the manager’s language, lists and all', () => {
    const notice = arrived.get('personal:lee');
    expect(JSON.stringify(notice?.card)).toContain('"text":"Megan Bowen、Adele Vance"');
    expect(notice?.summary).toBe('Alex Wilber recognised Megan Bowen、Adele Vance for Teamwork');
  });
});

describe('kudos given in a turn', () => {
  let connector: FakeConnector;
  let harness: BotHarness;
  beforeAll(async () => {
    connector = await startFakeConnector({
      limits: false,
      members: [{ id: '29:meganb', name: MEGAN.displayName, aadObjectId: MEGAN.id }],
    });
  });
  afterAll(async () => connector.close());
  beforeEach(async () => {
    harness = startBotHarness({ serviceUrl: connector.url });
    await harness.stores.people.save({ ...LEE, tenantId: HARNESS_TENANT, locale: 'en-GB' });
    const settings = await harness.stores.settings.tenant(HARNESS_TENANT);
    await harness.stores.settings.saveTenant({ ...settings!, defaultLanguage: 'ja' });
  });
  afterEach(async () => harness.background.drain());

  /** Alex, whose Teams client is in German. */
  const alexInGerman: Person = { ...ALEX, locale: 'de-DE' };
  const stored = () => [...harness.stores.recognitions.recognitions.values()];
  const sentCards = (from: number) =>
    connector
      .received()
      .slice(from)
      .map((a) => JSON.stringify(a.attachments));

  it('answer the giver in their language, and post the card for everyone in the tenant’s', async () => {
    const before = connector.received().length;
    const submission = {
      submissionId: 'f0f0f0f0-0000-4000-8000-0000000001a1',
      recipients: `${MEGAN.id},${LEE.id}`,
      value: 'teamwork',
      message: 'Thanks for the launch',
      postToChannel: 'false',
    };
    const { body } = await harness.execute('sendKudos', submission, 'personal', alexInGerman);
    const answer = JSON.stringify(body);
    expect(answer).toContain('"text":"Megan Bowen und Lee Gu"');
    expect(answer).toContain('Kudos sent');
    expect(sentCards(before)).toEqual([expect.stringContaining('"text":"Megan Bowen、Lee Gu"')]);
  });

  it('refuse in the giver’s language, numbers included', async () => {
    const submission = {
      submissionId: 'f0f0f0f0-0000-4000-8000-0000000001a2',
      recipients: MEGAN.id,
      value: 'teamwork',
      message: 'x'.repeat(1234),
      postToChannel: 'false',
    };
    const { body } = await harness.execute('sendKudos', submission, 'personal', alexInGerman);
    expect(JSON.stringify(body)).toContain('Keep the message to 500 characters; it has 1.234.');
    expect(stored()).toEqual([]);
  });

  const oneLine = (command: string) => ({
    type: 'message',
    text: `<at>Moments</at> ${command} <at>Megan Bowen</at> #teamwork thanks for the launch plan`,
    entities: [
      { type: 'mention', text: '<at>Moments</at>', mentioned: { id: '28:moments', name: 'Moments' } },
      { type: 'mention', text: '<at>Megan Bowen</at>', mentioned: { id: '29:meganb', name: 'Megan Bowen' } },
    ],
  });

  it.each([
    ['the English command word', 'kudos', ALEX],
    ['the English word from a German client', 'Kudos', alexInGerman],
    ['a German command word', 'lob', alexInGerman],
    ['a German command word from an English client', 'LOB', ALEX],
  ])('in one line work with %s', async (_, word, from) => {
    const before = connector.received().length;
    await harness.post(oneLine(word), 'channel', from);
    expect(stored()).toMatchObject([
      { recipientIds: [MEGAN.id], value: { id: 'teamwork' }, message: 'thanks for the launch plan' },
    ]);
    // Answered with the recognition card in the conversation.
    expect(sentCards(before).join()).toContain('"text":"Megan Bowen"');
  });
});
