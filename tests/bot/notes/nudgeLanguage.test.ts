import { ConversationBook, type Messenger, type OutboundMessage } from '../../../core/delivery';
import { runFollowUpJob, type Note } from '../../../core/notes';
import type { Person } from '../../../core/people';
import { defaultTenantSettings } from '../../../core/settings';
import { TeamsFollowUpNotifier } from '../../../bot/notes/notifier';
import {
  MemoryConversationStore,
  MemoryDeliveryLedger,
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemorySettingsStore,
  RecordingLogger,
} from '../../support/fakes';

// The follow-up job through the Teams notifier: each nudge is written in its author's language,
// taken from the author's directory record, whatever the tenant's default.
const T = 'tenant-a';
const author = (id: string, fields: Partial<Person>): Person => ({
  tenantId: T,
  id,
  displayName: id,
  celebrate: { birthday: 'manager', anniversary: 'manager' },
  ...fields,
});
const note = (authorId: string): Note => ({
  tenantId: T,
  id: `note-${authorId}`,
  authorId,
  subjectId: 'sam',
  subjectName: 'Sam Rivera',
  text: 'ask Sam how Emma’s tournament went',
  followUpOn: '2027-03-16',
  status: 'open',
  createdAt: '2027-03-01T00:00:00.000Z',
  updatedAt: '2027-03-01T00:00:00.000Z',
});

async function nudgesAt(at: string, people: Person[]): Promise<Map<string, OutboundMessage>> {
  const settings = new MemorySettingsStore();
  await settings.saveTenant({ ...defaultTenantSettings(T, 'Europe/London'), sendHour: 9 });
  const store = new MemoryConversationStore();
  const logger = new RecordingLogger();
  const notes = new MemoryNoteStore();
  for (const person of people) {
    await store.save({
      tenantId: T,
      id: `personal:${person.id}`,
      kind: 'personal',
      conversationId: `a:${person.id}`,
      userId: person.id,
      reference: {},
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
    await notes.save(note(person.id));
  }
  const sent = new Map<string, OutboundMessage>();
  const messenger: Messenger = {
    send: async (conversation, message) => {
      sent.set(conversation.userId ?? '', message);
      return { ok: true };
    },
  };
  await runFollowUpJob(
    {
      settings,
      runs: settings,
      notes,
      people: new MemoryPeopleDirectory(people),
      conversations: new ConversationBook(store, logger),
      deliveries: new MemoryDeliveryLedger(),
      notifier: new TeamsFollowUpNotifier(messenger),
      logger,
      defaultTimeZone: 'Europe/London',
    },
    { now: new Date(at) },
  );
  return sent;
}

describe('a follow-up nudge', () => {
  it('shows the follow-up date the Japanese way to an author whose Teams speaks Japanese', async () => {
    // 09:00 in Tokyo on the follow-up day.
    const sent = await nudgesAt('2027-03-16T00:00:00Z', [
      author('aiko', { locale: 'ja-JP', timeZone: 'Asia/Tokyo' }),
    ]);
    const card = JSON.stringify(sent.get('aiko')?.card);
    expect(card).toContain('3月16日');
    expect(card).not.toContain('16 March');
  });

  it('follows the author’s own choice, else the locale, and English by default', async () => {
    const sent = await nudgesAt('2027-03-16T09:00:00Z', [
      author('ben', { locale: 'en-GB', language: 'de', timeZone: 'Europe/London' }),
      author('chloe', { locale: 'fr-FR', timeZone: 'Europe/London' }),
      author('dev', { timeZone: 'Europe/London' }),
    ]);
    expect(JSON.stringify(sent.get('ben')?.card)).toContain('Dienstag, 16. März');
    expect(JSON.stringify(sent.get('chloe')?.card)).toContain('mardi 16 mars');
    const english = JSON.stringify(sent.get('dev')?.card);
    expect(english).toContain('Your private note about Sam Rivera, for Tuesday 16 March.');
    expect(sent.get('dev')?.summary).toBe('Follow up with Sam Rivera');
  });
});
