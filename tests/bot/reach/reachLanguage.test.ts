// `reach` answers in the admin's language: the command word is theirs, the counts are written
// their way, and the refusals too. The German catalogue is not translated yet, so these stand in
// for what it will hold; the numbers follow the language already.
import type { ReachRoll } from '../../../core/delivery';
import type { Person } from '../../../core/people';
import { ALEX, HARNESS_TENANT, MEGAN, startBotHarness } from '../../support/botHarness';

jest.mock('../../../bot/i18n/catalogues/de.json', () => ({
  'command.reach': 'erreichbarkeit',
  'reach.census.reachable':
    'Moments erreicht {reachable, number} von {people, plural, one {# Person} other {# Personen}}.',
  'reach.forAdminsOnly': 'Nur Moments-Admins sehen, wen Moments erreicht.',
  'reach.askInPersonalChat': 'Frag mich `{reach}` in unserem persönlichen Chat: Die Antwort nennt Namen.',
}));

const GERMAN: Person = { ...ALEX, locale: 'de-DE' };

/** A tenant of 1,500: 1,234 with a personal chat, the others with none. */
const roll: ReachRoll = {
  people: async () => Array.from({ length: 1500 }, (_, i) => ({ id: `p${i}`, displayName: `Person ${i}` })),
  personalChatUserIds: async () => Array.from({ length: 1234 }, (_, i) => `p${i}`),
  appRemovedUserIds: async () => [],
  memberships: async () => [],
};

async function world() {
  const harness = startBotHarness({ reachRoll: roll });
  const settings = (await harness.stores.settings.tenant(HARNESS_TENANT))!;
  await harness.stores.settings.saveTenant({ ...settings, adminIds: [ALEX.id] });
  /** What the bot answers `text` with, in `conversation`, as the texts it sends. */
  const ask = async (text: string, from: Person, conversation: 'personal' | 'groupChat' = 'personal') => {
    const answer = await harness.post(
      { type: 'message', text, deliveryMode: 'expectReplies' },
      conversation,
      from,
    );
    return ((answer.body as { activities?: Array<{ text?: string }> }).activities ?? []).map((a) => a.text);
  };
  return { ask };
}

describe('reach in the admin’s language', () => {
  it('counts in German, asked with the German word, and names who it cannot reach', async () => {
    const { ask } = await world();
    const [text] = await ask('erreichbarkeit', GERMAN);
    const lines = (text ?? '').split('\n');
    expect(lines[0]).toBe('Moments erreicht 1.234 von 1.500 Personen.');
    expect(lines[1]).toMatch(/^1\.234 through a personal chat with Moments; 0 through/);
    expect(lines).toContain('Moments cannot reach 266:');
    expect(lines).toContain(
      '- Person 1234: no chat with Moments, and not in a team or group chat where Moments is installed',
    );
    expect(lines[lines.length - 1]).toBe(
      `…and 216 more. The jobs CLI lists everyone: npm run job -- reach --tenant ${HARNESS_TENANT}`,
    );
  });

  it('in English as before, with English numbers', async () => {
    const { ask } = await world();
    const [text] = await ask('reach', ALEX);
    expect(text?.split('\n')[0]).toBe('Moments can reach 1,234 of 1,500 people.');
  });

  it('refuses in German: anyone but an admin, and anywhere but a personal chat', async () => {
    const { ask } = await world();
    expect(await ask('reach', { ...MEGAN, locale: 'de-DE' })).toEqual([
      'Nur Moments-Admins sehen, wen Moments erreicht.',
    ]);
    expect(await ask('erreichbarkeit', GERMAN, 'groupChat')).toEqual([
      'Frag mich `erreichbarkeit` in unserem persönlichen Chat: Die Antwort nennt Namen.',
    ]);
  });
});
