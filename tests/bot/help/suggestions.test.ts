import { translatorFor } from '../../../bot/i18n/translator';
import { expandCard } from '../../../bot/teams/cardRender';
import { suggestionCard } from '../../../bot/help/helpCard';
import { commandWordsFor, isMisspacedCommand, suggestCommand } from '../../../bot/help/suggestions';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';

describe('did you mean', () => {
  it('knows the words every typed command starts with, from the help catalogue', () => {
    expect(commandWordsFor('personal')).toEqual(
      expect.arrayContaining([
        'help',
        'kudos',
        'note',
        'notes',
        'my settings',
        'forget me',
        'values add',
        'values restore',
        'admins remove',
      ]),
    );
    expect(commandWordsFor('personal')).not.toContain('kudos kudos');
    expect(commandWordsFor('channel')).not.toContain('my settings');
  });

  it.each([
    ['kudo', 'kudos'],
    ['note s', 'notes'],
    ['my setting', 'my settings'],
    ['setings', 'settings'],
    ['hlep', 'help'],
    ['Help me', 'help'],
    ['stats please', 'stats'],
    ['mydata', 'my data'],
    ['forgetme', 'forget me'],
    ['digets', 'digest'],
    ['kudo @Megan great work #teamwork', 'kudos @Megan great work #teamwork'],
    ['values retrie innovation', 'values retire innovation'],
  ])('“%s” → “%s”', (typed, meant) => {
    expect(suggestCommand(typed, 'personal')).toBe(meant);
  });

  it.each(['hello', 'thanks a lot', 'ok', '', 'what is the weather', 'x'.repeat(5000)])(
    'has nothing to suggest for “%s”',
    (typed) => {
      expect(suggestCommand(typed, 'personal')).toBeUndefined();
    },
  );

  it('suggests only commands that work in the conversation', () => {
    expect(suggestCommand('my setting', 'channel')).toBeUndefined();
    expect(suggestCommand('stat', 'channel')).toBe('stats');
  });

  it('catches a command with its spaces wrong before a handler reads the rest as an argument', () => {
    expect(isMisspacedCommand('note s', 'personal')).toBe(true);
    expect(isMisspacedCommand('  mysettings ', 'personal')).toBe(true);
    expect(isMisspacedCommand('notes', 'personal')).toBe(false);
    expect(isMisspacedCommand('note Sam', 'personal')).toBe(false);
    expect(isMisspacedCommand('my settings', 'personal')).toBe(false);
  });

  it('the card asks and its button sends the command, without reading it as markdown', () => {
    const t = translatorFor('en');
    const card = expandCard(suggestionCard, {
      question: t.runs('help.didYouMean', { command: 'kudos **@Megan**' }),
      orHelp: t.text('help.orHelp', { help: 'help' }),
      command: 'kudos **@Megan**',
    });
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
    const text = JSON.stringify(card);
    expect(text).toContain('{"type":"TextRun","text":"kudos **@Megan**","weight":"Bolder"}');
    expect(card.actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'kudos **@Megan**',
        data: { msteams: { type: 'imBack', value: 'kudos **@Megan**' } },
      },
    ]);
  });
});
