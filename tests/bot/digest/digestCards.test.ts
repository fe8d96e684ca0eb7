import { digestCard } from '../../../bot/digest/digestCards';
import { expandCard } from '../../../bot/teams/cardRender';
import { digestCardData, openerText } from '../../../bot/digest/wording';
import { buildDigest, digestPersonIds } from '../../../core/digest';
import type { Note } from '../../../core/notes';
import type { Person } from '../../../core/people';
import type { Recognition } from '../../../core/kudos';
import { cardBytes, cardProblems, LIMITS } from '../../support/cardCheck';
import { translatorFor } from '../../../bot/i18n/translator';
import { EVERY_LANGUAGE, translatorIn } from '../../support/pseudoLocale';

const NOW = new Date('2027-03-15T08:00:00Z');
const en = translatorFor('en', 'Europe/London');
const person = (id: string, name: string, fields: Partial<Person> = {}): Person => ({
  tenantId: 't',
  id,
  displayName: name,
  timeZone: 'Europe/London',
  celebrate: { birthday: 'public', anniversary: 'public' },
  ...fields,
});
const alex = person('alex', 'Alex Wilber');
const kudos = (giver: Person, to: Person, message: string, i = 0): Recognition => ({
  tenantId: 't',
  id: `k-${to.id}-${i}`,
  giver: { id: giver.id, name: giver.displayName },
  recipients: [{ id: to.id, name: to.displayName }],
  recipientIds: [to.id],
  value: { id: 'teamwork', name: 'Teamwork' },
  message,
  place: { kind: 'personal', conversationId: 'a:x' },
  postToChannel: false,
  // "Let their manager see this" left on, as the form offers it.
  managerMaySee: true,
  createdAt: `2027-03-1${i % 5}T09:00:00.000Z`,
  givenOn: '2027-03-12',
  celebrations: [],
});

function expectValid(card: Record<string, unknown>) {
  expect(cardProblems(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThan(LIMITS.botMessage);
}

const actionsOf = (card: unknown): Array<{ title: string; verb: string; data: Record<string, string> }> => {
  const found: Array<{ title: string; verb: string; data: Record<string, string> }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute') found.push(record as never);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
};

describe('digest card', () => {
  it('a busy week: the opener thanks the report, with Send kudos and Add note per named report', () => {
    const megan = person('megan', 'Megan Bowen', { managerId: 'alex', lastRecognisedOn: '2027-03-12' });
    const adele = person('adele', 'Adele Vance', { managerId: 'alex', birthday: '03-18' });
    const k = kudos(adele, megan, 'covering the launch', 2);
    const digest = buildDigest({
      manager: alex,
      reports: [megan, adele],
      received: [k],
      given: [k],
      notes: [],
      now: NOW,
      defaultTimeZone: 'UTC',
    });
    const card = expandCard(digestCard, digestCardData(digest, 'digest:2027-W11:manager', en));
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain(
      'Start the meeting by thanking Megan for “covering the launch”, which Adele Vance recognised this week (Teamwork).',
    );
    expect(text).toContain('birthday, Thursday 18 March, in 3 days');
    const actions = actionsOf(card);
    expect(actions).toContainEqual(
      expect.objectContaining({
        title: 'Send kudos',
        verb: 'sendWishes',
        data: { deliveryId: 'digest:2027-W11:manager', personId: 'adele' },
      }),
    );
    expect(actions).toContainEqual(
      expect.objectContaining({
        title: 'Add note',
        verb: 'newNote',
        data: { deliveryId: 'digest:2027-W11:manager', subject: 'megan' },
      }),
    );
    // Each button names the digest's delivery and a person it listed, and nothing else.
    for (const action of actions as Array<{ data: Record<string, unknown> }>) {
      expect(action.data.deliveryId).toBe('digest:2027-W11:manager');
      expect(digestPersonIds(digest)).toContain(action.data.personId ?? action.data.subject);
    }
  });

  it('kudos given in a chat with “Let their manager see this” off show the giver and value, not the words', () => {
    const megan = person('megan', 'Megan Bowen', { managerId: 'alex', lastRecognisedOn: '2027-03-12' });
    const adele = person('adele', 'Adele Vance', { managerId: 'alex' });
    const between = { ...kudos(adele, megan, 'between us: you saved the launch', 2), managerMaySee: false };
    const digestOf = (k: Recognition) =>
      buildDigest({
        manager: alex,
        reports: [megan, adele],
        received: [k],
        given: [k],
        notes: [],
        now: NOW,
        defaultTimeZone: 'UTC',
      });
    const text = JSON.stringify(expandCard(digestCard, digestCardData(digestOf(between), 'd', en)));
    expect(text).not.toContain('you saved the launch');
    expect(text).toContain(
      'Start the meeting by thanking Megan for what Adele Vance recognised this week (Teamwork).',
    );
    expect(text).toContain('received 1 (latest from Adele Vance for Teamwork)');
    expect(text).toContain('gave 1 (latest to Megan Bowen for Teamwork)');
    const allowed = { ...between, managerMaySee: true };
    const shown = JSON.stringify(expandCard(digestCard, digestCardData(digestOf(allowed), 'd', en)));
    expect(shown).toContain(
      'received 1 (latest from Adele Vance for Teamwork: “between us: you saved the launch”)',
    );
  });

  it('the follow-ups say when, with whom and what to ask, in English and in German', () => {
    const rosa = person('rosa', 'Rosa Delgado', { managerId: 'alex' });
    const note = (id: string, followUpOn: string, text: string): Note => ({
      tenantId: 't',
      id,
      authorId: 'alex',
      subjectId: 'rosa',
      subjectName: 'Rosa Delgado',
      text,
      followUpOn,
      status: 'open',
      createdAt: '2027-03-01T09:00:00.000Z',
      updatedAt: '2027-03-01T09:00:00.000Z',
    });
    const digest = buildDigest({
      manager: alex,
      reports: [rosa],
      received: [],
      given: [],
      notes: [
        note('n1', '2027-03-16', 'ask how the Chicago marathon went'),
        note('n2', '2027-03-18', `**bring** the ${'long '.repeat(60)}story`),
      ],
      now: NOW,
      defaultTimeZone: 'UTC',
    });
    const rowsIn = (language: 'en' | 'de') => {
      const data = digestCardData(digest, 'd', translatorFor(language, 'Europe/London'));
      const section = data.sections[data.sections.length - 1]!;
      expectValid(expandCard(digestCard, data));
      return section.rows.map((r) => ({ text: r.line.map((run) => run.text).join(''), line: r.line }));
    };
    const [english, long] = rowsIn('en');
    expect(english!.text).toBe('Tue 16 Mar · Rosa Delgado: ask how the Chicago marathon went');
    expect(english!.line).toContainEqual({ type: 'TextRun', text: 'Rosa Delgado', weight: 'Bolder' });
    // The manager's own words stay a plain run, shortened with an ellipsis.
    expect(long!.line[long!.line.length - 1]).toEqual({
      type: 'TextRun',
      text: expect.stringMatching(/^: \*\*bring\*\* the long .*…$/),
    });
    expect(rowsIn('de')[0]!.text).toBe('Di., 16. März · Rosa Delgado: ask how the Chicago marathon went');
  });

  it('a quiet week is still useful, and user text stays text', () => {
    const lee = person('lee', 'Lee **Gu** ${name} [x](https://evil.example)', { managerId: 'alex' });
    const digest = buildDigest({
      manager: alex,
      reports: [lee],
      received: [],
      given: [],
      notes: [],
      now: NOW,
      defaultTimeZone: 'UTC',
    });
    const data = digestCardData(digest, 'digest:2027-W11:manager', en);
    const card = expandCard(digestCard, data);
    expectValid(card);
    expect(data.quietNote).toContain('A quiet week');
    expect(JSON.stringify(data.opener)).toContain('Start the meeting by thanking Lee for something specific');
    // Every name is in a TextRun, never in a markdown TextBlock.
    const blocks: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const r = node as Record<string, unknown>;
        if (r.type === 'TextBlock' && typeof r.text === 'string') blocks.push(r.text);
        Object.values(r).forEach(walk);
      }
    };
    walk(card);
    expect(blocks.some((b) => b.includes('**Gu**'))).toBe(false);
    expect(JSON.stringify(card)).toContain('Lee **Gu** ${name}');
  });

  it('with 60 reports stays well under 80 KB, showing 8 rows per section and "and N more"', () => {
    const reports = Array.from({ length: 60 }, (_, i) =>
      person(`report-${i}`, `Report Number ${i} With A Long Name`, {
        managerId: 'alex',
        birthday: `03-${String(16 + (i % 12)).padStart(2, '0')}`,
        hireDate: i < 10 ? '2027-02-01' : '2019-03-20',
      }),
    );
    const received = reports.map((r, i) => kudos(alex, r, 'x'.repeat(500), i));
    const notes: Note[] = reports.map((r, i) => ({
      tenantId: 't',
      id: `n${i}`,
      authorId: 'alex',
      subjectId: r.id,
      subjectName: r.displayName,
      text: 'private',
      followUpOn: '2027-03-17',
      status: 'open',
      createdAt: '2027-03-01T00:00:00.000Z',
      updatedAt: '2027-03-01T00:00:00.000Z',
    }));
    const digest = buildDigest({
      manager: alex,
      reports,
      received,
      given: received,
      notes,
      now: NOW,
      defaultTimeZone: 'UTC',
    });
    const data = digestCardData(digest, 'digest:2027-W11:manager', en);
    const card = expandCard(digestCard, data);
    expectValid(card);
    expect(cardBytes(card)).toBeLessThan(40 * 1024);
    for (const section of data.sections) expect(section.rows.length).toBeLessThanOrEqual(8);
    expect(JSON.stringify(card)).toContain('and 52 more');
  });

  it.each(EVERY_LANGUAGE)('renders a full digest in %s within the card checks', (language) => {
    const reports = Array.from({ length: 20 }, (_, i) =>
      person(`report-${i}`, `Report ${i}`, {
        managerId: 'alex',
        birthday: `03-${String(15 + (i % 10)).padStart(2, '0')}`,
        hireDate: i < 4 ? ['2027-03-15', '2027-03-20', '2027-02-01', '2026-12-20'][i] : '2015-03-18',
        ...(i % 3 === 0 ? { lastRecognisedOn: '2027-01-02' } : {}),
      }),
    );
    const received = reports.slice(0, 10).map((r, i) => kudos(i ? reports[i - 1]! : alex, r, 'thanks', i));
    const notes: Note[] = reports.slice(0, 2).map((r, i) => ({
      tenantId: 't',
      id: `n${i}`,
      authorId: 'alex',
      subjectId: r.id,
      subjectName: r.displayName,
      text: 'private',
      followUpOn: '2027-03-17',
      status: 'open',
      createdAt: '2027-03-01T00:00:00.000Z',
      updatedAt: '2027-03-01T00:00:00.000Z',
    }));
    const digest = buildDigest({
      manager: alex,
      reports,
      received,
      given: received,
      notes,
      now: NOW,
      defaultTimeZone: 'UTC',
    });
    const t = translatorIn(language, 'Europe/London');
    const data = digestCardData(digest, 'digest:2027-W11:manager', t);
    expectValid(expandCard(digestCard, data));
    expect(data.sections.map((s) => s.rows.length)).toEqual([8, 8, 8, 4, 2]);
    expect(data.period).toContain(t.day('2027-03-15', 'long'));
  });

  it('falls back to an upcoming milestone, then to asking the team', () => {
    expect(
      openerText(
        {
          kind: 'milestone',
          person: { id: 'm', name: 'Megan Bowen' },
          milestone: {
            person: { id: 'm', name: 'Megan Bowen' },
            kind: 'anniversary',
            date: '2027-03-18',
            inDays: 3,
            years: 5,
          },
        },
        en,
      ),
    ).toBe(
      'Start the meeting by marking Megan’s 5 years at work (on Thursday 18 March) with a specific thank-you.',
    );
    expect(openerText({ kind: 'none' }, en)).toContain('one thing that went well');
  });
});
