// `brief` through the real bot: the card a manager sees in their personal chat, the pointer to it
// elsewhere, the refusal about someone they neither manage nor keep notes about, and its actions.
import type { Note } from '../../../core/notes';
import type { Person } from '../../../core/people';
import type { Recognition } from '../../../core/kudos';
import { startFakeConnector, type FakeConnector } from '../../support/fakeConnector';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness, type BotHarness } from '../../support/botHarness';

const ADELE: Person = {
  tenantId: HARNESS_TENANT,
  id: '00000000-0000-4000-8000-0000000000d4',
  displayName: 'Adele Vance',
  managerId: ALEX.id,
  timeZone: 'Europe/London',
  celebrate: {},
};
/** In the directory, managed by someone else, and in none of Alex's notes. */
const LEE: Person = {
  tenantId: HARNESS_TENANT,
  id: '00000000-0000-4000-8000-0000000000c3',
  displayName: 'Lee Gu',
  managerId: ADELE.id,
  timeZone: 'Asia/Tokyo',
  celebrate: {},
};

const note = (author: Person, about: Person, text: string, fields: Partial<Note> = {}): Note => ({
  tenantId: HARNESS_TENANT,
  id: `note-${author.id.slice(-2)}-${text.length}`,
  authorId: author.id,
  subjectId: about.id,
  subjectName: about.displayName,
  text,
  status: 'open',
  createdAt: '2027-03-01T09:00:00.000Z',
  updatedAt: '2027-03-01T09:00:00.000Z',
  ...fields,
});

const kudos = (fields: Partial<Recognition>): Recognition => ({
  tenantId: HARNESS_TENANT,
  id: 'kudos-1',
  giver: { id: ADELE.id, name: ADELE.displayName },
  recipients: [{ id: MEGAN.id, name: MEGAN.displayName }],
  recipientIds: [MEGAN.id],
  value: { id: 'teamwork', name: 'Teamwork' },
  message: 'thanks for covering the launch',
  place: { kind: 'groupChat', conversationId: '19:launch-crew@thread.v2' },
  postToChannel: false,
  createdAt: '2027-03-03T09:00:00.000Z',
  givenOn: '2027-03-03',
  celebrations: [],
  ...fields,
});

/** Every text a TextRun, a fact or an action title shows, in order. */
function shown(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => shown(item, found));
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'TextRun' && typeof element.text === 'string') found.push(element.text);
    if (element.type === 'Action.Execute' && typeof element.title === 'string') found.push(element.title);
    if (typeof element.title === 'string' && typeof element.value === 'string') {
      found.push(`${element.title}: ${element.value}`);
    }
    Object.values(element).forEach((value) => shown(value, found));
  }
  return found;
}

type Reply = { text?: string; attachments?: Array<{ content?: unknown }> };

async function say(
  harness: BotHarness,
  text: string,
  where: 'personal' | 'channel' = 'personal',
  from = ALEX,
) {
  const { body } = await harness.post({ type: 'message', text, deliveryMode: 'expectReplies' }, where, from);
  return (body as { activities?: Reply[] }).activities ?? [];
}

const cardsOf = (replies: Reply[]) => replies.flatMap((r) => (r.attachments ?? []).map((a) => a.content));

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector({ limits: false });
});
afterAll(async () => connector.close());

async function world() {
  const harness = startBotHarness({ serviceUrl: connector.url });
  await harness.stores.people.save(ADELE);
  await harness.stores.people.save(LEE);
  await harness.stores.notes.create(
    note(ALEX, MEGAN, 'ask how her course on facilitation went', { nextOneOnOneSince: '2027-03-08' }),
  );
  await harness.stores.notes.create(note(ADELE, MEGAN, 'Adele’s own thought about Megan'));
  await harness.stores.recognitions.create(kudos({}));
  return harness;
}

describe('`brief` in the personal chat', () => {
  it('`brief Megan` shows Alex’s marked note under Things to ask, and never another author’s note', async () => {
    const harness = await world();
    const replies = await say(harness, 'brief Megan');
    const text = shown(cardsOf(replies));
    expect(text).toContain('Brief: Megan Bowen');
    expect(text).toContain('Your direct report · Wednesday 10 March');
    const ask = text.indexOf('Things to ask');
    expect(text.slice(ask, ask + 3)).toEqual([
      'Things to ask',
      'ask how her course on facilitation went',
      'for your next 1:1',
    ]);
    expect(text.join('\n')).not.toContain('Adele’s own thought');
    // Given in a group chat without "let their manager see this": the value and the giver only.
    expect(text).toContain('Teamwork');
    expect(text).toContain(' from Adele Vance · Wed 3 Mar');
    expect(text.join('\n')).not.toContain('covering the launch');
    expect(text).toEqual(expect.arrayContaining(['Send kudos', 'Add note', 'Done']));
  });

  it('Send kudos, Add note and Done answer with a line and leave the brief in place', async () => {
    const harness = await world();
    const [card] = cardsOf(await say(harness, 'brief @Megan Bowen')) as Array<{
      actions: Array<{ verb: string; data: Record<string, string> }>;
    }>;
    const [sendKudos, addNote] = card!.actions;
    expect(sendKudos!.verb).toBe('sendWishes');

    const kudosForm = await harness.execute(sendKudos!.verb, sendKudos!.data);
    expect(JSON.stringify(kudosForm.body)).toContain('The kudos form for Megan Bowen is below.');
    expect(JSON.stringify(connector.received().at(-1)?.attachments)).toContain(MEGAN.id);

    const noteForm = await harness.execute(addNote!.verb, addNote!.data);
    expect(JSON.stringify(noteForm.body)).toContain('Megan Bowen');
    expect(JSON.stringify(noteForm.body)).not.toContain('AdaptiveCard');

    const noteId = 'note-a1-39';
    const done = await harness.execute('noteDone', { noteId, from: 'brief' });
    expect(JSON.stringify(done.body)).toContain('Done: your note about Megan Bowen.');
    expect(JSON.stringify(done.body)).not.toContain('AdaptiveCard');
    expect((await harness.stores.notes.get(HARNESS_TENANT, ALEX.id, noteId))?.status).toBe('done');
  });

  it('`brief` alone offers the people Alex manages or keeps notes about', async () => {
    const harness = await world();
    const text = shown(cardsOf(await say(harness, 'brief')));
    expect(text).toEqual(expect.arrayContaining(['Get a brief', 'Show brief']));
    const picker = JSON.stringify(cardsOf(await say(harness, 'brief')));
    expect(picker).toContain('Megan Bowen');
    expect(picker).toContain('Adele Vance');
    expect(picker).not.toContain('Lee Gu');
  });

  it('refuses someone Alex neither manages nor keeps notes about, naming nothing of theirs', async () => {
    const harness = await world();
    const replies = await say(harness, 'brief Lee');
    const text = shown(cardsOf(replies)).join('\n');
    expect(text).toContain('No one called “Lee” is among the people you manage or keep notes about.');
    expect(text).not.toMatch(/Lee Gu|Tokyo|Brief: /);

    // A picker's answer naming Lee directly is refused in the same words, and nothing is sent.
    const before = connector.received().length;
    const forged = await harness.execute('showBrief', { personId: LEE.id });
    expect(JSON.stringify(forged.body)).toContain(
      'A brief is only for people you manage or keep notes about.',
    );
    expect(connector.received()).toHaveLength(before);
  });

  it('speaks German to a German Teams client', async () => {
    const harness = await world();
    const text = shown(
      cardsOf(await say(harness, 'briefing Megan', 'personal', { ...ALEX, locale: 'de-DE' })),
    );
    expect(text).toContain('Briefing: Megan Bowen');
    expect(text).toContain('Direkt unterstellte Person · Mittwoch, 10. März');
    expect(text).toContain('Fragen für das Gespräch');
    expect(text).toContain('für Ihr nächstes 1:1-Gespräch');
    expect(text).toEqual(expect.arrayContaining(['Lob senden', 'Notiz hinzufügen', 'Erledigt']));
  });
});

describe('`brief` elsewhere', () => {
  it('points to the personal chat from a channel and shows nothing', async () => {
    const harness = await world();
    const replies = await say(harness, 'brief Megan', 'channel');
    expect(replies.map((r) => r.text)).toEqual([
      'A brief holds your private notes: type **brief** in your personal chat with Moments to see it.',
    ]);
    expect(cardsOf(replies)).toEqual([]);
  });
});

describe('"Brief" on a reminder', () => {
  it('sends the brief about the reminder’s person as a new message', async () => {
    const harness = await world();
    const reminder = await harness.delivered({
      id: `birthday:2027-03-14:${MEGAN.id}:${ALEX.id}`,
      kind: 'reminder',
      recipientId: ALEX.id,
      subject: {
        type: 'reminder',
        personId: MEGAN.id,
        kind: 'birthday',
        date: '2027-03-14',
        occursOn: '2027-03-14',
      },
    });
    const { body } = await harness.execute('showBrief', { deliveryId: reminder });
    expect(JSON.stringify(body)).toContain('Your brief about Megan Bowen is below.');
    expect(shown(connector.received().at(-1)?.attachments)).toContain('Brief: Megan Bowen');

    // Someone else pressing it gets nothing.
    const before = connector.received().length;
    const other = await harness.execute('showBrief', { deliveryId: reminder }, 'personal', ADELE);
    expect(JSON.stringify(other.body)).toContain(
      'A brief is only for people you manage or keep notes about.',
    );
    expect(connector.received()).toHaveLength(before);
  });
});

describe('"Brief" on a digest row', () => {
  it('sends the brief about that row’s person', async () => {
    const harness = await world();
    const [digest] = cardsOf(await say(harness, 'digest'));
    const actions: Array<{ verb: string; title: string; data: Record<string, string> }> = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const element = node as Record<string, unknown>;
        if (element.type === 'Action.Execute') actions.push(element as never);
        Object.values(element).forEach(walk);
      }
    };
    walk(digest);
    const brief = actions.find((a) => a.verb === 'showBrief' && a.data.personId === MEGAN.id);
    expect(brief?.title).toBe('Brief');
    const { body } = await harness.execute(brief!.verb, brief!.data);
    expect(JSON.stringify(body)).toContain('Your brief about Megan Bowen is below.');
    expect(shown(connector.received().at(-1)?.attachments)).toContain('Brief: Megan Bowen');
  });
});
