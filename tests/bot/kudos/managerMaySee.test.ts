import { KudosService, type Recognition } from '../../../core/kudos';
import { buildDigest } from '../../../core/digest';
import { readReminderContext } from '../../../core/milestones';
import type { Person } from '../../../core/people';
import { defaultTenantSettings } from '../../../core/settings';
import { recognitionMessages } from '../../../bot/kudos/recognitionMessages';
import { digestCard } from '../../../bot/digest/digestCards';
import { digestCardData } from '../../../bot/digest/wording';
import { reminderCard } from '../../../bot/milestones/milestoneCards';
import { reminderCardData } from '../../../bot/milestones/wording';
import { expandCard } from '../../../bot/teams/cardRender';
import { translatorFor } from '../../../bot/i18n/translator';
import {
  MemoryGivingTallyStore,
  MemoryNoteStore,
  MemoryPeopleDirectory,
  MemoryRecognitionStore,
  RecordingLogger,
} from '../../support/fakes';

// Kudos given in a group chat the manager is not in: their words reach the manager (manager copy,
// weekly digest, milestone reminder) only when the giver left "Let their manager see this" on.

const T = 'tenant-a';
const NOW = new Date('2027-03-12T09:00:00Z');
const person = (id: string, displayName: string, fields: Partial<Person> = {}): Person => ({
  tenantId: T,
  id,
  displayName,
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});
const alex = person('alex', 'Alex Wilber');
const megan = person('megan', 'Megan Bowen', { managerId: 'alex', birthday: '03-16' });
const adele = person('adele', 'Adele Vance', { managerId: 'alex' });
const WORDS = 'Between us: you saved the launch.';
const reader = { language: 'en', timeZone: 'Europe/London' } as const;

async function giveInChat(managerMaySee: boolean | undefined): Promise<Recognition> {
  const service = new KudosService(
    new MemoryRecognitionStore(),
    new MemoryPeopleDirectory([alex, megan, adele]),
    new RecordingLogger(),
    new MemoryGivingTallyStore(),
  );
  const result = await service.give(
    {
      tenantId: T,
      giver: { id: 'adele', name: 'Adele Vance' },
      recipientIds: ['megan'],
      valueId: 'teamwork',
      message: WORDS,
      place: { kind: 'groupChat', conversationId: '19:launch-crew' },
      postToChannel: false,
      submissionId: `chat-${String(managerMaySee)}`,
      ...(managerMaySee === undefined ? {} : { managerMaySee }),
    },
    defaultTenantSettings(T, 'UTC'),
    NOW,
  );
  if (!result.ok) throw new Error(result.code);
  return result.recognition;
}

/** What the manager reads about it: the manager copy, the digest and a birthday reminder. */
async function whatTheManagerReads(recognition: Recognition): Promise<Record<string, string>> {
  const copy = recognitionMessages.managerNotice(recognition, [recognition.recipients[0]!], reader);
  const digest = buildDigest({
    manager: alex,
    reports: [megan, adele],
    received: [recognition],
    given: [recognition],
    notes: [],
    now: new Date('2027-03-15T08:00:00Z'),
    defaultTimeZone: 'UTC',
  });
  const t = translatorFor('en', 'Europe/London');
  const recognitions = new MemoryRecognitionStore();
  await recognitions.create(recognition);
  const context = await readReminderContext(
    { recognitions, notes: new MemoryNoteStore() },
    T,
    [{ personId: 'megan', managerId: 'alex' }],
    NOW,
  );
  const reminder = context.contentFor({
    deliveryId: 'birthday:2027-03-16:megan:alex',
    milestone: { kind: 'birthday', person: megan, date: '2027-03-16', occursOn: '2027-03-16' },
    manager: alex,
    reader,
    managerToday: '2027-03-12',
  });
  return {
    copy: JSON.stringify(copy.card),
    digest: JSON.stringify(expandCard(digestCard, digestCardData(digest, 'digest:2027-W11:alex', t))),
    reminder: JSON.stringify(expandCard(reminderCard, reminderCardData(reminder, t))),
  };
}

describe('a kudos given in a chat, seen by the recipient’s manager', () => {
  it('with “Let their manager see this” left on (the default), shows its words everywhere', async () => {
    const recognition = await giveInChat(undefined);
    expect(recognition.managerMaySee).toBe(true);
    const seen = await whatTheManagerReads(recognition);
    expect(seen.copy).toContain(WORDS);
    expect(seen.digest).toContain(`latest from Adele Vance for Teamwork: “${WORDS}”`);
    expect(seen.reminder).toContain(`Adele Vance for Teamwork: “${WORDS}”`);
  });

  it('with it unticked, shows who gave it and for which value, never the words', async () => {
    const recognition = await giveInChat(false);
    expect(recognition.managerMaySee).toBe(false);
    const seen = await whatTheManagerReads(recognition);
    for (const text of Object.values(seen)) expect(text).not.toContain('you saved the launch');
    expect(seen.copy).toContain('Given in a chat: the message stays with the people there.');
    expect(seen.copy).toContain('"text":"Adele Vance"');
    expect(seen.digest).toContain('received 1 (latest from Adele Vance for Teamwork)');
    expect(seen.reminder).toContain('"text":"Adele Vance for Teamwork"');
  });
});
