// The milestone job's unit-test world: a manager with two reports whose birthday is on Tuesday
// 16 March 2027, their personal chats and the team's recognition channel, over in-memory fakes.
import { ConversationBook, type ConversationRecord, type SendResult } from '../../core/delivery';
import type { MilestoneNotifier, ReminderContent } from '../../core/milestones';
import type { Person } from '../../core/people';
import { defaultTenantSettings } from '../../core/settings';
import {
  MemoryConversationStore,
  MemoryDeliveryLedger,
  MemoryMilestoneCandidates,
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemoryRecognitionStore,
  MemorySettingsStore,
  MemorySnoozeStore,
  RecordingLogger,
} from './fakes';

export const T = 'tenant-a';

/** A person of {@link T} in London with public celebrations unless told otherwise. */
export const person = (id: string, fields: Partial<Person>): Person => ({
  tenantId: T,
  id,
  displayName: id,
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});

/** What the job sent, one line per message, and each reminder's content. */
export class RecordingNotifier implements MilestoneNotifier {
  readonly sent: string[] = [];
  readonly reminders: ReminderContent[] = [];
  failNext: SendResult[] = [];
  private result(what: string): SendResult {
    const failure = this.failNext.shift();
    if (failure) return failure;
    this.sent.push(what);
    return { ok: true };
  }
  async remind(c: ConversationRecord, content: Parameters<MilestoneNotifier['remind']>[1]) {
    this.reminders.push(content);
    return this.result(
      `remind ${c.userId} about ${content.milestone.person.id} ${content.milestone.kind} (${content.managerToday})`,
    );
  }
  async celebrate(c: ConversationRecord, content: Parameters<MilestoneNotifier['celebrate']>[1]) {
    return this.result(`celebrate ${content.milestone.person.id} in ${c.channelId}`);
  }
  async congratulate(c: ConversationRecord, content: Parameters<MilestoneNotifier['congratulate']>[1]) {
    return this.result(`congratulate ${c.userId} ${content.milestone.kind}`);
  }
}

/** The manager, Megan (birthday 03-16, public) and Quiet (birthday 03-16, celebrations off). */
export async function setup() {
  const people = new MemoryPeopleDirectory([
    person('manager', {}),
    person('megan', { managerId: 'manager', birthday: '03-16', teamIds: ['team'] }),
    person('quiet', {
      managerId: 'manager',
      birthday: '03-16',
      celebrate: { birthday: 'off', anniversary: 'off' },
    }),
  ]);
  const settings = new MemorySettingsStore();
  await settings.saveTenant(defaultTenantSettings(T, 'UTC'));
  await settings.saveTeam({ tenantId: T, teamId: 'team', recognitionChannelId: 'kudos-channel' });
  const store = new MemoryConversationStore();
  const conversations = new ConversationBook(store, new RecordingLogger());
  const at = new Date('2027-03-01T00:00:00Z');
  for (const record of [
    { id: 'personal:manager', kind: 'personal' as const, conversationId: 'a:m', userId: 'manager' },
    { id: 'personal:megan', kind: 'personal' as const, conversationId: 'a:megan', userId: 'megan' },
    {
      id: 'channel:kudos-channel',
      kind: 'channel' as const,
      conversationId: 'kudos-channel',
      channelId: 'kudos-channel',
      teamId: 'team',
    },
  ]) {
    await conversations.remember({ tenantId: T, reference: {}, ...record }, at);
  }
  const notifier = new RecordingNotifier();
  const candidates = new MemoryMilestoneCandidates(people);
  const deps = {
    settings,
    runs: settings,
    candidates,
    people,
    snoozes: new MemorySnoozeStore(),
    conversations,
    recognitions: new MemoryRecognitionStore(),
    notes: new MemoryNoteStore(),
    deliveries: new MemoryDeliveryLedger(),
    notifier,
    logger: new RecordingLogger(),
    defaultTimeZone: 'UTC',
  };
  return { deps, notifier, settings, candidates, people };
}
