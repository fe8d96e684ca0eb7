import type { Person } from '../../../core/people';
import { markdownLiteral } from '../../../bot/teams/markdown';
import { startFakeConnector, type FakeConnector } from '../../support/fakeConnector';
import { ALEX, startBotHarness } from '../../support/botHarness';

// The welcome is markdown (it makes "help" bold); the installer's name in it is theirs to choose,
// and must read as they typed it, never as bold text or a link.

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector({ limits: false });
});
afterAll(async () => connector.close());

/** Markdown's own reading of backslash escapes: an escaped punctuation character is itself. */
const unescaped = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
/** What is left once every escaped character is taken out: markup, if any could still open. */
const unescapedMarkup = (markdown: string) => markdown.replace(/\\[\s\S]/g, '').match(/[*_`~[\]<>]/g) ?? [];

describe('the welcome in the installer’s personal chat', () => {
  it.each([
    ['**Boss** [x](https://evil.example)', '**Boss**'],
    ['[Boss](https://evil.example) Smith', '[Boss](https://evil.example)'],
    ['<b>Boss</b>_x_ `y`', '<b>Boss</b>_x_'],
  ])('shows the first name of %s as typed', async (displayName, firstName) => {
    const harness = startBotHarness({ serviceUrl: connector.url });
    const installer: Person = { ...ALEX, displayName };
    const before = connector.received().length;
    await harness.post(
      { type: 'conversationUpdate', membersAdded: [{ id: '28:moments' }] },
      'personal',
      installer,
    );

    const [welcome] = connector.received().slice(before);
    const text = welcome?.text ?? '';
    const greeting = /^Hi (.*), I’m Moments\./.exec(text)?.[1] ?? '';
    expect(unescaped(greeting)).toBe(firstName);
    expect(unescapedMarkup(greeting)).toEqual([]);
    // The welcome's own markdown is untouched.
    expect(text).toContain('Type **help** to see what you can do here.');
    await harness.background.drain();
  });
});

describe('markdownLiteral', () => {
  it('escapes every character that opens markup within a line, and keeps the rest', () => {
    const typed = 'Zoë O’Brien-Smith **bold** _it_ ~~s~~ `c` [l](u) <b> &amp; \\ 42';
    expect(unescaped(markdownLiteral(typed))).toBe(typed);
    expect(unescapedMarkup(markdownLiteral(typed))).toEqual([]);
    expect(markdownLiteral('Zoë O’Brien-Smith')).toBe('Zoë O’Brien-Smith');
  });

  it('keeps what was typed on one line, so that it cannot start a heading or a list', () => {
    expect(markdownLiteral('Boss\n# Heading\n- item')).toBe('Boss # Heading - item');
  });
});
