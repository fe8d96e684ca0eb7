import type { DeliverySubject } from '../../../core/delivery';
import type { Recognition } from '../../../core/kudos';
import { MAX_PAYLOAD_CHARS } from '../../../bot/teams/payload';
import { translatorFor } from '../../../bot/i18n/translator';
import { NOT_SENT_TO_YOU } from '../../../bot/milestones/wording';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness, type BotHarness } from '../../support/botHarness';

// Forged and malformed kudos payloads, through the real bot (in the personal chat, where the
// form offers the directory and no roster is read): each gets the refusal a giver would
// see and stores nothing; the same payload made right does what it says.
const UNREADABLE_FORM = translatorFor('en').text('kudos.form.unreadable');
const UNREADABLE_MESSAGE = translatorFor('en').text('kudos.form.unreadableMessage');

let harness: BotHarness;
beforeEach(() => {
  harness = startBotHarness();
});

const text = (value: unknown) => JSON.stringify(value);
const storedKudos = () => [...harness.stores.recognitions.recognitions.values()];

const goodSubmission = {
  submissionId: 'f0f0f0f0-0000-4000-8000-000000000001',
  recipients: MEGAN.id,
  value: 'teamwork',
  message: 'Thanks for covering the launch',
  postToChannel: 'false',
};

const forgedSubmissions: Array<[string, unknown]> = [
  ['recipients that are not text', { ...goodSubmission, recipients: [MEGAN.id] }],
  ['a value that is an object', { ...goodSubmission, value: { id: 'teamwork' } }],
  ['a message that is a number', { ...goodSubmission, message: 42 }],
  ['a toggle that is neither on nor off', { ...goodSubmission, postToChannel: 'yes please' }],
  ['a huge message', { ...goodSubmission, message: 'x'.repeat(5000) }],
  ['a huge quote', { ...goodSubmission, quoteAuthor: 'Megan', quoteText: 'q'.repeat(2000) }],
  ['a payload over the size bound', { ...goodSubmission, padding: 'p'.repeat(MAX_PAYLOAD_CHARS) }],
  ['no object at all', 'sendKudos'],
];

describe('sendKudos from the message extension (composeExtension/submitAction)', () => {
  const submit = (data: unknown) =>
    harness.invoke('composeExtension/submitAction', { commandId: 'sendKudos', data });

  it.each(forgedSubmissions)('refuses %s in the form and stores nothing', async (_, data) => {
    const { body } = await submit(data);
    expect(text(body)).toContain(UNREADABLE_FORM);
    expect(text(body)).toContain('Send kudos');
    expect(text(body)).not.toContain('xxxxxxxxxx');
    expect(storedKudos()).toEqual([]);
  });

  it('refuses missing fields with core’s own explanation, and stores the same kudos made right', async () => {
    const missing = await submit({ submissionId: goodSubmission.submissionId, recipients: MEGAN.id });
    expect(text(missing.body)).toContain('Add a message: say what they did and why it mattered.');
    expect(storedKudos()).toEqual([]);
    const { body } = await submit(goodSubmission);
    expect(text(body)).toContain('"type":"result"');
    expect(storedKudos()).toMatchObject([
      { giver: { id: ALEX.id }, recipientIds: [MEGAN.id], message: goodSubmission.message },
    ]);
  });
});

describe('sendKudos from the chat form (Action.Execute)', () => {
  it.each(forgedSubmissions)('refuses %s in the form and stores nothing', async (_, data) => {
    const { body } = await harness.execute('sendKudos', data);
    expect(text(body)).toContain(UNREADABLE_FORM);
    expect(storedKudos()).toEqual([]);
  });

  it('stores “Let their manager see this” as ticked, on when the form did not send it', async () => {
    await harness.execute('sendKudos', { ...goodSubmission, managerMaySee: 'false' });
    await harness.execute('sendKudos', {
      ...goodSubmission,
      submissionId: 'f0f0f0f0-0000-4000-8000-000000000002',
    });
    const bySubmission = Object.fromEntries(storedKudos().map((k) => [k.id, k.managerMaySee]));
    expect(bySubmission).toEqual({
      'kudos-f0f0f0f0-0000-4000-8000-000000000001': false,
      'kudos-f0f0f0f0-0000-4000-8000-000000000002': true,
    });
    const forged = await harness.execute('sendKudos', { ...goodSubmission, managerMaySee: 'maybe' });
    expect(text(forged.body)).toContain(UNREADABLE_FORM);
  });
});

describe('sendKudos dialog opening (composeExtension/fetchTask)', () => {
  const open = (messagePayload: unknown) =>
    harness.invoke('composeExtension/fetchTask', {
      commandId: 'sendKudos',
      commandContext: 'message',
      messagePayload,
    });

  it.each([
    ['an author id that is a number', { from: { user: { id: 42, displayName: 'Megan' } } }],
    ['a body that is not text', { body: { content: ['<p>hi</p>'] } }],
    ['a huge message body', { body: { content: `<p>${'b'.repeat(70_000)}</p>` } }],
  ])('opens an empty form that says why for %s, and adds nobody', async (_, messagePayload) => {
    const { body } = await open({ id: '1', ...(messagePayload as object) });
    expect(text(body)).toContain(UNREADABLE_MESSAGE);
    expect(text(body)).not.toContain('bbbbbbbbbb');
    expect(await harness.stores.people.count(HARNESS_TENANT)).toBe(2);
  });

  it('quotes a well-formed message and prefills its author', async () => {
    const { body } = await open({
      id: '1',
      from: { user: { id: MEGAN.id, displayName: MEGAN.displayName }, application: null },
      body: { contentType: 'html', content: '<p>The release is out</p>' },
    });
    expect(text(body)).not.toContain(UNREADABLE_MESSAGE);
    expect(text(body)).toContain('The release is out');
  });
});

describe('sendWishes and celebrate (Action.Execute)', () => {
  const reminder = {
    type: 'reminder',
    personId: MEGAN.id,
    kind: 'birthday',
    date: '2027-03-14',
    occursOn: '2027-03-14',
  } as const;
  const digest: DeliverySubject = { type: 'digest', managerId: ALEX.id, personIds: [MEGAN.id] };

  it.each([
    ['a person id that is an object', { personId: { $ne: '' }, kind: 'birthday' }],
    ['a huge person id', { personId: 'i'.repeat(10_000), kind: 'birthday' }],
    ['no person', { kind: 'birthday' }],
    ['a person and kind but no delivery', { personId: MEGAN.id, kind: 'birthday' }],
    ['a delivery id that is a list', { deliveryId: ['reminder-1'] }],
  ])('sendWishes with %s is refused as not sent to the caller, and stores nothing', async (_, data) => {
    const { body } = await harness.execute('sendWishes', data);
    expect(text(body)).toContain(NOT_SENT_TO_YOU);
    expect(text(body)).not.toContain('Send kudos');
    expect(storedKudos()).toEqual([]);
  });

  it('sendWishes on a reminder or digest sent to someone else is refused, and opens no form', async () => {
    await harness.delivered({ id: 'reminder-1', kind: 'reminder', recipientId: ALEX.id, subject: reminder });
    await harness.delivered({ id: 'digest-1', kind: 'digest', recipientId: ALEX.id, subject: digest });
    for (const data of [{ deliveryId: 'reminder-1' }, { deliveryId: 'digest-1', personId: MEGAN.id }]) {
      const { body } = await harness.execute('sendWishes', data, 'personal', MEGAN);
      expect(text(body)).toContain(NOT_SENT_TO_YOU);
      expect(text(body)).not.toContain('Send kudos');
    }
    expect(storedKudos()).toEqual([]);
  });

  it('sendWishes on a digest refuses a person the digest did not list', async () => {
    await harness.delivered({
      id: 'digest-1',
      kind: 'digest',
      recipientId: ALEX.id,
      subject: { type: 'digest', managerId: ALEX.id, personIds: ['someone-else'] },
    });
    const { body } = await harness.execute('sendWishes', { deliveryId: 'digest-1', personId: MEGAN.id });
    expect(text(body)).toContain(NOT_SENT_TO_YOU);
    expect(storedKudos()).toEqual([]);
  });

  it.each([
    ['a recognition id that is a list', { recognitionId: ['kudos-1'] }],
    ['a huge recognition id', { recognitionId: `kudos-1${'r'.repeat(10_000)}` }],
  ])('celebrate with %s is refused and the kudos keep their celebrations', async (_, data) => {
    const kudos: Recognition = {
      tenantId: HARNESS_TENANT,
      id: 'kudos-1',
      giver: { id: MEGAN.id, name: MEGAN.displayName },
      recipients: [{ id: ALEX.id, name: ALEX.displayName }],
      recipientIds: [ALEX.id],
      value: { id: 'teamwork', name: 'Teamwork' },
      message: 'Thank you',
      place: { kind: 'groupChat', conversationId: '19:launch-crew@thread.v2' },
      postToChannel: false,
      createdAt: '2027-03-09T09:00:00.000Z',
      givenOn: '2027-03-09',
      celebrations: [],
    };
    await harness.stores.recognitions.create(kudos);
    const { body } = await harness.execute('celebrate', data, 'groupChat');
    expect(body).toMatchObject({ value: 'These kudos are no longer available.' });
    expect(await harness.stores.recognitions.get(HARNESS_TENANT, 'kudos-1')).toEqual(kudos);
  });

  it('celebrate on kudos of another tenant is refused, and those kudos keep their celebrations', async () => {
    const elsewhere: Recognition = {
      tenantId: 'tenant-elsewhere',
      id: 'kudos-elsewhere',
      giver: { id: 'giver', name: 'Giver' },
      recipients: [{ id: 'recipient', name: 'Recipient' }],
      recipientIds: ['recipient'],
      value: { id: 'teamwork', name: 'Teamwork' },
      message: 'Thank you',
      place: { kind: 'groupChat', conversationId: '19:elsewhere@thread.v2' },
      postToChannel: false,
      createdAt: '2027-03-09T09:00:00.000Z',
      givenOn: '2027-03-09',
      celebrations: [],
    };
    await harness.stores.recognitions.create(elsewhere);
    const { body } = await harness.execute('celebrate', { recognitionId: elsewhere.id }, 'groupChat');
    expect(body).toMatchObject({ value: 'These kudos are no longer available.' });
    expect(await harness.stores.recognitions.get('tenant-elsewhere', elsewhere.id)).toEqual(elsewhere);
  });
});
