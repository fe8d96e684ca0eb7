import { readUserText, shorten, tidyText, visibleLength, withoutInvisibles } from '../../../core/shared';

describe('readUserText', () => {
  it('keeps what people typed, tidied, and counts it as they do', () => {
    expect(readUserText('  Thanks for the launch 🚀  \r\n\r\n\r\n\r\nGreat work 👨‍👩‍👧 ', 500)).toEqual({
      ok: true,
      text: 'Thanks for the launch 🚀\n\nGreat work 👨‍👩‍👧',
      length: 37,
    });
  });

  it.each([
    ['spaces and line breaks', '  \n \n\t '],
    ['zero-width spaces and joiners', '\u200B\u200C\u200D\uFEFF'],
    ['bidi controls', '\u202E\u2066\u2069\u200F'],
    ['null and other control characters', '\u0000\u0007\u001B\u007F'],
  ])('refuses a message of only %s as empty', (_what, raw) => {
    expect(readUserText(raw, 500)).toEqual({ ok: false, problem: 'empty' });
  });

  it('strips invisible characters from a message that has visible ones', () => {
    expect(readUserText('Tha\u200Bnks\u202E \u0000team', 500)).toMatchObject({
      ok: true,
      text: 'Thanks team',
    });
  });

  it('refuses a text over its limit with its length', () => {
    expect(readUserText('a'.repeat(501), 500)).toEqual({ ok: false, problem: 'too-long', length: 501 });
  });

  it('refuses a text far over its limit by its raw length, unread', () => {
    // 'e' + combining acute: two code units, one visible character. Read, this is 1,500 characters;
    // refused unread, it is its 3,000 code units.
    const accents = 'e\u0301'.repeat(1500);
    expect(readUserText(accents, 500)).toEqual({ ok: false, problem: 'too-long', length: 3000 });
    expect(readUserText(' '.repeat(200_000) + 'x', 500)).toEqual({
      ok: false,
      problem: 'too-long',
      length: 200_001,
    });
  });
});

describe('tidyText', () => {
  it('is linear in a long run of spaces with no line break', () => {
    const spaces = ' '.repeat(100_000);
    expect(tidyText(`a${spaces}b${spaces}`)).toBe(`a${spaces}b`);
  });
});

describe('withoutInvisibles', () => {
  it('keeps line breaks and the joiner of emoji sequences, turns tabs into spaces', () => {
    expect(withoutInvisibles('a\tb\nc👨‍👩‍👧\u200B')).toBe('a b\nc👨‍👩‍👧');
  });
});

describe('shorten', () => {
  it('cuts after the visible characters asked for, with an ellipsis', () => {
    expect(shorten('Thanks for everything 🚀🚀', 10)).toBe('Thanks fo…');
    expect(shorten('short', 10)).toBe('short');
    expect(visibleLength(shorten('é'.repeat(50), 10))).toBe(10);
  });
});
