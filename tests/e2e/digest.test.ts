import { addDays, instantOfLocal, localDateOf, weekdayOf } from '../../core/shared';
import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { runJobsCli } from '../support/jobsCli';
import { startTestApp, type TestApp } from '../support/localApp';
import { arrivedBeforeMarker, type BotMessage, type PlaygroundClient } from '../support/playground';

// The weekly digest end to end: the demo organisation, a kudos given in the Playground, the job run
// at Alex's Monday 08:00, the digest card in Alex's personal chat; `digest` on demand; the jobs CLI.
jest.setTimeout(240_000);

let app: TestApp;
let playground: PlaygroundClient;
const PERSONAL = 'a:moments-personal-alexw';
const GENERAL = '19:product-team-general@thread.tacv2';
const textOf = (value: unknown) => JSON.stringify(value);
const LONDON = 'Europe/London';

/** The first Monday 08:00 in London at or after `from` (so kudos given now are within its week). */
function nextMondayEight(from: Date): Date {
  for (let date = localDateOf(from, LONDON); ; date = addDays(date, 1)) {
    const at = instantOfLocal(date, 8, LONDON);
    if (weekdayOf(date) === 1 && at.getTime() > from.getTime()) return at;
  }
}

let monday: Date;
beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
  await playground.openConversationInstall(PERSONAL);
  // Alex thanks Megan from the compose box, as in Teams.
  const fetched = await playground.invoke({
    name: 'composeExtension/fetchTask',
    conversationId: GENERAL,
    value: { commandId: 'sendKudos', commandContext: 'compose', context: { theme: 'default' } },
  });
  const card = (
    fetched.task as { value: { card: { content: { actions: Array<{ data: { submissionId: string } }> } } } }
  ).value.card.content;
  await playground.invoke({
    name: 'composeExtension/submitAction',
    conversationId: GENERAL,
    value: {
      commandId: 'sendKudos',
      commandContext: 'compose',
      data: {
        verb: 'sendKudos',
        submissionId: card.actions[0]!.data.submissionId,
        recipients: DEMO_IDS.megan,
        value: 'customer-first',
        message: 'turning that client call around',
      },
    },
  });
  monday = nextMondayEight(new Date());
});
afterAll(async () => app?.stop());

const digestsIn = (messages: BotMessage[]) =>
  messages.filter(
    (m) => m.conversationId === PERSONAL && textOf(m.attachments).includes('Your weekly digest'),
  );

describe('weekly digest', () => {
  it('the job delivers the digest card to Alex’s personal chat at Alex’s Monday 08:00, once', async () => {
    const before = playground.messages().length;
    const report = await app.app.runtime.jobs.digest({ now: monday, tenantIds: [DEMO_TENANT_ID] });
    expect(report.sends.filter((s) => s.outcome === 'sent').map((s) => s.managerName)).toEqual([
      'Alex Wilber',
    ]);
    const message = await playground.waitForMessage(
      (m) => m.conversationId === PERSONAL && textOf(m.attachments).includes('Your weekly digest'),
    );
    const card = textOf(message.attachments);
    expect(card).toContain('4 direct reports');
    expect(card).toContain(
      'Start the meeting by thanking Megan for “turning that client call around”, which Alex Wilber recognised this week (Customer first).',
    );
    expect(card).toContain('Send kudos');
    expect(card).toContain('Add note');
    expect(card).not.toContain('Isaiah'); // Diego's report, not Alex's
    expect(digestsIn(playground.messages().slice(before))).toHaveLength(1);

    const again = await app.app.runtime.jobs.digest({
      now: new Date(monday.getTime() + 60 * 60 * 1000),
      tenantIds: [DEMO_TENANT_ID],
    });
    expect(again.sends.filter((s) => s.outcome === 'sent')).toEqual([]);
    expect(digestsIn(await arrivedBeforeMarker(playground, PERSONAL, before))).toHaveLength(1);
  });

  it('“Send kudos” and “Add note” on the digest send their forms as new messages; the digest stays', async () => {
    const message = digestsIn(playground.messages())[0]!;
    type Action = { verb: string; data: Record<string, string> };
    const actions: Action[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        const action = node as Partial<Action> & { type?: string };
        if (action.type === 'Action.Execute' && action.verb && action.data) actions.push(action as Action);
        Object.values(node).forEach(collect);
      }
    };
    collect(message.attachments);
    const kudosFor = actions.find((a) => a.verb === 'sendWishes' && a.data.personId === DEMO_IDS.adele)!;
    const noteFor = actions.find((a) => a.verb === 'newNote' && a.data.subject === DEMO_IDS.lee)!;
    const act = (action: Action, from?: string, conversationId = PERSONAL, replyToId = message.messageId) =>
      playground.invoke({
        name: 'adaptiveCard/action',
        conversationId,
        replyToId,
        ...(from ? { from } : {}),
        value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data } },
      });

    // Megan copies the digest's buttons onto a card she can act on: refused, no form.
    const asked = playground.messages().length;
    await playground.send(GENERAL, 'help', { mentionBot: true });
    const inGeneral = await playground.waitForMessage(
      (m, i) => i >= asked && m.conversationId.startsWith(GENERAL),
    );
    const forgedKudos = await act(kudosFor, '29:meganb', inGeneral.conversationId, inGeneral.messageId);
    expect(textOf(forgedKudos.value)).toContain('This card was not sent to you, so nothing was changed.');
    // Notes act only in the personal chat: refused there before the delivery is even read.
    const forgedNote = await act(noteFor, '29:meganb', inGeneral.conversationId, inGeneral.messageId);
    expect(textOf(forgedNote.value)).toContain('Notes are private');
    expect(textOf(forgedNote.value)).not.toContain('New note');
    // Alex naming someone the digest did not list is refused too.
    const unlisted = await act({ ...kudosFor, data: { ...kudosFor.data, personId: DEMO_IDS.isaiah } });
    expect(textOf(unlisted.value)).toContain('This card was not sent to you, so nothing was changed.');

    let before = playground.messages().length;
    const kudosForm = await act(kudosFor);
    expect(textOf(kudosForm.value)).toContain('The kudos form for Adele Vance is below.');
    const kudosMessage = await playground.waitForMessage(
      (m, i) => i >= before && m.conversationId === PERSONAL && textOf(m.attachments).includes('Send kudos'),
    );
    expect(textOf(kudosMessage.attachments)).toContain('Thank you, Adele, for ');
    before = playground.messages().length;
    const noteForm = await act(noteFor);
    expect(textOf(noteForm.value)).toContain('The note form about Lee Gu is below.');
    const noteMessage = await playground.waitForMessage(
      (m, i) => i >= before && m.conversationId === PERSONAL && textOf(m.attachments).includes('New note'),
    );
    expect(textOf(noteMessage.attachments)).toContain(`"value":"${DEMO_IDS.lee}"`);
    // The digest itself was never replaced.
    expect(
      playground.messages().some((m) => m.action === 'updateMessage' && m.messageId === message.messageId),
    ).toBe(false);
  });

  it('`digest` typed in the personal chat shows this week’s digest; in a channel it points to the personal chat', async () => {
    await playground.send(PERSONAL, 'digest');
    const shown = await playground.waitForMessage(
      (m) =>
        m.conversationId === PERSONAL &&
        textOf(m.attachments).includes('Your weekly digest') &&
        digestsIn(playground.messages()).indexOf(m) > 0,
    );
    expect(textOf(shown.attachments)).toContain('turning that client call around');
    await playground.send(GENERAL, 'digest', { mentionBot: true });
    const pointer = await playground.waitForMessage(
      (m) => m.conversationId.startsWith(GENERAL) && (m.text ?? '').includes('personal chat with Moments'),
    );
    expect(pointer.attachments ?? []).toEqual([]);
  });

  it('`npm run job -- digest --at …` beside the running app delivers the next week’s digest once', async () => {
    const nextWeek = new Date(monday.getTime() + 7 * 24 * 60 * 60 * 1000);
    const job = (...more: string[]) =>
      runJobsCli(app.dataDir, 'digest', '--at', nextWeek.toISOString(), '--tenant', DEMO_TENANT_ID, ...more);
    const before = digestsIn(playground.messages()).length;
    const dry = await job('--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/would send\s+digest \d{4}-W\d{2} \(4 report\(s\)\) → Alex Wilber/);
    const first = await job();
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^\s+sent\s+digest \d{4}-W\d{2} \(4 report\(s\)\) → Alex Wilber/m);
    await playground.waitForMessage(() => digestsIn(playground.messages()).length > before);
    const again = await job();
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/^\s+sent/m);
    expect(digestsIn(await arrivedBeforeMarker(playground, PERSONAL, 0))).toHaveLength(before + 1);
  });
});
