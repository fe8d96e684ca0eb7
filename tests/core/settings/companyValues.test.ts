import {
  addValue,
  defaultTenantSettings,
  findValue,
  renameValue,
  restoreValue,
  retireValue,
  valueIdFor,
  type TenantSettings,
  type ValueChange,
} from '../../../core/settings';

const T = 'tenant-a';
const defaults = () => defaultTenantSettings(T, 'UTC');

/** The settings a successful change produced; fails the test with the refusal otherwise. */
function applied(change: ValueChange): Extract<ValueChange, { ok: true }> {
  if (!change.ok) throw new Error(`expected the change to apply, got ${change.code}`);
  return change;
}

const activeIds = (settings: TenantSettings) => settings.values.filter((v) => !v.retired).map((v) => v.id);

describe('adding a value', () => {
  test('adds it under a tag-friendly id, leaves the others as they were, and says so', () => {
    const before = defaults();
    const change = applied(addValue(before, '  Courage under fire  '));
    expect(change.value).toEqual({ id: 'courage-under-fire', name: 'Courage under fire' });
    expect(change.done).toBe('added');
    expect(change.settings.values).toEqual([...before.values, change.value]);
    expect(before.values).toHaveLength(6); // the caller's settings are not changed in place
  });

  test('accents and punctuation fold into the id', () => {
    expect(applied(addValue(defaults(), 'Créativité & Soin!')).value.id).toBe('creativite-soin');
    expect(valueIdFor('Customer first')).toBe('customer-first');
  });

  test.each([
    ['an empty name', ''],
    ['a blank name', '   '],
    ['a name of punctuation only', '!!! ???'],
  ])('refuses %s', (_what, name) => {
    expect(addValue(defaults(), name)).toEqual({ ok: false, code: 'VALUES.NAME_REQUIRED' });
  });

  test('refuses a name over 40 characters, and takes one of exactly 40', () => {
    expect(addValue(defaults(), 'x'.repeat(41))).toEqual({
      ok: false,
      code: 'VALUES.NAME_TOO_LONG',
      most: 40,
    });
    expect(addValue(defaults(), 'x'.repeat(40)).ok).toBe(true);
  });

  test.each([
    ['the same name in another case', 'TEAMWORK'],
    ['a name with the same id', 'Customer-First'],
  ])('refuses %s as a duplicate', (_what, name) => {
    expect(addValue(defaults(), name)).toMatchObject({
      ok: false,
      code: 'VALUES.DUPLICATE',
      clash: { name: expect.stringMatching(/^(Teamwork|Customer first)$/) },
    });
  });

  test('refuses the name of a retired value, naming it so the refusal can say how to restore it', () => {
    const retired = applied(retireValue(defaults(), 'ownership')).settings;
    expect(addValue(retired, 'Ownership')).toEqual({
      ok: false,
      code: 'VALUES.DUPLICATE',
      clash: { id: 'ownership', name: 'Ownership', retired: true },
    });
  });
});

describe('finding a value', () => {
  test.each(['customer-first', '#customer-first', 'Customer First', '#CUSTOMER_FIRST'])(
    '“%s” finds Customer first',
    (reference) => {
      expect(findValue(defaults(), reference)?.id).toBe('customer-first');
    },
  );

  test('a value whose id differs from its name is found by either', () => {
    expect(findValue(defaults(), 'growth')?.name).toBe('Learning & growth');
    expect(findValue(defaults(), 'Learning & growth')?.id).toBe('growth');
    expect(findValue(defaults(), 'courage')).toBeUndefined();
  });
});

describe('renaming a value', () => {
  test('keeps its id, so past kudos and tags still point at it', () => {
    const change = applied(renameValue(defaults(), '#teamwork', 'Working together'));
    expect(change.value).toEqual({ id: 'teamwork', name: 'Working together' });
    expect(change).toMatchObject({ done: 'renamed', formerName: 'Teamwork' });
    expect(change.settings.values.map((v) => v.id)).toEqual(defaults().values.map((v) => v.id));
    expect(findValue(change.settings, 'Working together')?.id).toBe('teamwork');
  });

  test('may change only the case of its own name', () => {
    expect(applied(renameValue(defaults(), 'teamwork', 'TeamWork')).value.name).toBe('TeamWork');
  });

  test('keeps it retired when it was', () => {
    const retired = applied(retireValue(defaults(), 'innovation')).settings;
    expect(applied(renameValue(retired, 'innovation', 'Invention')).value).toEqual({
      id: 'innovation',
      name: 'Invention',
      retired: true,
    });
  });

  test('refuses an unknown value, naming the values there are, a clash with another value and a bad name', () => {
    expect(renameValue(defaults(), 'bravery', 'Courage')).toEqual({
      ok: false,
      code: 'VALUES.UNKNOWN',
      reference: 'bravery',
      active: [
        'Teamwork',
        'Customer first',
        'Ownership',
        'Innovation',
        'Learning & growth',
        'Above and beyond',
      ],
      retired: [],
    });
    const retired = applied(retireValue(defaults(), 'innovation')).settings;
    expect(restoreValue(retired, 'inovation')).toMatchObject({
      ok: false,
      active: ['Teamwork', 'Customer first', 'Ownership', 'Learning & growth', 'Above and beyond'],
      retired: ['Innovation'],
    });
    expect(renameValue(defaults(), 'teamwork', 'Ownership')).toMatchObject({
      ok: false,
      code: 'VALUES.DUPLICATE',
      clash: { id: 'ownership', name: 'Ownership' },
    });
    expect(renameValue(defaults(), 'teamwork', ' ')).toMatchObject({
      ok: false,
      code: 'VALUES.NAME_REQUIRED',
    });
    expect(renameValue(defaults(), 'teamwork', 'y'.repeat(41))).toMatchObject({
      ok: false,
      code: 'VALUES.NAME_TOO_LONG',
    });
  });
});

describe('retiring and restoring a value', () => {
  test('a retired value stays in the list, marked retired; restoring offers it again', () => {
    const retired = applied(retireValue(defaults(), 'Customer first'));
    expect(retired.value).toEqual({ id: 'customer-first', name: 'Customer first', retired: true });
    expect(retired.done).toBe('retired');
    expect(retired.settings.values).toHaveLength(6);
    expect(activeIds(retired.settings)).not.toContain('customer-first');

    const restored = applied(restoreValue(retired.settings, '#customer-first'));
    expect(restored.value).toEqual({ id: 'customer-first', name: 'Customer first' });
    expect(restored.done).toBe('restored');
    expect(restored.settings.values).toEqual(defaults().values);
  });

  test('refuses to retire the last active value, and retires every other', () => {
    let settings = defaults();
    for (const id of ['teamwork', 'customer-first', 'ownership', 'innovation', 'growth']) {
      settings = applied(retireValue(settings, id)).settings;
    }
    expect(activeIds(settings)).toEqual(['above-and-beyond']);
    expect(retireValue(settings, 'above-and-beyond')).toEqual({ ok: false, code: 'VALUES.LAST_ONE' });
    // Another active value makes it possible again.
    const withCourage = applied(addValue(settings, 'Courage')).settings;
    expect(activeIds(applied(retireValue(withCourage, 'above-and-beyond')).settings)).toEqual(['courage']);
  });

  test('refuses an unknown value either way', () => {
    expect(retireValue(defaults(), 'bravery')).toMatchObject({ ok: false, code: 'VALUES.UNKNOWN' });
    expect(restoreValue(defaults(), 'bravery')).toMatchObject({ ok: false, code: 'VALUES.UNKNOWN' });
  });
});
