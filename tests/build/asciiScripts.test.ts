import { asciiOnly } from '../../scripts/asciiScripts';

/** The value of a JavaScript literal written in `source`. */
const valueOf = (source: string): unknown => new Function(`return ${source};`)();

describe('asciiOnly (the bundle written in ASCII)', () => {
  it('leaves ASCII as it is', () => {
    const text = 'const a = "x"; // plain\n/[a-z]+/g';
    expect(asciiOnly(text)).toBe(text);
  });

  it('escapes comments, so they are ASCII and say the same to a reader', () => {
    expect(asciiOnly('// a request to a proxy, […]')).toBe('// a request to a proxy, [\\u2026]');
  });

  it.each([
    String.raw`/^[\s,:–-]+/`,
    String.raw`/\–/`,
    String.raw`/\\–/`,
    '/😀+/u',
    '/[€£]/',
    '"Teams admin center › Manage apps"',
  ])('keeps what %s matches, or means, unchanged', (literal) => {
    const escaped = asciiOnly(literal);
    // eslint-disable-next-line no-control-regex -- the range is the point: everything past ASCII
    expect(escaped).not.toMatch(/[^\x00-\x7f]/);
    const before = valueOf(literal);
    const after = valueOf(escaped);
    if (before instanceof RegExp && after instanceof RegExp) {
      for (const sample of ['–', '-', ' ,', '\\–', '\\', '😀😀', '€', '£', 'a']) {
        expect([sample, after.test(sample)]).toEqual([sample, before.test(sample)]);
      }
    } else {
      expect(after).toBe(before);
    }
  });
});
