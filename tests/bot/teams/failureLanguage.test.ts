// An unexpected failure is told in the language of the turn it broke, and the reference it names
// is the correlation id of the logged failure in every language: it is what a person quotes and
// what an operator looks up. The German catalogue is not translated yet, so these stand in for
// what it will hold.
import { EVERY_LANGUAGE, translatorIn } from '../../support/pseudoLocale';
import type { Person } from '../../../core/people';
import { expandCard } from '../../../bot/teams/cardRender';
import { failureCard, failureCardData } from '../../../bot/teams/turnFailure';
import { ALEX, startBotHarness } from '../../support/botHarness';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';
import { startFakeConnector, type FakeConnector } from '../../support/fakeConnector';

jest.mock('../../../bot/i18n/catalogues/de.json', () => ({
  'failure.title': 'Entschuldigung, bei uns ist etwas schiefgegangen',
  'failure.whatToDo': 'Es wurde nichts geändert. Bitte versuche es noch einmal.',
  'failure.reference': 'Referenz: {reference}',
  'failure.apology':
    'Entschuldigung, bei uns ist etwas schiefgegangen; es wurde nichts geändert. Bitte versuche es noch einmal. (Referenz: {reference})',
  'failure.unreadableAction':
    'Moments konnte diese Aktion nicht lesen. Sie stammt vielleicht von einer alten Karte: Öffne die neueste und versuche es noch einmal.',
}));

/** Alex, whose Teams client is set to German. */
const GERMAN: Person = { ...ALEX, locale: 'de-DE' };

let connector: FakeConnector;
beforeEach(async () => {
  connector = await startFakeConnector({ limits: false });
});
afterEach(async () => connector.close());

/** Makes every method of `store` fail as an unreachable database would. */
function breakStore(store: object): void {
  const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(store)).filter((m) => m !== 'constructor');
  for (const method of methods) {
    Object.defineProperty(store, method, {
      value: async () => {
        throw new Error('Cosmos DB: service unavailable (internal detail)');
      },
    });
  }
}

/** The correlation id of the one logged turn failure. */
function loggedFailure(h: ReturnType<typeof startBotHarness>): string {
  const failures = h.logger.lines.filter((line) => line.message === 'turn failed');
  expect(failures).toHaveLength(1);
  return failures[0]?.fields.correlationId as string;
}

describe('a failure in a German turn', () => {
  test('a message gets the German apology with the logged reference', async () => {
    const h = startBotHarness({ serviceUrl: connector.url });
    breakStore(h.stores.settings);
    await h.post({ type: 'message', text: 'kudos' }, 'personal', GERMAN);
    const reference = loggedFailure(h);
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(connector.received().map((a) => a.text)).toEqual([
      `Entschuldigung, bei uns ist etwas schiefgegangen; es wurde nichts geändert. Bitte versuche es noch einmal. (Referenz: ${reference})`,
    ]);
  });

  test('a card action gets the failure card in German, the logged reference on it', async () => {
    const h = startBotHarness({ serviceUrl: connector.url });
    breakStore(h.stores.recognitions);
    const answer = await h.execute('celebrate', { recognitionId: 'kudos-1' }, 'personal', GERMAN);
    const reference = loggedFailure(h);
    const text = JSON.stringify((answer.body as { value: unknown }).value);
    expect(text).toContain('Entschuldigung, bei uns ist etwas schiefgegangen');
    expect(text).toContain(`{"type":"TextRun","text":"Referenz: ${reference}","isSubtle":true}`);
    expect(text).not.toContain('internal detail');
  });

  test('a card action Moments cannot read, or whose verb it never sent, is refused in German', async () => {
    const h = startBotHarness({ serviceUrl: connector.url });
    const unknownVerb = await h.execute('deleteEverything', {}, 'personal', GERMAN);
    expect(JSON.stringify(unknownVerb.body)).toContain('Moments konnte diese Aktion nicht lesen.');
    const answer = await h.post(
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 42 } },
      },
      'personal',
      GERMAN,
    );
    expect(answer).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: {
          code: 'BadRequest',
          message:
            'Moments konnte diese Aktion nicht lesen. Sie stammt vielleicht von einer alten Karte: Öffne die neueste und versuche es noch einmal.',
        },
      },
    });
  });
});

describe.each(EVERY_LANGUAGE)('the failure card in %s', (language) => {
  test('is a valid card that shows the reference as it was logged', () => {
    const card = expandCard(failureCard, failureCardData(translatorIn(language), 'f00d-1234'));
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
    expect(JSON.stringify(card)).toContain('f00d-1234');
  });
});
