import { runPendingFanOutJob } from '../../../core/kudos';
import type { ConversationRecord, Messenger, MessengerResult } from '../../../core/delivery';
import { ConversationBook } from '../../../core/delivery';
import { recognitionMessages } from '../../../bot/kudos/recognitionMessages';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness } from '../../support/botHarness';

// A kudos submit answers as soon as the kudos are stored: the recipient's notice goes out after
// the answer, and when the process dies before it does, the hourly job sends it, once.

const meganChat: ConversationRecord = {
  tenantId: HARNESS_TENANT,
  id: `personal:${MEGAN.id}`,
  kind: 'personal',
  conversationId: 'a:personal-megan',
  userId: MEGAN.id,
  reference: { conversation: { id: 'a:personal-megan' }, serviceUrl: 'http://127.0.0.1:9/' },
  updatedAt: '2027-03-01T00:00:00.000Z',
};

/** A connector whose sends never answer; `started` resolves when the first one was asked for. */
function hangingConnector(events: string[]) {
  let started: () => void = () => undefined;
  const firstSend = new Promise<void>((resolve) => (started = resolve));
  const messenger: Messenger = {
    send: (chat) => {
      events.push(`send to ${chat.id} started`);
      started();
      return new Promise<MessengerResult>(() => undefined);
    },
  };
  return { messenger, firstSend };
}

/** A connector that answers every send, keeping what arrived. */
function workingConnector() {
  const arrived: Array<{ chat: string; text: string }> = [];
  const messenger: Messenger = {
    send: async (chat, message) => {
      arrived.push({ chat: chat.id, text: JSON.stringify(message) });
      return { ok: true };
    },
  };
  return { messenger, arrived };
}

const submission = {
  submissionId: 'f0f0f0f0-0000-4000-8000-00000000f001',
  recipients: MEGAN.id,
  value: 'teamwork',
  message: 'Thanks for covering the launch',
  postToChannel: 'false',
};

describe('a kudos submit whose recipient’s chat does not answer', () => {
  it('answers while the notice is still hanging, and the hourly job sends it once after the process died', async () => {
    const events: string[] = [];
    const hanging = hangingConnector(events);
    const harness = startBotHarness({ messenger: hanging.messenger });
    await harness.stores.conversations.save(meganChat);

    const response = await harness.invoke('composeExtension/submitAction', {
      commandId: 'sendKudos',
      data: submission,
    });
    events.push('answered');
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('"type":"result"');
    const [stored] = [...harness.stores.recognitions.recognitions.values()];
    expect(stored).toMatchObject({ giver: { id: ALEX.id }, recipientIds: [MEGAN.id], fanOutPending: true });

    // The notice was on its way and never answered: the answer did not wait for it.
    await hanging.firstSend;
    expect([...events].sort()).toEqual(['answered', `send to personal:${MEGAN.id} started`]);
    expect(harness.background.pending).toBe(1);

    // The process dies: nothing that was in flight will finish.
    harness.background.abandon();
    const { messenger, arrived } = workingConnector();
    const job = (at: string) =>
      runPendingFanOutJob(
        {
          settings: harness.stores.settings,
          recognitions: harness.stores.recognitions,
          people: harness.stores.people,
          conversations: new ConversationBook(harness.stores.conversations, harness.logger),
          deliveries: harness.stores.deliveries,
          messenger,
          messages: recognitionMessages,
          logger: harness.logger,
        },
        { now: new Date(at) },
      );
    // The claim of the hanging send holds for its lease (10 minutes): the hour's run after it sends.
    const first = await job('2027-03-10T11:00:00.000Z');
    expect(first.sends).toEqual([{ tenantId: HARNESS_TENANT, recognitionId: stored!.id, outcome: 'sent' }]);
    expect(arrived.map((a) => a.chat)).toEqual([`personal:${MEGAN.id}`]);
    expect(arrived[0]?.text).toContain('Thanks for covering the launch');
    expect(await harness.stores.recognitions.get(HARNESS_TENANT, stored!.id)).not.toHaveProperty(
      'fanOutPending',
    );

    const second = await job('2027-03-10T12:00:00.000Z');
    expect(second.sends).toEqual([]);
    expect(arrived).toHaveLength(1);
  });

  it('is left to the job while it is recent: the turn’s own fan-out may still be running', async () => {
    const events: string[] = [];
    const harness = startBotHarness({ messenger: hangingConnector(events).messenger });
    await harness.stores.conversations.save(meganChat);
    await harness.invoke('composeExtension/submitAction', { commandId: 'sendKudos', data: submission });
    harness.background.abandon();
    const { messenger, arrived } = workingConnector();
    const report = await runPendingFanOutJob(
      {
        settings: harness.stores.settings,
        recognitions: harness.stores.recognitions,
        people: harness.stores.people,
        conversations: new ConversationBook(harness.stores.conversations, harness.logger),
        deliveries: harness.stores.deliveries,
        messenger,
        messages: recognitionMessages,
        logger: harness.logger,
      },
      { now: new Date('2027-03-10T10:02:00.000Z') },
    );
    expect(report.sends).toEqual([]);
    expect(arrived).toEqual([]);
  });
});
