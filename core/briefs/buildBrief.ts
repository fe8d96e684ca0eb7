import { addDays, daysBetween, localDateOf, yearsBetween } from '../shared';
import { milestonesBetween } from '../milestones';
import { effectiveCelebration, type Person } from '../people';
import type { Note } from '../notes';
import {
  DEFAULT_BRIEF_OPTIONS,
  type BriefInput,
  type BriefMilestone,
  type BriefOptions,
  type BriefResult,
  type Tenure,
  type ThingToAsk,
} from './brief';
import { briefKudos, onceEach, sectionOf, valuesNotRecognised, type KudosView } from './briefKudos';

const DAY = 24 * 60 * 60 * 1000;

const refOf = (p: Person) => ({ id: p.id, name: p.displayName });

/**
 * Builds a brief about `person` for `reader`, who must be their manager or keep notes about them
 * (anyone else gets one refusal that says nothing about the person): how long they have been with
 * the company and their zone; the kudos they received and gave since the last 1:1 (`since`, else
 * the last 30 days), with the words only where they may reach the reader; the company values they
 * were not recognised for in six months; the reader's own latest kudos to them; their milestones
 * of the next 30 days as their celebration choices allow; and the reader's own open notes about
 * them as things to ask, or one prompt when there are none. Pure: every read is done by the caller.
 */
export function buildBrief(input: BriefInput): BriefResult {
  const options: BriefOptions = { ...DEFAULT_BRIEF_OPTIONS, ...input.options };
  const { reader, person, now } = input;
  const ownNotes = input.notes.filter(
    (n) => n.tenantId === reader.tenantId && n.authorId === reader.id && n.subjectId === person.id,
  );
  const relation =
    reader.id === person.id || reader.tenantId !== person.tenantId
      ? undefined
      : person.managerId === reader.id
        ? 'manager'
        : ownNotes.length > 0
          ? 'notes'
          : undefined;
  if (!relation) return { ok: false, code: 'BRIEF.NOT_YOURS' };

  const readerZone = reader.timeZone ?? input.defaultTimeZone;
  const today = localDateOf(now, readerZone);
  const since = input.since ?? new Date(now.getTime() - options.defaultDays * DAY);
  const sinceIso = since.toISOString();
  const nowIso = now.toISOString();
  const inWindow = (createdAt: string) => createdAt >= sinceIso && createdAt <= nowIso;
  const view: KudosView = { reader, person, readerManages: relation === 'manager', readerZone };

  const received = onceEach(input.received).filter(
    (k) => k.recipientIds.includes(person.id) && k.createdAt <= nowIso,
  );
  const given = onceEach(input.given).filter((k) => k.giver.id === person.id && inWindow(k.createdAt));
  const lookBack = new Date(now.getTime() - options.valueDays * DAY).toISOString();
  const fromReader = received.find((k) => k.giver.id === reader.id && k.createdAt >= lookBack);
  const things = thingsToAsk(ownNotes);

  return {
    ok: true,
    brief: {
      tenantId: reader.tenantId,
      reader: refOf(reader),
      person: refOf(person),
      relation,
      today,
      since: localDateOf(since, readerZone),
      sinceLastOneOnOne: input.since !== undefined,
      timeZone: person.timeZone ?? input.defaultTimeZone,
      at: nowIso,
      ...(person.hireDate ? { tenure: tenureOf(person.hireDate, today) } : {}),
      received: sectionOf(
        received.filter((k) => inWindow(k.createdAt)).map((k) => briefKudos(k, 'received', view)),
        options.maxRows,
      ),
      given: sectionOf(
        given.map((k) => briefKudos(k, 'given', view)),
        options.maxRows,
      ),
      valuesNotRecognised: valuesNotRecognised(input.values, received, now, options.valueDays),
      ...(fromReader
        ? {
            lastFromReader: {
              on: localDateOf(new Date(fromReader.createdAt), readerZone),
              valueName: fromReader.value.name,
            },
          }
        : {}),
      milestoneDays: options.milestoneDays,
      milestones: milestonesOf(person, today, relation, options),
      thingsToAsk: sectionOf(things, options.maxRows),
      ...(things.length === 0
        ? { prompt: isSettlingIn(person, today, options) ? 'settlingIn' : 'weekAndHelp' }
        : {}),
    },
  };
}

/** Whole years, then months, since the hire date (or that it is still to come). */
export function tenureOf(hireDate: string, today: string): Tenure {
  const started = hireDate <= today;
  if (!started) return { hireDate, started, years: 0, months: 0, days: daysBetween(today, hireDate) };
  const years = yearsBetween(hireDate, today);
  const [hy, hm, hd] = hireDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const allMonths = (ty - hy) * 12 + (tm - hm) - (td < hd ? 1 : 0);
  return { hireDate, started, years, months: allMonths - years * 12, days: daysBetween(hireDate, today) };
}

/**
 * The person's milestones from today to the window's end. Their manager sees every one the tenant
 * keeps and the person did not turn off; someone else only the birthdays and anniversaries the
 * person celebrates in public (check-ins are their manager's).
 */
function milestonesOf(
  person: Person,
  today: string,
  relation: 'manager' | 'notes',
  options: BriefOptions,
): BriefMilestone[] {
  return milestonesBetween(person, today, addDays(today, options.milestoneDays), options.policy)
    .filter(
      (m) =>
        relation === 'manager' ||
        ((m.kind === 'birthday' || m.kind === 'anniversary') &&
          effectiveCelebration(person, m.kind, options.policy.defaultCelebration) === 'public'),
    )
    .map((m) => {
      // A start date as it is (people start when they start), as the digest shows it.
      const date = m.kind === 'first-day' ? m.occursOn : m.date;
      return {
        kind: m.kind,
        date,
        inDays: daysBetween(today, date),
        ...(m.years !== undefined ? { years: m.years } : {}),
      };
    });
}

/** The open notes, those marked for the next 1:1 first, then by follow-up date, then newest. */
function thingsToAsk(notes: readonly Note[]): ThingToAsk[] {
  return notes
    .filter((n) => n.status === 'open')
    .sort(
      (a, b) =>
        Number(b.nextOneOnOneSince !== undefined) - Number(a.nextOneOnOneSince !== undefined) ||
        (a.followUpOn ?? '9999').localeCompare(b.followUpOn ?? '9999') ||
        b.createdAt.localeCompare(a.createdAt),
    )
    .map((n) => ({
      noteId: n.id,
      text: n.text,
      ...(n.followUpOn ? { followUpOn: n.followUpOn } : {}),
      forNextOneOnOne: n.nextOneOnOneSince !== undefined,
    }));
}

function isSettlingIn(person: Person, today: string, options: BriefOptions): boolean {
  return person.hireDate !== undefined && daysBetween(person.hireDate, today) <= options.newHireDays;
}
