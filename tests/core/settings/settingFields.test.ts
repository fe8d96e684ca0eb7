import {
  defaultTenantSettings,
  parseSettingValues,
  SETTING_NAMES,
  settingTexts,
  withSettingValues,
} from '../../../core/settings';
import { settingProblemText } from '../../../functions/dev/jobs/englishWording';

const problemsOf = (raw: Record<string, string>) => parseSettingValues(raw).problems;
const valueOf = (field: string, text: string) => {
  const { values, problems } = parseSettingValues({ [field]: text });
  expect(problems).toEqual([]);
  return (values as Record<string, unknown>)[field];
};
const refused = (field: string, text: string) => {
  const problems = problemsOf({ [field]: text });
  expect(problems).toHaveLength(1);
  expect(problems[0]?.field).toBe(field);
  // Core says what is wrong as a code and values; the jobs CLI's English words are checked here.
  return problems[0] && settingProblemText(problems[0]);
};

describe('settings as text', () => {
  it('dailyKudosLimit is 1 to 100, or off for no limit', () => {
    expect(valueOf('dailyKudosLimit', '1')).toBe(1);
    expect(valueOf('dailyKudosLimit', ' 100 ')).toBe(100);
    expect(valueOf('dailyKudosLimit', 'off')).toBeNull();
    expect(valueOf('dailyKudosLimit', 'OFF')).toBeNull();
    for (const wrong of ['0', '101', '2.5', '-1', '', 'five', '1e2'])
      expect(refused('dailyKudosLimit', wrong)).toMatch(
        /dailyKudosLimit must be a whole number from 1 to 100/,
      );
    expect(refused('dailyKudosLimit', '101')).toMatch(/or off for no limit; “101” is not/);
  });

  it('reminderLeadDays is 1 to 10 working days', () => {
    expect(valueOf('reminderLeadDays', '1')).toBe(1);
    expect(valueOf('reminderLeadDays', '10')).toBe(10);
    expect(refused('reminderLeadDays', '0')).toMatch(/from 1 to 10/);
    expect(refused('reminderLeadDays', '11')).toMatch(/from 1 to 10/);
  });

  it('sendHour and digestHour are hours 0 to 23', () => {
    for (const field of ['sendHour', 'digestHour']) {
      expect(valueOf(field, '0')).toBe(0);
      expect(valueOf(field, '23')).toBe(23);
      expect(refused(field, '24')).toMatch(new RegExp(`${field} must be a whole number from 0 to 23`));
      expect(refused(field, '9am')).toMatch(/“9am” is not/);
    }
  });

  it('digestDay is a weekday, by number (1 = Monday) or by name', () => {
    expect(valueOf('digestDay', '1')).toBe(1);
    expect(valueOf('digestDay', '7')).toBe(7);
    expect(valueOf('digestDay', 'Monday')).toBe(1);
    expect(valueOf('digestDay', 'friday')).toBe(5);
    expect(valueOf('digestDay', 'Sun')).toBe(7);
    expect(valueOf('digestDay', 'wed')).toBe(3);
    for (const wrong of ['0', '8', 'Funday', 'm', ''])
      expect(refused('digestDay', wrong)).toMatch(
        /digestDay must be a weekday \(Monday … Sunday, or 1 … 7\)/,
      );
  });

  it('weekendRule, feb29Rule and defaultCelebration take their named choices only', () => {
    expect(valueOf('weekendRule', 'previous-working-day')).toBe('previous-working-day');
    expect(valueOf('weekendRule', 'next-working-day')).toBe('next-working-day');
    expect(valueOf('weekendRule', 'Keep')).toBe('keep');
    expect(refused('weekendRule', 'monday')).toMatch(
      /weekendRule must be previous-working-day, next-working-day or keep; “monday” is not/,
    );
    expect(valueOf('feb29Rule', 'feb28')).toBe('feb28');
    expect(valueOf('feb29Rule', 'mar1')).toBe('mar1');
    expect(refused('feb29Rule', 'mar2')).toMatch(/feb29Rule must be feb28 or mar1/);
    for (const choice of ['off', 'manager', 'public'])
      expect(valueOf('defaultCelebration', choice)).toBe(choice);
    expect(refused('defaultCelebration', 'everyone')).toMatch(/must be off, manager or public/);
  });

  it('the on/off settings take on/off (people) and true/false (the card’s toggles)', () => {
    for (const field of [
      'birthdays',
      'anniversaries',
      'managerCopy',
      'teamOwnersManageChannel',
      'installForEveryone',
      'calendarBriefs',
      'weeklyNudge',
    ]) {
      expect(valueOf(field, 'on')).toBe(true);
      expect(valueOf(field, 'Off')).toBe(false);
      expect(valueOf(field, 'true')).toBe(true);
      expect(valueOf(field, 'false')).toBe(false);
      expect(refused(field, 'maybe')).toMatch(new RegExp(`${field} must be on or off`));
    }
  });

  it('checkIns lists the new-hire check-in days kept, in any order, or none', () => {
    expect(valueOf('checkIns', '0,7,30,90')).toEqual([0, 7, 30, 90]);
    expect(valueOf('checkIns', '90, 0')).toEqual([0, 90]);
    expect(valueOf('checkIns', 'none')).toEqual([]);
    expect(valueOf('checkIns', '')).toEqual([]);
    for (const wrong of ['14', '0,0', '0,,7', 'all'])
      expect(refused('checkIns', wrong)).toMatch(/checkIns must be the new-hire check-in days to keep/);
  });

  it('names an unknown setting and lists the real ones', () => {
    expect(refused('dailyLimit', '5')).toMatch(
      /dailyLimit is not a setting\. The settings are dailyKudosLimit, /,
    );
  });

  it('has a message for every wrong field at once, and keeps the right ones apart', () => {
    const { values, problems } = parseSettingValues({
      sendHour: '25',
      digestDay: 'Tue',
      dailyKudosLimit: '0',
    });
    expect(problems.map((p) => p.field)).toEqual(['sendHour', 'dailyKudosLimit']);
    expect(values).toEqual({ digestDay: 2 });
  });

  it('says what is wrong as a code with the values a message needs', () => {
    expect(problemsOf({ dailyKudosLimit: '500', feb29Rule: 'mar2', defaultLanguage: 'xx' })).toEqual([
      {
        field: 'dailyKudosLimit',
        code: 'range',
        given: '500',
        min: 1,
        max: 100,
        note: 'offForNoLimit',
      },
      { field: 'feb29Rule', code: 'oneOf', given: 'mar2', choices: ['feb28', 'mar1'] },
      {
        field: 'defaultLanguage',
        code: 'language',
        given: 'xx',
        languages: expect.arrayContaining(['en', 'ja']),
      },
    ]);
    expect(refused('defaultLanguage', 'klingon')).toBe(
      'defaultLanguage must be en, de, fr, es, it, pt-BR, nl or ja; “klingon” is not.',
    );
  });

  it('quotes a long wrong value cut short', () => {
    expect(refused('sendHour', 'x'.repeat(500))).toMatch(/“x{40}…” is not/);
  });

  it('writes every setting as text that reads back as the same setting', () => {
    const settings = withSettingValues(defaultTenantSettings('t', 'UTC'), {
      dailyKudosLimit: null,
      checkIns: [0, 30],
      birthdays: false,
      weekendRule: 'next-working-day',
    });
    const texts = settingTexts(settings);
    expect(Object.keys(texts)).toEqual([...SETTING_NAMES]);
    expect(texts).toMatchObject({
      dailyKudosLimit: 'off',
      checkIns: '0,30',
      birthdays: 'off',
      managerCopy: 'on',
    });
    const { values, problems } = parseSettingValues(texts);
    expect(problems).toEqual([]);
    expect(withSettingValues(defaultTenantSettings('t', 'UTC'), values)).toEqual(settings);
  });
});
