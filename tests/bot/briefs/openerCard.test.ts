import { buildOpener, type TeamOpener } from '../../../core/briefs';
import type { Person } from '../../../core/people';
import type { Recognition } from '../../../core/kudos';
import { openerCard, openerCardData } from '../../../bot/briefs/openerCard';
import { expandCard } from '../../../bot/teams/cardRender';
import { translatorFor } from '../../../bot/i18n/translator';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';
import { EVERY_LANGUAGE, translatorIn } from '../../support/pseudoLocale';

// Monday 8 March 2027, 09:20 in London.
const NOW = new Date('2027-03-08T09:20:00Z');
const PHISHING = '[verify here](https://evil.example)';
const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: 't',
  id,
  displayName: `${id} Longname-Hyphenated`,
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});
const alex = person('alex');
const team = Array.from({ length: 12 }, (_, i) =>
  person(`p${i}`, {
    managerId: 'alex',
    birthday: `03-${String(9 + (i % 5)).padStart(2, '0')}`,
    hireDate: '2027-03-01',
  }),
);
const kudos = (i: number, to: Person): Recognition => ({
  tenantId: 't',
  id: `k${i}`,
  giver: { id: 'giver', name: 'Luke' },
  recipients: [{ id: to.id, name: to.displayName }],
  recipientIds: [to.id],
  value: { id: 'teamwork', name: 'Teamwork' },
  message: `${PHISHING} ${'thanks '.repeat(60)}`,
  place: { kind: 'channel', conversationId: '19:general' },
  postToChannel: false,
  createdAt: new Date(NOW.getTime() - (i + 1) * 3_600_000).toISOString(),
  givenOn: '2027-03-07',
  celebrations: [],
});

function opener(withKudos: boolean): TeamOpener {
  return buildOpener({
    manager: alex,
    attendees: team,
    received: withKudos ? team.map((p, i) => kudos(i, p)) : [],
    meetingStart: new Date('2027-03-08T09:30:00Z'),
    now: NOW,
    defaultTimeZone: 'UTC',
  });
}

describe('opener card', () => {
  it.each(EVERY_LANGUAGE)(
    'renders the fullest and the emptiest opener in %s, valid and within a bot message',
    (language) => {
      for (const withKudos of [true, false]) {
        const card = expandCard(
          openerCard,
          openerCardData(opener(withKudos), 'brief:alex:x', translatorIn(language)),
        );
        expect(cardProblems(card)).toEqual([]);
        expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
      }
    },
  );

  it('says whom to thank, in TextRuns, with Send kudos naming each person, at the manager’s time', () => {
    const card = expandCard(
      openerCard,
      openerCardData(opener(true), 'brief:alex:x', translatorFor('en', 'Europe/London')),
    );
    const json = JSON.stringify(card);
    expect(json).toContain('Before your team meeting at 9:30');
    expect(json).toContain(`Start by thanking p0 for “${PHISHING}`);
    expect(json).toContain('"type":"TextRun","text":"Start by thanking p0');
    expect(json).toContain('"personId":"p0"');
    expect(json).toContain('Welcome ');
    expect(json.match(/"verb":"sendWishes"/g)!.length).toBeGreaterThan(3);
  });
});
