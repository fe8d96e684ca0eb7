// The digest speaks its reader's language: the weekly job words each manager's digest in their
// language and zone; `digest` typed in the chat answers in the turn's language.
import {
  ConversationBook,
  type ConversationRecord,
  type Messenger,
  type OutboundMessage,
} from '../../../core/delivery';
import { runDigestJob, type DigestDirectory } from '../../../core/digest';
import type { Person } from '../../../core/people';
import { defaultTenantSettings } from '../../../core/settings';
import { TeamsDigestNotifier } from '../../../bot/digest/notifier';
import { ALEX, startBotHarness } from '../../support/botHarness';
import {
  MemoryConversationStore,
  MemoryDeliveryLedger,
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemoryRecognitionStore,
  MemorySettingsStore,
  RecordingLogger,
} from '../../support/fakes';

const T = 'tenant-languages';
const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName: id,
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});

class RecordingMessenger implements Messenger {
  readonly sent: Array<{ to: string; message: OutboundMessage }> = [];
  async send(conversation: ConversationRecord, message: OutboundMessage) {
    this.sent.push({ to: conversation.userId ?? '', message });
    return { ok: true as const };
  }
}

/** Every text a TextRun or an action title shows in `card`, in order. */
function shown(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => shown(item, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'TextRun' && typeof element.text === 'string') found.push(element.text);
    Object.values(element).forEach((value) => shown(value, found));
  }
  return found;
}

/** The digest job as the existing job tests run it, sending through the Teams notifier. */
async function digestJobWorld(people: Person[]) {
  const settings = new MemorySettingsStore();
  await settings.saveTenant(defaultTenantSettings(T, 'UTC'));
  const directory = new MemoryPeopleDirectory(people);
  const managers: DigestDirectory = {
    managerIds: async () => people.flatMap((p) => (p.managerId ? [p.managerId] : [])),
    withoutReports: async () => {},
  };
  const store = new MemoryConversationStore();
  const logger = new RecordingLogger();
  for (const p of people) {
    await store.save({
      tenantId: T,
      id: `personal:${p.id}`,
      kind: 'personal',
      conversationId: `a:${p.id}`,
      userId: p.id,
      reference: {},
      updatedAt: '2027-01-01T00:00:00.000Z',
    });
  }
  const messenger = new RecordingMessenger();
  const deps = {
    settings,
    runs: settings,
    directory: managers,
    people: directory,
    recognitions: new MemoryRecognitionStore(),
    notes: new MemoryNoteStore(),
    conversations: new ConversationBook(store, logger),
    deliveries: new MemoryDeliveryLedger(),
    notifier: new TeamsDigestNotifier(messenger),
    logger,
    defaultTimeZone: 'UTC',
  };
  return { deps, messenger };
}

describe('the weekly digest in the manager’s language', () => {
  it('writes its dates the Japanese way in Tokyo and the German way in Berlin', async () => {
    const { deps, messenger } = await digestJobWorld([
      person('kenji', { locale: 'ja-JP', timeZone: 'Asia/Tokyo' }),
      person('hanna', { locale: 'de-DE', timeZone: 'Europe/Berlin' }),
      person('yui', { managerId: 'kenji', timeZone: 'Asia/Tokyo', birthday: '03-18' }),
      person('lukas', { managerId: 'hanna', timeZone: 'Europe/Berlin', birthday: '03-18' }),
    ]);
    // Monday 15 March 2027 08:00 in Tokyo (Sunday 23:00 UTC), then in Berlin (07:00 UTC).
    await runDigestJob(deps, { now: new Date('2027-03-14T23:00:00Z') });
    await runDigestJob(deps, { now: new Date('2027-03-15T07:00:00Z') });
    expect(messenger.sent.map((s) => s.to)).toEqual(['kenji', 'hanna']);
    const cardTo = (id: string) => shown(messenger.sent.find((s) => s.to === id)?.message.card);

    const tokyo = cardTo('kenji');
    expect(tokyo).toContain('3月9日火曜日～3月15日月曜日（2027-W11）');
    expect(tokyo.join('\n')).toContain('3月18日木曜日');
    expect(tokyo.join('\n')).not.toMatch(/March|in 3 days/);

    const german = cardTo('hanna');
    expect(german).toContain('Dienstag, 9. März bis Montag, 15. März (2027-W11)');
    expect(german.join('\n')).toContain('Donnerstag, 18. März');
    expect(german.join('\n')).not.toMatch(/March|in 3 days/);
  });
});

describe('`digest` typed in the chat', () => {
  it('answers in the language of the caller’s Teams client', async () => {
    const harness = startBotHarness();
    const { body } = await harness.post(
      { type: 'message', text: 'digest', deliveryMode: 'expectReplies' },
      'personal',
      { ...ALEX, locale: 'de-DE' },
    );
    const replies = (body as { activities?: Array<{ attachments?: unknown[] }> }).activities ?? [];
    const card = shown(replies.flatMap((a) => a.attachments ?? []));
    // Wednesday 10 March 2027 in the harness: the week from Thursday 4 March.
    expect(card).toContain('Donnerstag, 4. März bis Mittwoch, 10. März (2027-W10)');
    expect(card).toContain('Ihre Wochenübersicht · 1 direkt unterstellte Person');
  });
});
