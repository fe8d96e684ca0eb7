// The follow-up job's unit-test world: authors in London, Tokyo, New York and no zone, each with a
// personal chat, their notes and the ledger, over in-memory fakes.
import {
  type ConversationRecord,
  ConversationBook,
  type SendGate,
  type SendResult,
} from '../../core/delivery';
import { runFollowUpJob, type FollowUpNotifier, type Note, type NudgeKind } from '../../core/notes';
import type { Person } from '../../core/people';
import { defaultTenantSettings } from '../../core/settings';
import {
  MemoryConversationStore,
  MemoryDeliveryLedger,
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemorySettingsStore,
  RecordingLogger,
} from './fakes';

export const T = 'tenant-a';
const person = (id: string, timeZone?: string): Person => ({
  tenantId: T,
  id,
  displayName: id,
  ...(timeZone ? { timeZone } : {}),
  celebrate: { birthday: 'public', anniversary: 'public' },
});
/** An open note by `authorId` about Sam, due on `followUpOn`. */
export const note = (id: string, authorId: string, followUpOn: string, fields: Partial<Note> = {}): Note => ({
  tenantId: T,
  id,
  authorId,
  subjectId: 'sam',
  subjectName: 'Sam',
  text: `ask Sam (${id})`,
  followUpOn,
  status: 'open',
  createdAt: '2027-03-01T00:00:00.000Z',
  updatedAt: '2027-03-01T00:00:00.000Z',
  ...fields,
});

/** Records the nudges handed to Teams, and answers with `result`. */
export class RecordingNotifier implements FollowUpNotifier {
  readonly sent: Array<{ to: string; noteId: string; kind?: NudgeKind }> = [];
  /** Every nudge handed to Teams, sent or not. */
  tried = 0;
  result: SendResult = { ok: true };
  async nudge(conversation: ConversationRecord, n: Note, _reader: unknown, kind?: NudgeKind) {
    this.tried++;
    if (this.result.ok) {
      this.sent.push({
        to: conversation.userId ?? '',
        noteId: n.id,
        ...(kind === 'oneOnOne' ? { kind } : {}),
      });
    }
    return this.result;
  }
}

/** Four authors in four zones, each with a personal chat, over in-memory fakes. */
export async function setup(options: { sendHour?: number; gate?: SendGate } = {}) {
  const settings = new MemorySettingsStore();
  await settings.saveTenant({ ...defaultTenantSettings(T, 'UTC'), sendHour: options.sendHour ?? 9 });
  const people = new MemoryPeopleDirectory([
    person('london', 'Europe/London'),
    person('tokyo', 'Asia/Tokyo'),
    person('newyork', 'America/New_York'),
    person('nozone'),
  ]);
  const store = new MemoryConversationStore();
  const logger = new RecordingLogger();
  const conversations = new ConversationBook(store, logger);
  for (const id of ['london', 'tokyo', 'newyork', 'nozone']) {
    await store.save({
      tenantId: T,
      id: `personal:${id}`,
      kind: 'personal',
      conversationId: `a:${id}`,
      userId: id,
      reference: {},
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
  }
  const notes = new MemoryNoteStore();
  const notifier = new RecordingNotifier();
  const deliveries = new MemoryDeliveryLedger();
  const deps = {
    settings,
    runs: settings,
    notes,
    people,
    conversations,
    deliveries,
    notifier,
    logger,
    defaultTimeZone: 'UTC',
    ...(options.gate ? { gate: options.gate } : {}),
  };
  const run = (at: string, extra: { dryRun?: boolean } = {}) =>
    runFollowUpJob(deps, { now: new Date(at), ...extra });
  return { deps, notes, notifier, deliveries, settings, run };
}
