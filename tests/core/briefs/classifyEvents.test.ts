import {
  classifyEvents,
  dueAt,
  isDue,
  occurrenceKey,
  type CalendarAttendee,
  type CalendarEvent,
} from '../../../core/briefs';
import { instantOfLocal } from '../../../core/shared';

const alex = { id: 'alex', email: 'alexw@contoso.com', displayName: 'Alex Wilber' };
const megan = { id: 'megan', email: 'meganb@contoso.com', displayName: 'Megan Bowen' };
const adele = { id: 'adele', email: 'adelev@contoso.com', displayName: 'Adele Vance' };
const lee = { id: 'lee', email: 'leeg@contoso.com', displayName: 'Lee Gu' };
const diego = { id: 'diego', email: 'diegos@contoso.com', displayName: 'Diego Siciliani' };
const isaiah = { id: 'isaiah', email: 'isaiahl@contoso.com', displayName: 'Isaiah Langer' };
const reports = [megan, adele, lee, diego];

const accepted = (email: string): CalendarAttendee => ({ email, response: 'accepted', type: 'required' });
const declined = (email: string): CalendarAttendee => ({ email, response: 'declined', type: 'required' });

/** A meeting Alex organised in his own calendar, with `attendees` besides himself. */
function meeting(fields: Partial<CalendarEvent> & { attendees?: CalendarAttendee[] } = {}): CalendarEvent {
  return {
    id: `evt-${fields.start ?? 'a'}`,
    iCalUId: 'uid-1',
    subject: 'Catch-up',
    start: '2027-03-10T10:00:00.000Z',
    end: '2027-03-10T10:30:00.000Z',
    isAllDay: false,
    isCancelled: false,
    type: 'singleInstance',
    organizer: { email: alex.email, name: 'Alex Wilber' },
    ownerResponse: 'organizer',
    ...fields,
    attendees: fields.attendees ?? [accepted(megan.email)],
  };
}

const classify = (...events: CalendarEvent[]) => classifyEvents(alex, reports, events);
const summary = (...events: CalendarEvent[]) =>
  classify(...events).map((m) =>
    m.kind === 'oneOnOne'
      ? `1:1 with ${m.report.displayName} at ${m.event.start}`
      : `team meeting with ${m.attendees.map((a) => a.displayName).join(', ')} at ${m.event.start}`,
  );

describe('which meetings get a brief', () => {
  it('a 1:1: one report besides the manager, whatever case their e-mail is in', () => {
    expect(summary(meeting({ attendees: [accepted('MeganB@Contoso.com')] }))).toEqual([
      '1:1 with Megan Bowen at 2027-03-10T10:00:00.000Z',
    ]);
  });

  it('a 1:1 the report organised: the organiser is the other person, the manager an attendee', () => {
    const event = meeting({
      organizer: { email: megan.email },
      ownerResponse: 'accepted',
      attendees: [accepted(alex.email)],
    });
    expect(summary(event)).toEqual(['1:1 with Megan Bowen at 2027-03-10T10:00:00.000Z']);
  });

  it('a room booked for a 1:1 is not a person', () => {
    const room: CalendarAttendee = { email: 'room-4@contoso.com', response: 'accepted', type: 'resource' };
    expect(summary(meeting({ attendees: [accepted(megan.email), room] }))).toHaveLength(1);
  });

  it('no 1:1 with someone who is not a report, nor with a report and someone else', () => {
    expect(summary(meeting({ attendees: [accepted(isaiah.email)] }))).toEqual([]);
    expect(summary(meeting({ attendees: [accepted(megan.email), accepted('guest@fabrikam.com')] }))).toEqual(
      [],
    );
    expect(
      summary(meeting({ attendees: [accepted(megan.email), { response: 'accepted', type: 'optional' }] })),
    ).toEqual([]);
  });

  it('no 1:1 when the report declined; one when the only other guest declined', () => {
    expect(summary(meeting({ attendees: [declined(megan.email)] }))).toEqual([]);
    expect(summary(meeting({ attendees: [accepted(megan.email), declined(isaiah.email)] }))).toEqual([
      '1:1 with Megan Bowen at 2027-03-10T10:00:00.000Z',
    ]);
  });

  it('nothing for the manager’s own declined copy', () => {
    const event = meeting({
      organizer: { email: megan.email },
      ownerResponse: 'declined',
      attendees: [declined(alex.email)],
    });
    expect(summary(event)).toEqual([]);
  });

  it('nothing for a cancelled meeting or an all-day event', () => {
    expect(summary(meeting({ isCancelled: true }))).toEqual([]);
    expect(
      summary(
        meeting({ isAllDay: true, start: '2027-03-10T00:00:00.000Z', end: '2027-03-11T00:00:00.000Z' }),
      ),
    ).toEqual([]);
  });

  it('a team meeting: at least half of the reports and at least three, those who declined left out', () => {
    const team = (...attendees: CalendarAttendee[]) => meeting({ subject: 'Team', attendees });
    expect(
      summary(team(accepted(megan.email), accepted(adele.email), accepted(lee.email), declined(diego.email))),
    ).toEqual(['team meeting with Megan Bowen, Adele Vance, Lee Gu at 2027-03-10T10:00:00.000Z']);
    // Two of four reports are half, but fewer than three.
    expect(summary(team(accepted(megan.email), accepted(adele.email)))).toEqual([]);
    // Three of four, with a room and a guest from elsewhere.
    const room: CalendarAttendee = { email: 'room-4@contoso.com', response: 'accepted', type: 'resource' };
    expect(
      classify(
        team(accepted(megan.email), accepted(lee.email), accepted(diego.email), accepted(isaiah.email), room),
      ),
    ).toEqual([expect.objectContaining({ kind: 'teamMeeting', attendees: [megan, lee, diego] })]);
  });

  it('in a larger team, three reports are not enough when they are under half', () => {
    const eight = [
      ...reports,
      ...['e', 'f', 'g', 'h'].map((id) => ({ id, email: `${id}@contoso.com`, displayName: id })),
    ];
    const three = meeting({ attendees: [accepted(megan.email), accepted(adele.email), accepted(lee.email)] });
    const four = meeting({ attendees: [...three.attendees, accepted('e@contoso.com')] });
    expect(classifyEvents(alex, eight, [three])).toEqual([]);
    expect(classifyEvents(alex, eight, [four])).toEqual([expect.objectContaining({ kind: 'teamMeeting' })]);
  });
});

describe('occurrences and their keys', () => {
  const weekly = (date: string, fields: Partial<CalendarEvent> = {}) =>
    meeting({
      id: `occ-${date}`,
      type: 'occurrence',
      seriesMasterId: 'master-1',
      start: `${date}T10:00:00.000Z`,
      end: `${date}T10:30:00.000Z`,
      ...fields,
    });

  it('each occurrence of a series is its own brief, with its own key; the same occurrence read twice, one', () => {
    const occurrences = [
      weekly('2027-03-01'),
      weekly('2027-03-08'),
      weekly('2027-03-08', { start: '2027-03-08T10:00:00Z' }),
    ];
    const briefed = classify(...occurrences);
    expect(briefed.map((m) => occurrenceKey(m.event))).toEqual([
      'uid-1@2027-03-01T10:00:00.000Z',
      'uid-1@2027-03-08T10:00:00.000Z',
    ]);
    expect(occurrenceKey(weekly('2027-03-08'))).toBe(occurrenceKey(weekly('2027-03-08')));
  });

  it('a moved occurrence is briefed at its new time under a new key; the old time is never due', () => {
    const before = weekly('2027-03-08');
    const moved = weekly('2027-03-08', {
      type: 'exception',
      start: '2027-03-08T14:00:00.000Z',
      end: '2027-03-08T14:30:00.000Z',
    });
    expect(summary(moved)).toEqual(['1:1 with Megan Bowen at 2027-03-08T14:00:00.000Z']);
    expect(occurrenceKey(moved)).not.toBe(occurrenceKey(before));
    // The job only sees the calendar as it is now: at the old due time nothing of the moved one is due.
    expect(isDue(moved, 10, new Date('2027-03-08T09:50:00Z'), 5)).toBe(false);
    expect(isDue(moved, 10, new Date('2027-03-08T13:50:00Z'), 5)).toBe(true);
  });

  it('a meeting created in New York is due by its instant, whatever zone it was written in', () => {
    // 10:00 in New York on 10 March 2027 (EST, UTC−5): the calendar gives 15:00Z.
    const start = instantOfLocal('2027-03-10', 10, 'America/New_York').toISOString();
    expect(start).toBe('2027-03-10T15:00:00.000Z');
    const event = meeting({ start, end: '2027-03-10T15:30:00.000Z' });
    expect(dueAt(event, 15).toISOString()).toBe('2027-03-10T14:45:00.000Z');
    expect(summary(event)).toEqual(['1:1 with Megan Bowen at 2027-03-10T15:00:00.000Z']);
  });

  it('a daily 10:00 London 1:1 moves from 10:00Z to 09:00Z when the clocks go forward (28 March 2027)', () => {
    const days = ['2027-03-26', '2027-03-29', '2027-03-30'];
    const occurrences = days.map((date) => {
      const start = instantOfLocal(date, 10, 'Europe/London');
      return weekly(date, {
        start: start.toISOString(),
        end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      });
    });
    expect(occurrences.map((event) => event.start)).toEqual([
      '2027-03-26T10:00:00.000Z', // GMT
      '2027-03-29T09:00:00.000Z', // BST
      '2027-03-30T09:00:00.000Z',
    ]);
    const keys = classify(...occurrences).map((m) => occurrenceKey(m.event));
    expect(new Set(keys).size).toBe(3);
    const monday = occurrences[1] as CalendarEvent;
    expect(dueAt(monday, 10).toISOString()).toBe('2027-03-29T08:50:00.000Z');
    expect(isDue(monday, 10, new Date('2027-03-29T08:50:00Z'), 5)).toBe(true);
    expect(isDue(monday, 10, new Date('2027-03-29T09:50:00Z'), 5)).toBe(false);
  });
});

describe('when a brief is due', () => {
  const event = meeting({ start: '2027-03-10T10:00:00.000Z' });
  const at = (time: string) => new Date(`2027-03-10T${time}Z`);

  it('in exactly one five-minute run: the first at or after start − lead', () => {
    expect(dueAt(event, 10).toISOString()).toBe('2027-03-10T09:50:00.000Z');
    const runs = ['09:40:00', '09:45:00', '09:50:00', '09:55:00', '10:00:00'];
    expect(runs.filter((time) => isDue(event, 10, at(time), 5))).toEqual(['09:50:00']);
    const offGrid = ['09:46:00', '09:51:00', '09:56:00'];
    expect(offGrid.filter((time) => isDue(event, 12, at(time), 5))).toEqual(['09:51:00']);
  });

  it('never once the meeting has started, even for a run that was late', () => {
    expect(isDue(event, 2, at('10:01:00'), 5)).toBe(false);
    expect(isDue(event, 0, at('10:00:00'), 5)).toBe(true);
    expect(isDue(event, 0, at('10:00:01'), 5)).toBe(false);
  });
});
