import { nudgeCard } from '../../../bot/nudges/nudgeCards';
import { nudgeCardData, nudgeSummary } from '../../../bot/nudges/wording';
import { expandCard } from '../../../bot/teams/cardRender';
import { translatorFor } from '../../../bot/i18n/translator';
import type { Nudge } from '../../../core/nudges';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';
import { EVERY_LANGUAGE, translatorIn } from '../../support/pseudoLocale';

const DELIVERY = 'weekly-nudge:2027-W11:sam';

const nudge: Nudge = {
  suggestions: [
    {
      personId: 'megan',
      name: 'Megan Bowen',
      reason: { kind: 'milestone', occasion: 'birthday', date: '2027-03-18' },
    },
    { personId: 'lee', name: 'Lee Gu', reason: { kind: 'colleague' } },
    { personId: 'adele', name: 'Adele Vance', reason: { kind: 'unrecognised', days: 40 } },
  ],
};

/** Every TextRun's text and every action of the card. */
function walk(card: unknown) {
  const runs: string[] = [];
  const actions: Array<{ title: string; verb: string; data: Record<string, string> }> = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'TextRun' && typeof element.text === 'string') runs.push(element.text);
      if (element.type === 'Action.Execute') actions.push(element as never);
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return { runs, actions };
}

describe('nudge card', () => {
  it('lists the people to thank and why, each with a Send kudos button for that person on this delivery', () => {
    const t = translatorFor('en', 'Europe/London');
    const card = expandCard(nudgeCard, nudgeCardData(nudge, DELIVERY, t));
    const { runs, actions } = walk(card);
    expect(runs.join('')).toContain('Who will you thank this week?');
    expect(runs.join('')).toContain('Megan Bowen · birthday on Thursday 18 March');
    // A colleague's quiet spell is not the reader's to know: the name alone.
    expect(runs).toContain('Lee Gu');
    expect(runs.join('')).not.toContain('Lee Gu ·');
    expect(runs.join('')).toContain('Adele Vance · last kudos 40 days ago');
    expect(runs.join('')).toContain('You can change the day or turn this off in my settings.');
    expect(actions).toEqual([
      expect.objectContaining({
        title: 'Send kudos to Megan',
        verb: 'sendWishes',
        data: { deliveryId: DELIVERY, personId: 'megan' },
      }),
      expect.objectContaining({
        title: 'Send kudos to Lee',
        data: { deliveryId: DELIVERY, personId: 'lee' },
      }),
      expect.objectContaining({
        title: 'Send kudos to Adele',
        data: { deliveryId: DELIVERY, personId: 'adele' },
      }),
    ]);
    expect(nudgeSummary(nudge, t)).toBe('3 people you could thank this week');
  });

  it.each(EVERY_LANGUAGE)('renders in %s as a valid card within a bot message’s size', (language) => {
    const t = translatorIn(language, 'Europe/Berlin');
    const card = expandCard(nudgeCard, nudgeCardData(nudge, DELIVERY, t));
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
    const { runs, actions } = walk(card);
    expect(runs.join('')).toContain('Megan Bowen');
    expect(actions).toHaveLength(3);
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('tells a manager their report has no kudos yet', () => {
    const card = expandCard(
      nudgeCard,
      nudgeCardData(
        { suggestions: [{ personId: 'lee', name: 'Lee Gu', reason: { kind: 'unrecognised' } }] },
        DELIVERY,
        translatorFor('en'),
      ),
    );
    expect(walk(card).runs.join('')).toContain('Lee Gu · no kudos in Moments yet');
  });

  it('keeps a name that looks like markdown or a link as plain text in a TextRun', () => {
    const sly = '**Boss** [verify here](https://evil.example)';
    const card = expandCard(
      nudgeCard,
      nudgeCardData(
        { suggestions: [{ personId: 'x', name: sly, reason: { kind: 'colleague' } }] },
        DELIVERY,
        translatorFor('en'),
      ),
    );
    expect(cardProblems(card)).toEqual([]);
    const { runs } = walk(card);
    expect(runs).toContain(sly);
    // The name is nowhere but in TextRuns and the button title: never a TextBlock's markdown.
    expect(JSON.stringify(card)).not.toMatch(/"type":"TextBlock"/);
  });
});
