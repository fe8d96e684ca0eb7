import { buildBrief, type Brief } from '../../../core/briefs';
import type { Note } from '../../../core/notes';
import type { Person } from '../../../core/people';
import type { Recognition } from '../../../core/kudos';
import { briefCard, briefPickerCard } from '../../../bot/briefs/briefCards';
import { briefCardData, briefPickerData } from '../../../bot/briefs/wording';
import { expandCard } from '../../../bot/teams/cardRender';
import { translatorFor } from '../../../bot/i18n/translator';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';
import { EVERY_LANGUAGE, translatorIn } from '../../support/pseudoLocale';

const NOW = new Date('2027-03-10T10:00:00Z');
const person = (id: string, fields: Partial<Person> = {}): Person => ({
  tenantId: 't',
  id,
  displayName: `${id} Longname-Hyphenated`,
  timeZone: 'Europe/London',
  celebrate: {},
  ...fields,
});
const alex = person('alex');
const sam = person('sam', {
  managerId: 'alex',
  hireDate: '2027-03-08',
  birthday: '03-24',
  timeZone: 'Asia/Tokyo',
});
const PHISHING = '[verify here](https://evil.example)';

const kudos = (i: number, giver: Person, to: Person[]): Recognition => ({
  tenantId: 't',
  id: `k${i}`,
  giver: { id: giver.id, name: giver.displayName },
  recipients: to.map((p) => ({ id: p.id, name: p.displayName })),
  recipientIds: to.map((p) => p.id),
  value: { id: `value-${i % 6}`, name: `Value number ${i % 6}` },
  message: `${PHISHING} ${'a long message of thanks '.repeat(20)}`,
  place: { kind: 'channel', conversationId: '19:general' },
  postToChannel: false,
  createdAt: new Date(NOW.getTime() - (i + 1) * 3_600_000).toISOString(),
  givenOn: '2027-03-09',
  celebrations: [],
});

const note = (i: number): Note => ({
  tenantId: 't',
  id: `note-${i}`,
  authorId: 'alex',
  subjectId: 'sam',
  subjectName: sam.displayName,
  text: `**${i}** ${'x'.repeat(990)}`,
  followUpOn: '2027-03-16',
  ...(i % 2 ? { nextOneOnOneSince: '2027-03-08' } : {}),
  status: 'open',
  createdAt: '2027-03-01T09:00:00.000Z',
  updatedAt: '2027-03-01T09:00:00.000Z',
});

/** The fullest brief there can be: every list at its most rows, notes and messages at their longest. */
function fullBrief(): Brief {
  const peers = Array.from({ length: 12 }, (_, i) => person(`peer${i}`));
  const result = buildBrief({
    reader: alex,
    person: sam,
    received: peers.map((p, i) => kudos(i, p, [sam])),
    given: peers.map((p, i) => kudos(100 + i, sam, [p, ...peers.slice(0, 4)])),
    notes: Array.from({ length: 12 }, (_, i) => note(i)),
    values: Array.from({ length: 20 }, (_, i) => ({ id: `other-${i}`, name: `Another company value ${i}` })),
    now: NOW,
    defaultTimeZone: 'UTC',
  });
  if (!result.ok) throw new Error(result.code);
  return result.brief;
}

describe('brief card', () => {
  it.each(EVERY_LANGUAGE)('renders the fullest brief in %s, valid and within a bot message', (language) => {
    const card = expandCard(briefCard, briefCardData(fullBrief(), 'brief-shown:x', translatorIn(language)));
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
  });

  it.each(EVERY_LANGUAGE)('renders an empty brief with its prompt, and the picker, in %s', (language) => {
    const t = translatorIn(language);
    const result = buildBrief({
      reader: alex,
      person: person('new', { managerId: 'alex' }),
      received: [],
      given: [],
      notes: [],
      values: [],
      now: NOW,
      defaultTimeZone: 'UTC',
    });
    if (!result.ok) throw new Error(result.code);
    const card = expandCard(briefCard, briefCardData(result.brief, 'brief-shown:x', t));
    expect(cardProblems(card)).toEqual([]);
    const people = [{ title: PHISHING, value: 'p1' }];
    const picker = expandCard(briefPickerCard, briefPickerData(t, people, 'Lee'));
    expect(cardProblems(picker)).toEqual([]);
  });

  it('shows notes, names and messages as typed, in TextRuns, with Done for each of the reader’s notes', () => {
    const card = expandCard(briefCard, briefCardData(fullBrief(), 'brief-shown:x', translatorFor('en')));
    const json = JSON.stringify(card);
    expect(json).toContain('"type":"TextRun","text":"**1** xxx');
    expect(json).toContain(PHISHING);
    expect(json.match(/"verb":"noteDone"/g)).toHaveLength(8);
    expect(json).toContain('and 4 more');
    expect(json).toContain('for your next 1:1 · follow up Tuesday 16 March');
    expect(json).toContain('"value":"2 days"');
  });
});
