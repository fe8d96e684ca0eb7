import { translatorFor } from '../../../bot/i18n/translator';
import { commandPattern, textAfterCommand } from '../../../bot/i18n/commands';

describe('translator', () => {
  const en = translatorFor('en');

  it('fills placeholders and keeps what a person typed as typed', () => {
    expect(en.text('help.didYouMean', { command: '<b>notes</b> {x} **y**' })).toBe(
      'Did you mean “<b>notes</b> {x} **y**”?',
    );
  });

  it('turns style tags into text runs, never a value', () => {
    expect(en.runs('help.didYouMean', { command: 'kudos <b>@Sam</b>' })).toEqual([
      { type: 'TextRun', text: 'Did you mean “' },
      { type: 'TextRun', text: 'kudos <b>@Sam</b>', weight: 'Bolder' },
      { type: 'TextRun', text: '”?' },
    ]);
  });

  it('writes calendar days in the language’s style, whatever the reader’s zone', () => {
    expect(translatorFor('en', 'Pacific/Kiritimati').day('2027-03-16', 'short')).toBe('Tue 16 Mar');
    expect(translatorFor('de', 'Pacific/Pago_Pago').day('2027-03-16', 'long')).toBe('Dienstag, 16. März');
    expect(translatorFor('ja', 'Asia/Tokyo').day('2027-03-16', 'dayMonth')).toBe('3月16日');
  });

  it('writes times in the reader’s zone and lists in their language', () => {
    const instant = new Date('2027-03-16T05:30:00Z');
    expect(translatorFor('ja', 'Asia/Tokyo').time(instant)).toBe('14:30');
    expect(translatorFor('de', 'Europe/Berlin').time(instant)).toBe('6:30');
    expect(translatorFor('fr').list(['Sam', 'Rosa', 'Ali'])).toBe('Sam, Rosa et Ali');
    expect(translatorFor('ja').list(['Sam', 'Rosa'])).toBe('Sam、Rosa');
  });
});

describe('command words', () => {
  it('match English in any language, alone or with the rest of the message', () => {
    expect(commandPattern('help').test('  HELP ')).toBe(true);
    expect(commandPattern('help').test('help me')).toBe(false);
    expect(commandPattern('mySettings').test('my   settings')).toBe(true);
    expect(textAfterCommand('note', 'note Sam ran a marathon')).toBe('Sam ran a marathon');
    expect(textAfterCommand('note', 'notes Sam')).toBeUndefined();
    expect(textAfterCommand('notes', 'notes')).toBe('');
  });
});
