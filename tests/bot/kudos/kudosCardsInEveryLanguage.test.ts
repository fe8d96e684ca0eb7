import { EVERY_LANGUAGE, translatorIn } from '../../support/pseudoLocale';
import type { Recognition } from '../../../core/kudos';
import { expandCard } from '../../../bot/teams/cardRender';
import { kudosFormCard, kudosSentCard, recognitionCard } from '../../../bot/kudos/kudosCards';
import { kudosFormTexts } from '../../../bot/kudos/form';
import { recognitionCardData } from '../../../bot/kudos/recognitionView';
import { recognitionMessages } from '../../../bot/kudos/recognitionMessages';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';

// Every kudos card, written in every language Moments speaks, is a valid card within Teams' size
// limits, with nothing left unbound.
const busy: Recognition = {
  tenantId: 't',
  id: 'kudos-1',
  giver: { id: 'alex', name: 'Alex Wilber' },
  recipients: Array.from({ length: 10 }, (_, i) => ({
    id: `p${i}`,
    name: `Person Number ${i} With A Long Name`,
  })),
  recipientIds: Array.from({ length: 10 }, (_, i) => `p${i}`),
  value: { id: 'teamwork', name: 'Teamwork' },
  message: 'é'.repeat(500),
  quote: { author: 'Megan Bowen', text: 'q'.repeat(280) },
  place: { kind: 'channel', conversationId: '19:general', teamId: '19:team', channelId: '19:general' },
  postToChannel: true,
  createdAt: '2027-03-11T09:00:00.000Z',
  givenOn: '2027-03-11',
  celebrations: Array.from({ length: 60 }, (_, i) => ({
    id: `c${i}`,
    name: `Celebrant ${i}`,
    at: '2027-03-11T10:00:00Z',
  })),
};

function expectValid(card: Record<string, unknown>, limit = LIMITS.botMessage) {
  expect(cardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(limit);
  expect(JSON.stringify(card)).not.toContain('${');
}

describe.each(EVERY_LANGUAGE)('kudos cards in %s', (language) => {
  const t = translatorIn(language, 'Europe/London');
  // The pseudo-locale has no reader of its own: messages built per reader are tried in English.
  const reader = { language: language === 'pseudo' ? ('en' as const) : language, timeZone: 'Europe/London' };

  it('the form, in a dialog and in chat, with an error and a quote', () => {
    for (const mode of ['task', 'chat'] as const) {
      expectValid(
        expandCard(kudosFormCard, {
          mode,
          texts: kudosFormTexts(t),
          submissionId: '6f1d2c3b-0000-4000-8000-000000000001',
          people: [{ title: 'Megan Bowen', value: 'megan' }],
          recipients: 'megan',
          values: [{ title: 'Teamwork', value: 'teamwork' }],
          value: 'teamwork',
          message: 'Great work',
          offerChannel: true,
          postToChannel: 'true',
          offerManagerMaySee: true,
          managerMaySee: 'false',
          quote: t.runs('kudos.quote', { author: 'Megan Bowen', text: 'The release is out!' }),
          quoteAuthor: 'Megan Bowen',
          quoteText: 'The release is out!',
          reminderId: '',
          error: t.text('kudos.refusal.emptyMessage'),
        }),
      );
    }
  });

  it('the recognition card, busy enough to test the compose box’s limit, and without a quote or celebrations', () => {
    expectValid(expandCard(recognitionCard, recognitionCardData(busy, t)), LIMITS.messageExtensionResult);
    const quiet = { ...busy, celebrations: [], recipients: busy.recipients.slice(0, 1) };
    delete quiet.quote;
    expectValid(expandCard(recognitionCard, recognitionCardData(quiet, t)));
    expectValid(recognitionMessages.channelPost(busy, reader).card ?? {});
  });

  it('the card that replaces the form, wherever the kudos went', () => {
    for (const where of ['channel', 'missed', 'chat'] as const) {
      const text = t.runs('kudos.sent.text', { names: t.list(['Megan', 'Adele']), value: 'Teamwork', where });
      expectValid(expandCard(kudosSentCard, { title: t.text('kudos.sent.title'), text }));
    }
  });

  it('the manager copy, with the message and without it', () => {
    expectValid(recognitionMessages.managerNotice(busy, busy.recipients, reader).card ?? {});
    const inChat = {
      ...busy,
      postToChannel: false,
      place: { kind: 'groupChat' as const, conversationId: '19:c' },
    };
    expectValid(recognitionMessages.managerNotice(inChat, busy.recipients.slice(0, 1), reader).card ?? {});
  });
});
