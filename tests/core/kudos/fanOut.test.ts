import {
  ConversationBook,
  type ConversationRecord,
  type Messenger,
  type MessengerResult,
  type OutboundMessage,
} from '../../../core/delivery';
import {
  fanOutRecognition,
  recognitionChannelFor,
  type Recognition,
  type RecognitionMessages,
} from '../../../core/kudos';
import type { Person } from '../../../core/people';
import { defaultTenantSettings } from '../../../core/settings';
import {
  MemoryConversationStore,
  MemoryDeliveryLedger,
  MemoryPeopleDirectory,
  MemorySettingsStore,
  RecordingLogger,
} from '../../support/fakes';

const T = 'tenant-a';
const TEAM = '19:team';
const KUDOS_CHANNEL = '19:kudos';
const now = new Date('2027-03-11T09:00:00Z');

const recognition = (overrides: Partial<Recognition> = {}): Recognition => ({
  tenantId: T,
  id: 'rec-1',
  giver: { id: 'alex', name: 'Alex Wilber' },
  recipients: [
    { id: 'megan', name: 'Megan Bowen' },
    { id: 'adele', name: 'Adele Vance' },
  ],
  recipientIds: ['megan', 'adele'],
  value: { id: 'teamwork', name: 'Teamwork' },
  message: 'Thanks for covering the launch',
  place: { kind: 'channel', conversationId: '19:general', teamId: TEAM, channelId: '19:general' },
  postToChannel: true,
  createdAt: now.toISOString(),
  givenOn: '2027-03-11',
  celebrations: [],
  ...overrides,
});

/** What arrived where: `<conversation id> <text>`, one line per message sent. */
class RecordingMessenger implements Messenger {
  readonly arrived: string[] = [];
  failNext: MessengerResult[] = [];
  async send(conversation: ConversationRecord, message: OutboundMessage): Promise<MessengerResult> {
    const failure = this.failNext.shift();
    if (failure) return failure;
    this.arrived.push(`${conversation.id} ${message.text ?? ''}`);
    return { ok: true };
  }
}

const messages: RecognitionMessages = {
  channelPost: (r) => ({ text: `${r.giver.name} recognised ${r.recipients.map((p) => p.name).join(', ')}` }),
  recipientNotice: (r, recipient) => ({ text: `${recipient.name}: ${r.value.name}` }),
  managerNotice: (r, reports) => ({
    text: `${r.giver.name} recognised your ${reports.map((p) => p.name).join(', ')}: ${r.value.name}`,
  }),
};

const person = (id: string, managerId?: string): Person => ({
  tenantId: T,
  id,
  displayName: id,
  celebrate: {},
  ...(managerId ? { managerId } : {}),
});

async function setup(options: { recognitionChannel?: string; chatsWith?: string[]; people?: Person[] } = {}) {
  const settings = new MemorySettingsStore();
  const recognitionChannel = 'recognitionChannel' in options ? options.recognitionChannel : KUDOS_CHANNEL;
  await settings.saveTeam({
    tenantId: T,
    teamId: TEAM,
    ...(recognitionChannel ? { recognitionChannelId: recognitionChannel } : {}),
  });
  const logger = new RecordingLogger();
  const conversations = new ConversationBook(new MemoryConversationStore(), logger);
  const at = new Date('2027-03-01T00:00:00Z');
  await conversations.remember(
    {
      tenantId: T,
      id: `channel:${KUDOS_CHANNEL}`,
      kind: 'channel',
      conversationId: KUDOS_CHANNEL,
      channelId: KUDOS_CHANNEL,
      teamId: TEAM,
      reference: {},
    },
    at,
  );
  for (const userId of options.chatsWith ?? ['megan', 'adele']) {
    await conversations.remember(
      {
        tenantId: T,
        id: `personal:${userId}`,
        kind: 'personal',
        conversationId: `a:${userId}`,
        userId,
        reference: {},
      },
      at,
    );
  }
  const messenger = new RecordingMessenger();
  const deliveries = new MemoryDeliveryLedger();
  return {
    deps: {
      conversations,
      people: new MemoryPeopleDirectory(options.people ?? []),
      settings,
      deliveries,
      messenger,
      messages,
      logger,
    },
    messenger,
    deliveries,
    logger,
  };
}

describe('fanOutRecognition', () => {
  it('posts in the recognition channel and notifies each recipient, each claimed in the ledger', async () => {
    const { deps, messenger, deliveries } = await setup();
    const report = await fanOutRecognition(deps, recognition(), now);
    expect(report).toEqual({ channelId: KUDOS_CHANNEL, notified: 2, managersNotified: 0, retry: false });
    expect([...messenger.arrived].sort()).toEqual([
      `channel:${KUDOS_CHANNEL} Alex Wilber recognised Megan Bowen, Adele Vance`,
      'personal:adele Adele Vance: Teamwork',
      'personal:megan Megan Bowen: Teamwork',
    ]);
    for (const id of ['kudos:rec-1:channel', 'kudos:rec-1:notice:megan', 'kudos:rec-1:notice:adele']) {
      expect(await deliveries.get(T, id)).toMatchObject({ kind: 'notice', status: 'sent' });
    }
  });

  it('a second run (a retried submit) sends nothing, and still reports the channel post', async () => {
    const { deps, messenger } = await setup();
    await fanOutRecognition(deps, recognition(), now);
    const sentBefore = [...messenger.arrived];
    const again = await fanOutRecognition(deps, recognition(), new Date(now.getTime() + 60_000));
    expect(messenger.arrived).toEqual(sentBefore);
    expect(again).toEqual({ channelId: KUDOS_CHANNEL, notified: 0, managersNotified: 0, retry: false });
  });

  it('two runs at once send each message once', async () => {
    const { deps, messenger } = await setup();
    await Promise.all([
      fanOutRecognition(deps, recognition(), now),
      fanOutRecognition(deps, recognition(), now),
    ]);
    expect(messenger.arrived).toHaveLength(3);
  });

  it('after a transient failure, the next run sends only what did not arrive', async () => {
    const { deps, messenger } = await setup({ recognitionChannel: undefined });
    messenger.failNext = [{ ok: false, permanent: false, reason: 'Teams answered 503' }];
    const first = await fanOutRecognition(deps, recognition(), now);
    expect(first.notified).toBe(1);
    expect(first.retry).toBe(true);
    expect(messenger.arrived).toHaveLength(1);
    const second = await fanOutRecognition(deps, recognition(), new Date(now.getTime() + 60_000));
    expect(second.notified).toBe(1);
    expect(second.retry).toBe(false);
    expect([...messenger.arrived].sort()).toEqual([
      'personal:adele Adele Vance: Teamwork',
      'personal:megan Megan Bowen: Teamwork',
    ]);
  });

  it('reports a channel post that failed as missed, never as posted', async () => {
    const { deps, messenger } = await setup();
    // The channel post goes first: it is the send that fails.
    messenger.failNext = [{ ok: false, permanent: true, reason: 'Teams answered 403' }];
    const report = await fanOutRecognition(deps, recognition(), now);
    expect(report).toEqual({ notified: 2, managersNotified: 0, channelMissed: KUDOS_CHANNEL, retry: false });
    expect(messenger.arrived.filter((m) => m.startsWith('channel:'))).toEqual([]);
  });

  it('does not post in the channel when the giver did not ask for it', async () => {
    const { deps, messenger } = await setup();
    const report = await fanOutRecognition(deps, recognition({ postToChannel: false }), now);
    expect(report).toEqual({ notified: 2, managersNotified: 0, retry: false });
    expect(messenger.arrived.filter((m) => m.startsWith('channel:'))).toEqual([]);
  });

  it('does not post kudos given in the recognition channel there a second time', async () => {
    const { deps, messenger } = await setup();
    const place = {
      kind: 'channel' as const,
      conversationId: KUDOS_CHANNEL,
      teamId: TEAM,
      channelId: KUDOS_CHANNEL,
    };
    const report = await fanOutRecognition(deps, recognition({ place }), now);
    expect(report.channelId).toBeUndefined();
    expect(messenger.arrived.filter((m) => m.startsWith('channel:'))).toEqual([]);
  });

  it('logs, and posts nothing, when Moments has not seen the recognition channel yet', async () => {
    const { deps, messenger, logger } = await setup({ recognitionChannel: '19:unseen' });
    const report = await fanOutRecognition(deps, recognition(), now);
    expect(report).toEqual({ notified: 2, managersNotified: 0, channelMissed: '19:unseen', retry: false });
    expect(messenger.arrived.filter((m) => m.startsWith('channel:'))).toEqual([]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ channelId: '19:unseen' }) }),
    );
  });

  it('skips a recipient Moments has no chat with', async () => {
    const { deps, messenger } = await setup({ chatsWith: ['megan'] });
    const report = await fanOutRecognition(deps, recognition(), now);
    expect(report.notified).toBe(1);
    expect(messenger.arrived.filter((m) => m.startsWith('personal:'))).toEqual([
      'personal:megan Megan Bowen: Teamwork',
    ]);
  });
});

describe('the manager copy', () => {
  const personal = (arrived: string[]) => arrived.filter((m) => m.startsWith('personal:')).sort();

  it('tells a manager once, naming every report of theirs the kudos names, claimed in the ledger', async () => {
    const people = [person('megan', 'diego'), person('adele', 'diego'), person('diego')];
    const { deps, messenger, deliveries } = await setup({ chatsWith: ['megan', 'adele', 'diego'], people });
    const report = await fanOutRecognition(deps, recognition(), now);
    expect(report.managersNotified).toBe(1);
    expect(personal(messenger.arrived)).toEqual([
      'personal:adele Adele Vance: Teamwork',
      'personal:diego Alex Wilber recognised your Megan Bowen, Adele Vance: Teamwork',
      'personal:megan Megan Bowen: Teamwork',
    ]);
    expect(await deliveries.get(T, 'kudos:rec-1:manager:diego')).toMatchObject({
      kind: 'notice',
      status: 'sent',
    });
  });

  it('tells each recipient’s own manager', async () => {
    const people = [person('megan', 'diego'), person('adele', 'lee')];
    const { deps, messenger } = await setup({ chatsWith: ['diego', 'lee'], people });
    expect((await fanOutRecognition(deps, recognition(), now)).managersNotified).toBe(2);
    expect(personal(messenger.arrived)).toEqual([
      'personal:diego Alex Wilber recognised your Megan Bowen: Teamwork',
      'personal:lee Alex Wilber recognised your Adele Vance: Teamwork',
    ]);
  });

  it('is not sent to the giver when they are the manager, nor to a manager who is a recipient', async () => {
    const people = [person('megan', 'alex'), person('adele', 'megan')];
    const { deps, messenger } = await setup({ chatsWith: ['alex', 'megan', 'adele'], people });
    expect((await fanOutRecognition(deps, recognition(), now)).managersNotified).toBe(0);
    expect(personal(messenger.arrived)).toEqual([
      'personal:adele Adele Vance: Teamwork',
      'personal:megan Megan Bowen: Teamwork',
    ]);
  });

  it('is not sent when the tenant turned the manager copy off', async () => {
    const people = [person('megan', 'diego'), person('adele', 'diego')];
    const { deps, messenger, deliveries } = await setup({ chatsWith: ['diego'], people });
    await deps.settings.saveTenant({ ...defaultTenantSettings(T, 'UTC'), managerCopy: false });
    expect((await fanOutRecognition(deps, recognition(), now)).managersNotified).toBe(0);
    expect(messenger.arrived.filter((m) => m.startsWith('personal:'))).toEqual([]);
    expect(await deliveries.get(T, 'kudos:rec-1:manager:diego')).toBeUndefined();
  });

  it('a retried submit, or two runs at once, send it once', async () => {
    const people = [person('megan', 'diego'), person('adele', 'diego')];
    const { deps, messenger } = await setup({ chatsWith: ['diego'], people });
    await Promise.all([
      fanOutRecognition(deps, recognition(), now),
      fanOutRecognition(deps, recognition(), now),
    ]);
    const again = await fanOutRecognition(deps, recognition(), new Date(now.getTime() + 60_000));
    expect(again.managersNotified).toBe(0);
    expect(messenger.arrived.filter((m) => m.startsWith('personal:diego'))).toHaveLength(1);
  });

  it('skips a manager Moments has no personal chat with, as it skips recipients', async () => {
    const people = [person('megan', 'diego'), person('adele', 'lee')];
    const { deps, messenger } = await setup({ chatsWith: ['lee'], people });
    expect((await fanOutRecognition(deps, recognition(), now)).managersNotified).toBe(1);
    expect(personal(messenger.arrived)).toEqual([
      'personal:lee Alex Wilber recognised your Adele Vance: Teamwork',
    ]);
  });
});

describe('recognitionChannelFor', () => {
  it('is the team’s recognition channel, unless the kudos are outside a team or already in it', async () => {
    const { deps } = await setup();
    expect(await recognitionChannelFor(deps.settings, T, { teamId: TEAM, channelId: '19:general' })).toBe(
      KUDOS_CHANNEL,
    );
    expect(
      await recognitionChannelFor(deps.settings, T, { teamId: TEAM, channelId: KUDOS_CHANNEL }),
    ).toBeUndefined();
    expect(await recognitionChannelFor(deps.settings, T, {})).toBeUndefined();
    expect(await recognitionChannelFor(deps.settings, 'tenant-b', { teamId: TEAM })).toBeUndefined();
  });
});
