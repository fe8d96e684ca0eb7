import { instantOf, toCalendarEvent } from '../../functions/graph/graphCalendarEvents';

/** A calendarView event as Graph lists it with `Prefer: outlook.timezone="UTC"`. */
const graphEvent = (fields: Record<string, unknown> = {}) => ({
  id: 'AAMkAD-1',
  iCalUId: '040000008200E00074C5B7101A82E008',
  subject: 'Weekly 1:1',
  start: { dateTime: '2027-03-29T09:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2027-03-29T09:30:00.0000000', timeZone: 'UTC' },
  isAllDay: false,
  isCancelled: false,
  type: 'occurrence',
  seriesMasterId: 'AAMkAD-master',
  organizer: { emailAddress: { name: 'Megan Bowen', address: 'MeganB@contoso.com' } },
  attendees: [
    {
      type: 'required',
      status: { response: 'accepted', time: '2027-03-01T10:00:00Z' },
      emailAddress: { name: 'Alex Wilber', address: 'AlexW@contoso.com' },
    },
    { type: 'resource', status: { response: 'whatever' }, emailAddress: { name: 'Room 4', address: '' } },
  ],
  responseStatus: { response: 'accepted', time: '2027-03-01T10:00:00Z' },
  ...fields,
});

describe("Graph's calendar events as the briefs read them", () => {
  it('become UTC instants, lower-cased e-mails and known answers', () => {
    expect(toCalendarEvent(graphEvent())).toEqual({
      id: 'AAMkAD-1',
      iCalUId: '040000008200E00074C5B7101A82E008',
      subject: 'Weekly 1:1',
      start: '2027-03-29T09:00:00.000Z',
      end: '2027-03-29T09:30:00.000Z',
      isAllDay: false,
      isCancelled: false,
      type: 'occurrence',
      seriesMasterId: 'AAMkAD-master',
      organizer: { email: 'meganb@contoso.com', name: 'Megan Bowen' },
      attendees: [
        { email: 'alexw@contoso.com', name: 'Alex Wilber', response: 'accepted', type: 'required' },
        { name: 'Room 4', response: 'none', type: 'resource' },
      ],
      ownerResponse: 'accepted',
    });
  });

  it('read seven fractional digits to the millisecond, and offsets as given', () => {
    expect(instantOf({ dateTime: '2027-03-29T09:00:00.1239999', timeZone: 'UTC' })).toBe(
      '2027-03-29T09:00:00.123Z',
    );
    expect(instantOf({ dateTime: '2027-03-29T10:00:00+01:00', timeZone: 'GMT Standard Time' })).toBe(
      '2027-03-29T09:00:00.000Z',
    );
    expect(instantOf({ dateTime: 'next Monday', timeZone: 'UTC' })).toBeUndefined();
  });

  it('leave out a timed event given in another zone than UTC, which cannot be placed', () => {
    const local = { dateTime: '2027-03-29T10:00:00.0000000', timeZone: 'GMT Standard Time' };
    expect(toCalendarEvent(graphEvent({ start: local }))).toBeUndefined();
  });

  it('keep an all-day event in its own zone at its date (Graph ignores the Prefer header for them)', () => {
    const day = (date: string) => ({
      dateTime: `${date}T00:00:00.0000000`,
      timeZone: 'Pacific Standard Time',
    });
    expect(
      toCalendarEvent(graphEvent({ isAllDay: true, start: day('2027-03-29'), end: day('2027-03-30') })),
    ).toMatchObject({ isAllDay: true, start: '2027-03-29T00:00:00.000Z', end: '2027-03-30T00:00:00.000Z' });
  });

  it('refuse an event without the iCalUId its brief is keyed on', () => {
    expect(toCalendarEvent(graphEvent({ iCalUId: undefined }))).toBeUndefined();
    expect(toCalendarEvent('not an event')).toBeUndefined();
  });
});
