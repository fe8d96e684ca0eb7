import { DEMO_IDS, DEMO_TENANT_ID } from '../../functions/dev/local/demoOrg';
import { startTestApp, type TestApp } from '../support/localApp';
import type { PlaygroundClient } from '../support/playground';

// The on-demand brief end to end: the Playground as Teams, Alex's personal chat. Alex marks a note
// about Megan for their next 1:1; `brief Megan` brings it back under "Things to ask", in full,
// and never shows it anywhere but Alex's own chat.
let app: TestApp;
let playground: PlaygroundClient;
const PERSONAL = 'a:moments-personal-alexw';
const GROUP = '19:launch-crew@thread.v2';
const NOTE_TEXT = 'ask how the Chicago marathon went';
const textOf = (value: unknown) => JSON.stringify(value);

type Action = { type?: string; verb?: string; data?: Record<string, string> };
const actionsIn = (card: unknown): Action[] => {
  const found: Action[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'Action.Execute') found.push(element as Action);
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
};

beforeAll(async () => {
  app = await startTestApp({ playground: true });
  playground = app.playground!;
  await playground.openConversationInstall(PERSONAL);
}, 120_000);
afterAll(async () => app?.stop());

const since = () => playground.messages().length;

describe('brief', () => {
  it('a note marked "Bring this up at our next 1:1" comes back in `brief Megan` under Things to ask', async () => {
    let before = since();
    await playground.send(PERSONAL, 'note');
    const form = await playground.waitForMessage(
      (m, i) => i >= before && m.conversationId === PERSONAL && textOf(m.attachments).includes('New note'),
    );
    expect(textOf(form.attachments)).toContain('"id":"nextOneOnOne"');
    const save = actionsIn(form.attachments[0]?.content).find((a) => a.verb === 'saveNote')!;
    const saved = await playground.invoke({
      name: 'adaptiveCard/action',
      conversationId: PERSONAL,
      replyToId: form.messageId,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'saveNote',
          data: { ...save.data, subject: DEMO_IDS.megan, text: NOTE_TEXT, nextOneOnOne: 'true' },
        },
      },
    });
    expect(textOf(saved.value)).toContain('Saved your note about Megan Bowen');
    const [stored] = await app.app.runtime.stores.notes.openByAuthor(DEMO_TENANT_ID, DEMO_IDS.alex);
    expect(stored).toMatchObject({ subjectId: DEMO_IDS.megan, text: NOTE_TEXT });
    expect(stored?.nextOneOnOneSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    before = since();
    await playground.send(PERSONAL, 'brief Megan');
    const brief = await playground.waitForMessage(
      (m, i) =>
        i >= before && m.conversationId === PERSONAL && textOf(m.attachments).includes('Things to ask'),
    );
    const card = textOf(brief.attachments);
    expect(card).toContain('Megan Bowen');
    expect(card).toContain(NOTE_TEXT);
    expect(card).toContain('for your next 1:1');
    // Its actions open forms about Megan without replacing the brief.
    const verbs = actionsIn(brief.attachments[0]?.content).map((a) => a.verb);
    expect(verbs).toEqual(expect.arrayContaining(['sendWishes', 'newNote']));
  });

  it('in a group chat `brief` only points to the personal chat and shows no note', async () => {
    const before = since();
    await playground.send(GROUP, 'brief Megan', { mentionBot: true });
    const reply = await playground.waitForMessage((m, i) => i >= before && m.conversationId === GROUP);
    expect(textOf(reply)).not.toContain(NOTE_TEXT);
    expect(textOf(reply)).toContain('in your personal chat with Moments');
  });
});
