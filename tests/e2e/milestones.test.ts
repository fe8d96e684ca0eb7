import type { Person } from '../../core/people';
import { DEMO_IDS, DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { startTestApp, type TestApp } from '../support/localApp';
import { arrivedBeforeMarker, type BotMessage, type PlaygroundClient } from '../support/playground';

// The milestone job end to end: the demo organisation, the Playground as Teams, the job run at
// chosen instants, reminders arriving in Alex's personal chat and celebrations in the Kudos channel.
let app: TestApp;
let playground: PlaygroundClient;
const PERSONAL = 'a:moments-personal-alexw';
const KUDOS = '19:product-team-kudos@thread.tacv2';
const textOf = (value: unknown) => JSON.stringify(value);

// Thursday 11 March 2027, 09:00 in London (UTC in March): three working days before Tuesday 16th.
const REMINDER_HOUR = new Date('2027-03-11T09:00:00Z');

beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
  const { people } = app.app.runtime.stores;
  const set = async (id: string, change: Partial<Person>) =>
    people.save({ ...(await people.get(DEMO_TENANT_ID, id))!, ...change });
  await set(DEMO_IDS.megan, {
    birthday: '03-16',
    hireDate: '2022-06-01',
    celebrate: { birthday: 'public', anniversary: 'public' },
  });
  await set(DEMO_IDS.lee, { hireDate: '2027-03-16' });
  await set(DEMO_IDS.adele, { birthday: '03-16', celebrate: { birthday: 'off', anniversary: 'public' } });
  await set(DEMO_IDS.isaiah, { birthday: '10-01', hireDate: '2026-11-01' });
  await set(DEMO_IDS.diego, { birthday: '09-09', hireDate: '2020-06-15' });
  // Alex keeps a private note about Megan; Megan keeps one about Alex (which Alex must never see).
  const note = (authorId: string, subjectId: string, subjectName: string, text: string) =>
    app.app.runtime.stores.notes.create({
      tenantId: DEMO_TENANT_ID,
      id: `note-${authorId}-${subjectId}`,
      authorId,
      subjectId,
      subjectName,
      text,
      status: 'open',
      createdAt: '2027-03-01T10:00:00.000Z',
      updatedAt: '2027-03-01T10:00:00.000Z',
    });
  await note(DEMO_IDS.alex, DEMO_IDS.megan, 'Megan Bowen', 'Ask how the half marathon went');
  await note(DEMO_IDS.megan, DEMO_IDS.alex, 'Alex Wilber', 'Megan’s private thought about Alex');
  // Alex opens the personal chat; the Kudos channel becomes the team's recognition channel.
  await playground.openConversationInstall(PERSONAL);
  await playground.send(KUDOS, 'use this channel for kudos', { mentionBot: true });
  await playground.waitForMessage(
    (m) => m.conversationId.startsWith(KUDOS) && textOf(m).includes('Done: kudos'),
  );
}, 120_000);
afterAll(async () => app?.stop());

const since = () => playground.messages().length;
/** What arrived from `index` on, once a marker shows nothing sent before it is still on its way. */
const arrivedSince = (index: number, conversation = PERSONAL) =>
  arrivedBeforeMarker(playground, conversation, index);
const cardsIn = (messages: BotMessage[], conversation: string) =>
  messages.filter((m) => m.conversationId.startsWith(conversation)).map((m) => textOf(m.attachments));
/** The data of a card's action, as the card carries it. */
const actionData = (card: unknown, verb: string) =>
  (card as { actions: Array<{ verb: string; data: Record<string, string> }> }).actions.find(
    (a) => a.verb === verb,
  )!.data;
const reminderAbout = (name: string) =>
  playground.messages().find((m) => textOf(m.attachments).includes(name))!;
/** Invokes a verb on a bot message, as Alex or as someone else of that conversation (`from`). */
const act = (message: BotMessage, verb: string, data: Record<string, unknown>, from?: string) =>
  playground.invoke({
    name: 'adaptiveCard/action',
    conversationId: message.conversationId,
    replyToId: message.messageId,
    ...(from ? { from } : {}),
    value: { action: { type: 'Action.Execute', verb, data } },
  });

describe('milestone reminders and celebrations', () => {
  it('sends the manager a reminder three working days ahead, with context and actions', async () => {
    const report = await app.app.runtime.jobs.milestones({ now: REMINDER_HOUR, tenantIds: [DEMO_TENANT_ID] });
    expect(
      report.sends
        .filter((s) => s.outcome === 'sent')
        .map((s) => `${s.kind}:${s.personName}`)
        .sort(),
    ).toEqual(['reminder:Lee Gu', 'reminder:Megan Bowen']);
    const birthday = await playground.waitForMessage(
      (m) => m.conversationId === PERSONAL && textOf(m.attachments).includes('Megan Bowen’s birthday'),
    );
    const card = textOf(birthday.attachments);
    expect(card).toContain('Tuesday 16 March, in 5 days');
    expect(card).toContain('4 years, since 2022-06-01');
    expect(card).toContain('Send wishes');
    expect(card).toContain('Snooze until tomorrow');
    expect(card).toContain('Don’t remind me for Megan');
    expect(card).toContain('Your notes (only you see these)');
    expect(card).toContain('Ask how the half marathon went');
    expect(card).not.toContain('private thought');
    const start = await playground.waitForMessage(
      (m) => m.conversationId === PERSONAL && textOf(m.attachments).includes('Lee Gu starts'),
    );
    expect(textOf(start.attachments)).toContain('Send a welcome');
    // Adele's birthday is the same day, but she turned celebrations off: no reminder for her.
    expect(cardsIn(await arrivedSince(0), PERSONAL).some((c) => c.includes('Adele'))).toBe(false);
  });

  it('running the job again for the same hour, or twice at once, sends nothing more', async () => {
    const before = since();
    const [first, second] = await Promise.all([
      app.app.runtime.jobs.milestones({ now: REMINDER_HOUR, tenantIds: [DEMO_TENANT_ID] }),
      app.app.runtime.jobs.milestones({
        now: new Date(REMINDER_HOUR.getTime() + 60_000),
        tenantIds: [DEMO_TENANT_ID],
      }),
    ]);
    expect([...first.sends, ...second.sends].filter((s) => s.outcome === 'sent')).toEqual([]);
    expect((await arrivedSince(before)).filter((m) => m.conversationId === PERSONAL)).toEqual([]);
  });

  it('“Send wishes” sends the kudos form, prefilled for the person, and the reminder stays', async () => {
    const reminder = reminderAbout('Megan Bowen’s birthday');
    const data = actionData(reminder.attachments[0]?.content, 'sendWishes');
    // The card carries its delivery and nothing about whom or what it is for.
    expect(data).toEqual({ deliveryId: expect.stringContaining('birthday:') });
    const before = since();
    const response = await act(reminder, 'sendWishes', data);
    expect(textOf(response.value)).toContain('The kudos form for Megan Bowen is below.');
    expect(textOf(response.value)).not.toContain('AdaptiveCard');
    const form = await playground.waitForMessage(
      (m, i) => i >= before && m.conversationId === PERSONAL && textOf(m.attachments).includes('Send kudos'),
    );
    expect(textOf(form.attachments)).toContain(`"value":"${DEMO_IDS.megan}"`);
    expect(textOf(form.attachments)).toContain('Happy birthday, Megan!');
    expect(
      playground.messages().some((m) => m.action === 'updateMessage' && m.messageId === reminder.messageId),
    ).toBe(false);
  });

  it('a reminder’s actions sent by someone else, or forged, are refused and change nothing', async () => {
    const reminder = reminderAbout('Lee Gu starts');
    const snoozesBefore = await app.app.runtime.stores.snoozes.dueBy(
      DEMO_TENANT_ID,
      new Date('2027-12-31T00:00:00Z'),
    );
    const alexBefore = await app.app.runtime.stores.people.get(DEMO_TENANT_ID, DEMO_IDS.alex);
    const meganBefore = await app.app.runtime.stores.people.get(DEMO_TENANT_ID, DEMO_IDS.megan);
    // Megan copies the data of Alex's reminder onto a card she can act on, in the team's channel.
    const inChannel = playground.messages().find((m) => m.conversationId.startsWith(KUDOS))!;
    for (const verb of ['snoozeReminder', 'muteReminders', 'sendWishes']) {
      const data = actionData(reminder.attachments[0]?.content, verb);
      const fromMegan = await act(inChannel, verb, data, '29:meganb');
      expect(textOf(fromMegan.value)).toContain('This card was not sent to you, so nothing was changed.');
    }
    // A payload naming a person, kind and date, as cards used to carry them, acts on nothing.
    const forged = await act(reminder, 'snoozeReminder', {
      personId: DEMO_IDS.megan,
      kind: 'birthday',
      date: '2027-03-16',
      occursOn: '2027-03-16',
    });
    expect(textOf(forged.value)).toContain('This reminder can no longer be snoozed.');
    expect(
      await app.app.runtime.stores.snoozes.dueBy(DEMO_TENANT_ID, new Date('2027-12-31T00:00:00Z')),
    ).toEqual(snoozesBefore);
    expect(await app.app.runtime.stores.people.get(DEMO_TENANT_ID, DEMO_IDS.alex)).toEqual(alexBefore);
    // Her turns record the locale her Teams client reports, and nothing else of hers changes.
    const meganAfter = await app.app.runtime.stores.people.get(DEMO_TENANT_ID, DEMO_IDS.megan);
    expect(meganAfter).toEqual({ ...meganBefore, locale: 'en-US' });
  });

  it('a snoozed reminder comes back the next morning, once', async () => {
    const reminder = reminderAbout('Lee Gu starts');
    const data = actionData(reminder.attachments[0]?.content, 'snoozeReminder');
    const snoozed = await act(reminder, 'snoozeReminder', data);
    expect(textOf(snoozed.value)).toContain('Snoozed. I’ll remind you about Lee Gu again tomorrow morning.');
    const before = since();
    const friday = new Date('2027-03-12T09:00:00Z');
    await app.app.runtime.jobs.milestones({ now: friday, tenantIds: [DEMO_TENANT_ID] });
    await app.app.runtime.jobs.milestones({
      now: new Date(friday.getTime() + 3_600_000),
      tenantIds: [DEMO_TENANT_ID],
    });
    await playground.waitForMessage((m, i) => i >= before && textOf(m.attachments).includes('Lee Gu starts'));
    expect(
      cardsIn(await arrivedSince(before), PERSONAL).filter((c) => c.includes('Lee Gu starts')),
    ).toHaveLength(1);
  });

  it('on the day, the celebration is posted in the team’s recognition channel at the person’s send hour', async () => {
    const before = since();
    await app.app.runtime.jobs.milestones({
      now: new Date('2027-03-16T09:00:00Z'),
      tenantIds: [DEMO_TENANT_ID],
    });
    const post = await playground.waitForMessage((m, i) => i >= before && m.conversationId.startsWith(KUDOS));
    expect(textOf(post.attachments)).toContain('Happy birthday, Megan Bowen!');
    expect(cardsIn(await arrivedSince(before, KUDOS), KUDOS).some((c) => c.includes('Adele'))).toBe(false);
    const person = await app.app.runtime.stores.people.get(DEMO_TENANT_ID, DEMO_IDS.megan);
    expect(person?.teamIds).toContain(DEMO_TEAM_ID);
  });

  it('“Don’t remind me for …” stops that person’s reminders, and Undo brings them back', async () => {
    const reminder = reminderAbout('Megan Bowen’s birthday');
    const muted = await act(
      reminder,
      'muteReminders',
      actionData(reminder.attachments[0]?.content, 'muteReminders'),
    );
    expect(textOf(muted.value)).toContain('You won’t get reminders about Megan Bowen any more.');
    expect((await app.app.runtime.stores.people.get(DEMO_TENANT_ID, DEMO_IDS.alex))?.mutedReminders).toEqual([
      DEMO_IDS.megan,
    ]);
    // Megan's work anniversary (1 June, a Tuesday): three working days before is Thursday 27 May, 09:00 BST.
    const before = since();
    const report = await app.app.runtime.jobs.milestones({
      now: new Date('2027-05-27T08:00:00Z'),
      tenantIds: [DEMO_TENANT_ID],
    });
    expect(report.sends.filter((s) => s.kind === 'reminder')).toEqual([]);
    expect((await arrivedSince(before)).filter((m) => m.conversationId === PERSONAL)).toEqual([]);
    const undone = await act(reminder, 'unmuteReminders', actionData(muted.value, 'unmuteReminders'));
    expect(textOf(undone.value)).toContain('Reminders about Megan Bowen are back on.');
    expect((await app.app.runtime.stores.people.get(DEMO_TENANT_ID, DEMO_IDS.alex))?.mutedReminders).toEqual(
      [],
    );
  });
});
