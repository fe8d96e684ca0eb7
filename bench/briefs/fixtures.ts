/**
 * The brief benchmark's tenant (bench/briefs.ts): a directory whose managers opted in to calendar
 * briefs, their calendars as the fake Graph serves them, and a few kudos for the briefs to show.
 */
import type { CalendarEvent } from '../../core/briefs';
import type { Recognition } from '../../core/kudos';
import type { Person } from '../../core/people';
import type { MailboxEvent } from '../../functions/dev/local/demoCalendar';
import { buildDirectory, type Directory } from '../../tests/support/milestoneFixtures';

/** Monday 14 June 2027, 09:00 UTC: every manager's 1:1 of the day starts then. */
export const ONE_ON_ONE_START = new Date('2027-06-14T09:00:00Z');
/** Every manager's brief lead: all briefs are due in the run at 08:50. */
export const LEAD_MINUTES = 10;
/** The run measured: every manager has a brief due. */
export const DUE_RUN = new Date(ONE_ON_ONE_START.getTime() - LEAD_MINUTES * 60_000);
/** Reports per manager in the directory tree. */
const SPAN = 10;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const pad6 = (n: number) => String(n).padStart(6, '0');
const emailOf = (id: string) => `${id}@contoso.test`;

/**
 * `size` people (fields from {@link buildDirectory}) with e-mail addresses, in a tree: person i > 0
 * reports to person ⌊(i − 1) / SPAN⌋, so the first ⌈(size − 1) / SPAN⌉ people are managers of about
 * SPAN reports each, every one of them opted in to briefs {@link LEAD_MINUTES} before.
 */
export function briefDirectory(tenantId: string, size: number): Directory {
  const base = buildDirectory({ tenantId, size, seed: size });
  const managers = Math.ceil((size - 1) / SPAN);
  const people = base.people.map((p, i): Person => {
    const { managerId: _ignored, ...rest } = p;
    return {
      ...rest,
      email: emailOf(p.id),
      ...(i > 0 ? { managerId: `p-${pad6(Math.floor((i - 1) / SPAN))}` } : {}),
      ...(i < managers ? { calendarBriefs: { leadMinutes: LEAD_MINUTES } } : {}),
    };
  });
  return { ...base, people, managerIds: people.slice(0, managers).map((p) => p.id) };
}

/** The reports of each manager of `directory`, as the tree gives them. */
export function reportsByManager(directory: Directory): Map<string, Person[]> {
  const reports = new Map<string, Person[]>();
  for (const person of directory.people) {
    if (!person.managerId) continue;
    const list = reports.get(person.managerId) ?? [];
    list.push(person);
    reports.set(person.managerId, list);
  }
  return reports;
}

/** The report each manager's 1:1 of the day is with. */
export function oneOnOneReport(reports: readonly Person[], managerIndex: number): Person {
  return reports[managerIndex % reports.length] as Person;
}

function meeting(
  manager: Person,
  uid: string,
  subject: string,
  start: Date,
  minutes: number,
  attendees: string[],
): MailboxEvent {
  const event: CalendarEvent = {
    id: `${uid}-${start.toISOString()}`,
    iCalUId: uid,
    subject,
    start: start.toISOString(),
    end: new Date(start.getTime() + minutes * MINUTE).toISOString(),
    isAllDay: false,
    isCancelled: false,
    type: 'occurrence',
    seriesMasterId: `${uid}-master`,
    organizer: { email: manager.email ?? '', name: manager.displayName },
    attendees: attendees.map((email) => ({ email, response: 'accepted', type: 'required' })),
    ownerResponse: 'organizer',
  };
  return { mailboxId: manager.id, event };
}

/**
 * Each manager's calendar over the eight days the job reads back and the day of
 * {@link ONE_ON_ONE_START}: that day's 1:1 with one report at 09:00 and its occurrence a week
 * before; every other manager a weekly team meeting with all their reports (last Tuesday at 14:00
 * and today at 11:00); and a project sync with two people from elsewhere each weekday at 15:00.
 */
export function calendarsOf(directory: Directory): MailboxEvent[] {
  const reports = reportsByManager(directory);
  const byId = new Map(directory.people.map((p) => [p.id, p]));
  const events: MailboxEvent[] = [];
  const today = ONE_ON_ONE_START.getTime();
  directory.managerIds.forEach((managerId, m) => {
    const manager = byId.get(managerId) as Person;
    const team = reports.get(managerId) ?? [];
    if (team.length === 0) return;
    const report = oneOnOneReport(team, m);
    const oneOnOne = `1on1-${managerId}-${report.id}`;
    for (const start of [today - 7 * DAY, today])
      events.push(meeting(manager, oneOnOne, '1:1', new Date(start), 30, [emailOf(report.id)]));
    if (m % 2 === 0) {
      const emails = team.map((p) => emailOf(p.id));
      for (const start of [today - 6 * DAY + 5 * 60 * MINUTE, today + 2 * 60 * MINUTE])
        events.push(meeting(manager, `team-${managerId}`, 'Team weekly', new Date(start), 30, emails));
    }
    for (let day = 8; day >= 0; day--) {
      const start = new Date(today - day * DAY + 6 * 60 * MINUTE);
      if (start.getUTCDay() === 0 || start.getUTCDay() === 6) continue;
      const others = [`partner-${m}@fabrikam.test`, `partner-${m + 1}@fabrikam.test`];
      events.push(meeting(manager, `sync-${managerId}`, 'Project sync', start, 45, others));
    }
  });
  return events;
}

/**
 * Kudos for the briefs to show: for each manager's 1:1 report, one received from a teammate three
 * days before the 1:1 and one given to the teammate two days before.
 */
export function kudosFor(tenantId: string, directory: Directory): Recognition[] {
  const reports = reportsByManager(directory);
  const kudos: Recognition[] = [];
  directory.managerIds.forEach((managerId, m) => {
    const team = reports.get(managerId) ?? [];
    if (team.length < 2) return;
    const report = oneOnOneReport(team, m);
    const teammate = team.find((p) => p.id !== report.id) as Person;
    for (const [giver, to, daysBefore] of [
      [teammate, report, 3],
      [report, teammate, 2],
    ] as const) {
      const createdAt = new Date(ONE_ON_ONE_START.getTime() - daysBefore * DAY).toISOString();
      kudos.push({
        tenantId,
        id: `kudos-${managerId}-${daysBefore}`,
        giver: { id: giver.id, name: giver.displayName },
        recipients: [{ id: to.id, name: to.displayName }],
        recipientIds: [to.id],
        value: { id: 'teamwork', name: 'Teamwork' },
        message: `Thanks for the help with the release, ${to.displayName}.`,
        place: { kind: 'channel', conversationId: '19:team-01-kudos@thread.tacv2', teamId: 'team-01' },
        postToChannel: false,
        managerMaySee: true,
        createdAt,
        givenOn: createdAt.slice(0, 10),
        celebrations: [],
      });
    }
  });
  return kudos;
}
