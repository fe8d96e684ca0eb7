import { statsCard } from '../../../bot/teamSetup/teamCards';
import { statsCardData } from '../../../bot/teamSetup/statsWording';
import { expandCard } from '../../../bot/teams/cardRender';
import { translatorFor } from '../../../bot/i18n/translator';
import type { RecognitionStats, StatsAnswer } from '../../../core/kudos';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';

const stats = (overrides: Partial<RecognitionStats> = {}): RecognitionStats => ({
  kudosThisMonth: 3,
  topValues: [{ name: 'Teamwork', count: 2 }],
  peopleRecognised: 2,
  groupSize: 6,
  notRecognisedCount: 4,
  notRecognisedIn30Days: ['Adele Vance', 'Diego Siciliani', 'Lee Gu', 'Megan Bowen'],
  ...overrides,
});

const render = (answer: StatsAnswer, conversation: 'personal' | 'groupChat' | 'channel') => {
  const card = expandCard(statsCard, statsCardData(answer, conversation, translatorFor('en')));
  expect(cardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
  return JSON.stringify(card);
};

describe('stats card', () => {
  it('in a team channel: the numbers, the count of people not recognised, no name, and why', () => {
    const text = render(
      { scope: 'conversation', names: false, stats: stats({ notRecognisedIn30Days: [] }) },
      'channel',
    );
    expect(text).toContain('Members of this team');
    expect(text).toContain('"title":"People recognised","value":"2 of 6"');
    expect(text).toContain('Not recognised in the last 30 days: 4');
    expect(text).toContain('shown only in a personal chat with Moments');
    for (const name of ['Adele Vance', 'Diego Siciliani', 'Lee Gu', 'Megan Bowen']) {
      expect(text).not.toContain(name);
    }
  });

  it('to a manager in a personal chat: their reports, named', () => {
    const text = render({ scope: 'reports', names: true, stats: stats() }, 'personal');
    expect(text).toContain('Your direct reports');
    expect(text).toContain('"text":"Adele Vance, Diego Siciliani, Lee Gu, Megan Bowen"');
    expect(text).not.toContain('shown only in a personal chat');
  });

  it('to an admin: the organisation, the first names and how many more', () => {
    const names = Array.from({ length: 12 }, (_, i) => `Person ${i + 1}`);
    const text = render(
      {
        scope: 'organisation',
        names: true,
        stats: stats({ groupSize: 5000, notRecognisedCount: 1200, notRecognisedIn30Days: names }),
      },
      'personal',
    );
    expect(text).toContain('Everyone in your organisation');
    expect(text).toContain('Person 1, Person 2');
    // Numbers are written the reader's way: in English with a thousands separator.
    expect(text).toContain('Person 12 and 1,188 more');
  });

  it('says nothing of anyone waiting when everyone was recognised lately', () => {
    const text = render(
      {
        scope: 'conversation',
        names: false,
        stats: stats({ notRecognisedCount: 0, notRecognisedIn30Days: [] }),
      },
      'groupChat',
    );
    expect(text).toContain('Members of this chat');
    expect(text).not.toContain('Not recognised');
  });
});
