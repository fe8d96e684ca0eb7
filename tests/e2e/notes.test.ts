import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { startTestApp, type TestApp } from '../support/localApp';
import { arrivedBeforeMarker, type PlaygroundClient } from '../support/playground';

// Private notes end to end: the Playground as Teams, Alex's personal chat, the group chat, and the
// follow-up job run at Alex's send hour on the note's date.
let app: TestApp;
let playground: PlaygroundClient;
const PERSONAL = 'a:moments-personal-alexw';
const GROUP = '19:launch-crew@thread.v2';
const textOf = (value: unknown) => JSON.stringify(value);
// Tuesday 16 March 2027, 09:00 in London (GMT): Alex's send hour on the follow-up date.
const FOLLOW_UP_ON = '2027-03-16';
const SEND_HOUR = new Date('2027-03-16T09:00:00Z');
const NOTE_TEXT = 'ask Megan how the launch retro went';
const UNREADABLE_NOTE_ACTION =
  'Moments could not read that (a field is too long or not what the card sends), so nothing was changed.';

type Card = { actions?: Array<{ verb?: string; data?: Record<string, string> }>; body?: unknown[] };

beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
  await playground.openConversationInstall(PERSONAL);
}, 120_000);
afterAll(async () => app?.stop());

const since = () => playground.messages().length;
/** The card message an action is pressed on; the Playground needs it as replyToId. */
let cardMessageId = '';
const execute = (
  verb: string,
  data: Record<string, unknown>,
  conversationId = PERSONAL,
  replyToId = cardMessageId,
) =>
  playground.invoke({
    name: 'adaptiveCard/action',
    conversationId,
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data } },
  });
const actionsIn = (card: unknown): Array<{ verb?: string; data?: Record<string, string> }> => {
  const found: Array<{ verb?: string; data?: Record<string, string> }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'Action.Execute') found.push(element as { verb?: string });
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
};

describe('private notes', () => {
  let noteId = '';

  it('“note” opens the form; saving a note about Megan with a follow-up date stores it', async () => {
    const before = since();
    await playground.send(PERSONAL, 'note');
    const message = await playground.waitForMessage(
      (m, i) => i >= before && m.conversationId === PERSONAL && textOf(m.attachments).includes('New note'),
    );
    cardMessageId = message.messageId;
    const card = message.attachments[0]?.content as Card;
    expect(textOf(card)).toContain(`"title":"Megan Bowen","value":"${DEMO_IDS.megan}"`);
    expect(textOf(card)).toContain('"type":"Input.Date"');
    const save = actionsIn(card).find((a) => a.verb === 'saveNote')!;
    const response = await execute('saveNote', {
      ...save.data,
      subject: DEMO_IDS.megan,
      text: NOTE_TEXT,
      followUpOn: FOLLOW_UP_ON,
    });
    expect(textOf(response.value)).toContain(
      'Saved your note about Megan Bowen. I’ll nudge you on Tuesday 16 March.',
    );
    const stored = await app.app.runtime.stores.notes.openByAuthor(DEMO_TENANT_ID, DEMO_IDS.alex);
    expect(stored).toEqual([
      expect.objectContaining({ subjectId: DEMO_IDS.megan, text: NOTE_TEXT, followUpOn: FOLLOW_UP_ON }),
    ]);
    noteId = stored[0]!.id;
  });

  it('a refusal comes back in the form with the input kept', async () => {
    const response = await execute('saveNote', {
      noteId: '',
      submissionId: 'refused-once',
      subject: DEMO_IDS.megan,
      text: 'keep this text',
      followUpOn: '2020-01-01',
    });
    const text = textOf(response.value);
    expect(text).toContain('That date has passed');
    expect(text).toContain('keep this text');
  });

  it('a forged or oversized form is refused in the form and stores nothing', async () => {
    const notes = () => app.app.runtime.stores.notes.openByAuthor(DEMO_TENANT_ID, DEMO_IDS.alex);
    const before = await notes();
    for (const data of [
      { submissionId: 'forged-1', subject: DEMO_IDS.megan, text: { html: '<b>bold</b>' } },
      { submissionId: 'forged-2', subject: [DEMO_IDS.megan], text: 'a list of subjects' },
      { submissionId: 'forged-3', subject: DEMO_IDS.megan, text: 'x'.repeat(20_000) },
    ]) {
      const text = textOf((await execute('saveNote', data)).value);
      expect(text).toContain(UNREADABLE_NOTE_ACTION);
      expect(text).not.toContain('xxxxxxxxxx');
    }
    expect(await notes()).toEqual(before);
  });

  it('“notes” lists it with Done, Edit and Delete; “notes Megan” too', async () => {
    const before = since();
    await playground.send(PERSONAL, 'notes');
    const list = await playground.waitForMessage(
      (m, i) => i >= before && m.conversationId === PERSONAL && textOf(m.attachments).includes('Your notes'),
    );
    expect(textOf(list.attachments)).toContain(NOTE_TEXT);
    cardMessageId = list.messageId;
    expect(
      actionsIn(list.attachments)
        .filter((a) => a.data?.noteId === noteId)
        .map((a) => a.verb),
    ).toEqual(['noteDone', 'noteEdit', 'noteDelete']);
    const next = since();
    await playground.send(PERSONAL, 'notes megan');
    const about = await playground.waitForMessage(
      (m, i) =>
        i >= next &&
        m.conversationId === PERSONAL &&
        textOf(m.attachments).includes('Your notes about Megan'),
    );
    expect(textOf(about.attachments)).toContain(NOTE_TEXT);
  });

  it('in the group chat, notes and note only point to the personal chat', async () => {
    let groupMessageId = '';
    for (const command of ['notes', 'note']) {
      const before = since();
      await playground.send(GROUP, command, { mentionBot: true });
      const reply = await playground.waitForMessage((m, i) => i >= before && m.conversationId === GROUP);
      expect(reply.text).toBe('Notes are private: open your chat with Moments to use them.');
      expect(reply.attachments).toEqual([]);
      groupMessageId = reply.messageId;
    }
    // A card action sent from the group chat shows and changes nothing either.
    const response = await execute('noteEdit', { noteId }, GROUP, groupMessageId);
    expect(textOf(response.value)).not.toContain(NOTE_TEXT);
    expect(textOf(response.value)).toContain('Notes are private');
  });

  it('the follow-up job nudges Alex in the personal chat at the send hour, once', async () => {
    const before = since();
    const report = await app.app.runtime.jobs.followups({ now: SEND_HOUR, tenantIds: [DEMO_TENANT_ID] });
    expect(report.sends.map((s) => `${s.deliveryId}:${s.outcome}`)).toEqual([
      `nudge:${noteId}:${FOLLOW_UP_ON}:sent`,
    ]);
    const nudge = await playground.waitForMessage(
      (m, i) => i >= before && textOf(m.attachments).includes('You wanted to '),
    );
    expect(nudge.conversationId).toBe(PERSONAL);
    const card = textOf(nudge.attachments);
    expect(card).toContain(`"text":"You wanted to ${NOTE_TEXT}"`);
    expect(actionsIn(nudge.attachments).map((a) => a.verb)).toEqual(['noteDone', 'noteSnooze', 'noteDelete']);
    const again = await app.app.runtime.jobs.followups({
      now: new Date(SEND_HOUR.getTime() + 60_000),
      tenantIds: [DEMO_TENANT_ID],
    });
    expect(again.sends.filter((s) => s.outcome === 'sent')).toEqual([]);
    expect(
      (await arrivedBeforeMarker(playground, PERSONAL, before)).filter((m) =>
        textOf(m.attachments).includes('You wanted to '),
      ),
    ).toHaveLength(1);
  });

  it('Edit returns the form prefilled; another person’s note id is not found', async () => {
    const response = await execute('noteEdit', { noteId });
    const text = textOf(response.value);
    expect(text).toContain('Edit note');
    expect(text).toContain(NOTE_TEXT);
    expect(text).toContain(`"value":"${FOLLOW_UP_ON}"`);
    const other = await execute('noteEdit', { noteId: 'note-someone-elses' });
    expect(textOf(other.value)).toContain('That note is no longer there.');
  });

  it('Done removes it from the list', async () => {
    const response = await execute('noteDone', { noteId, from: 'list', subjectId: '' });
    const text = textOf(response.value);
    expect(text).toContain('Done: your note about Megan Bowen.');
    expect(text).not.toContain(NOTE_TEXT);
    expect(text).toContain('You have no open notes');
    expect(await app.app.runtime.stores.notes.openByAuthor(DEMO_TENANT_ID, DEMO_IDS.alex)).toEqual([]);
  });
});
