import { addDays, isoWeekOf, localDateOf } from '../shared';
import { followUpsDue } from './followUps';
import { DEFAULT_DIGEST_OPTIONS, type Digest, type DigestInput, type DigestOptions } from './digest';
import { kudosWeek, managerGiving } from './kudosWeek';
import { newHires, upcomingMilestones } from './comingUp';
import { notRecognised } from './notRecognised';
import { openerOf } from './opener';
import { refOf, section } from './rows';

/**
 * Builds a manager's weekly digest about their direct reports, as of `now` in the manager's zone:
 * who was recognised and who recognised others in the last seven days (with the latest of each),
 * who has not been recognised for a while, the milestones and new-hire check-ins of the coming
 * days, the manager's own follow-ups due in the coming week, the manager's own giving, and one
 * concrete thing to open the team meeting with. Pure: every read is done by the caller.
 */
export function buildDigest(input: DigestInput): Digest {
  const options: DigestOptions = { ...DEFAULT_DIGEST_OPTIONS, ...input.options };
  const { manager, now } = input;
  const today = localDateOf(now, manager.timeZone ?? input.defaultTimeZone);
  const reports = input.reports
    .filter((r) => r.id !== manager.id && r.tenantId === manager.tenantId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const reportById = new Map(reports.map((r) => [r.id, r]));

  const kudos = kudosWeek({ reports: reportById, received: input.received, given: input.given, now });
  const recognisedThisWeek = new Set(kudos.active.filter((a) => a.received > 0).map((a) => a.person.id));
  const quiet = notRecognised(reports, recognisedThisWeek, today, options.notRecognisedDays);
  const until = addDays(today, options.milestoneDays);
  const upcoming = upcomingMilestones(reports, today, until, options);
  const followUps = followUpsDue(input.notes, manager, today);

  return {
    tenantId: manager.tenantId,
    manager: refOf(manager),
    week: isoWeekOf(today),
    today,
    periodStart: addDays(today, -6),
    teamSize: reports.length,
    kudos: {
      received: kudos.receivedByTeam,
      given: kudos.reportsGiven.length,
      people: section(kudos.active, options.maxRows),
    },
    notRecognised: { days: options.notRecognisedDays, people: section(quiet, options.maxRows) },
    milestones: { days: options.milestoneDays, upcoming: section(upcoming, options.maxRows) },
    followUps: { count: followUps.length, notes: section(followUps, options.maxRows) },
    newHires: section(newHires(reports, today, until, options), options.maxRows),
    yourRecognition: managerGiving(input.given, manager.id, now),
    opener: openerOf(kudos.received, reportById, upcoming, quiet, reports, today),
    quiet: kudos.receivedByTeam === 0 && kudos.reportsGiven.length === 0 && upcoming.length === 0,
  };
}
