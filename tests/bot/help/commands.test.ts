import { translatorFor } from '../../../bot/i18n/translator';
import { commandsFor } from '../../../bot/help/commands';

const en = translatorFor('en');

describe('commands', () => {
  it('the three commands are listed under “Your data” in the personal chat only', () => {
    const personal = commandsFor('personal', en).find((s) => s.title === 'Your data');
    expect(personal?.commands.map((c) => c.command)).toEqual(['my settings', 'my data', 'forget me']);
    expect(commandsFor('channel', en).find((s) => s.title === 'Your data')).toBeUndefined();
    expect(commandsFor('groupChat', en).find((s) => s.title === 'Your data')).toBeUndefined();
  });
});

describe('admin commands', () => {
  it('are listed everywhere, mentioned in group conversations', () => {
    const personal = commandsFor('personal', en).find((s) => s.title === 'Team set-up');
    expect(personal?.commands.map((c) => c.command)).toEqual(
      expect.arrayContaining(['admins', 'admins add @name / admins remove @name']),
    );
    const channel = commandsFor('channel', en).find((s) => s.title === 'Team set-up');
    expect(channel?.commands.map((c) => c.command)).toContain('@Moments admins');
  });
});
