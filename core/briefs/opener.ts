import { addDays, daysBetween, localDateOf } from '../shared';
import {
  DEFAULT_MILESTONE_POLICY,
  milestonesBetween,
  type MilestoneKind,
  type MilestonePolicy,
} from '../milestones';
import type { Person } from '../people';
import { textTravels, type PersonRef, type Recognition } from '../kudos';

const DAY = 24 * 60 * 60 * 1000;

/** Someone to thank at the start of the team meeting, for a kudos of the last week. */
export interface OpenerThanks {
  person: PersonRef;
  giver: PersonRef;
  valueName: string;
  /** The giver's words, only when they may reach the manager; absent otherwise. */
  message?: string;
  /** The manager's local date it was given on. */
  on: string;
}

/** A milestone of an attendee this week. */
export interface OpenerMilestone {
  person: PersonRef;
  kind: MilestoneKind;
  date: string;
  years?: number;
}

/** The opener a manager gets before their team meeting. */
export interface TeamOpener {
  tenantId: string;
  manager: PersonRef;
  /** When the meeting starts (UTC instant). */
  meetingStart: string;
  /** The manager's local date. */
  today: string;
  /** At most {@link OpenerOptions.maxThanks}, one per person, newest first. */
  thanks: OpenerThanks[];
  milestones: OpenerMilestone[];
  /** Attendees who joined in the last {@link OpenerOptions.newHireDays} days (or join today). */
  newHires: PersonRef[];
  /** Everyone the card names with a Send kudos button: what its actions are checked against. */
  personIds: string[];
}

export interface OpenerOptions {
  maxThanks: number;
  /** How many days back (from the manager's today) count as new. */
  newHireDays: number;
  policy: MilestonePolicy;
}

export const DEFAULT_OPENER_OPTIONS: Readonly<OpenerOptions> = {
  maxThanks: 3,
  newHireDays: 14,
  policy: DEFAULT_MILESTONE_POLICY,
};

/** What {@link buildOpener} works from. */
export interface OpenerInput {
  manager: Person;
  /** The manager's reports in the meeting (the manager among them is ignored). */
  attendees: Person[];
  /** Kudos the attendees received in the last week (any more are ignored). */
  received: Recognition[];
  meetingStart: Date;
  now: Date;
  defaultTimeZone: string;
  options?: Partial<OpenerOptions>;
}

const refOf = (p: Person): PersonRef => ({ id: p.id, name: p.displayName });

/**
 * The opener before a team meeting: "start by thanking Luke for …" from the last seven days'
 * kudos to people in the meeting (the latest one each; never one the manager gave themselves, nor
 * one someone gave to themselves; the words only where they may reach the manager, who manages
 * every attendee), the attendees' milestones in the seven days from the manager's today, and the
 * attendees who joined lately, to welcome. Pure: the reads are the caller's.
 */
export function buildOpener(input: OpenerInput): TeamOpener {
  const options: OpenerOptions = { ...DEFAULT_OPENER_OPTIONS, ...input.options };
  const { manager, now } = input;
  const zone = manager.timeZone ?? input.defaultTimeZone;
  const today = localDateOf(now, zone);
  const attendees = new Map(
    input.attendees
      .filter((p) => p.id !== manager.id && p.tenantId === manager.tenantId)
      .map((p) => [p.id, p] as const),
  );
  const weekAgo = new Date(now.getTime() - 7 * DAY).toISOString();
  const nowIso = now.toISOString();

  const thanked = new Map<string, OpenerThanks>();
  const latestFirst = [...input.received].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const kudos of latestFirst) {
    if (kudos.createdAt < weekAgo || kudos.createdAt > nowIso) continue;
    // The manager's own kudos are thanks already given: the opener suggests others' recognition.
    if (kudos.giver.id === manager.id) continue;
    for (const id of kudos.recipientIds) {
      const person = attendees.get(id);
      // Nobody is thanked for kudos they gave themselves.
      if (!person || id === kudos.giver.id || thanked.has(id)) continue;
      thanked.set(id, {
        person: refOf(person),
        giver: kudos.giver,
        valueName: kudos.value.name,
        ...(textTravels(kudos) ? { message: kudos.message } : {}),
        on: localDateOf(new Date(kudos.createdAt), zone),
      });
    }
  }
  const thanks = [...thanked.values()].slice(0, options.maxThanks);

  const people = [...attendees.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const milestones = people
    .flatMap((person) =>
      milestonesBetween(person, today, addDays(today, 6), options.policy).map((m) => ({
        person: refOf(person),
        kind: m.kind,
        date: m.kind === 'first-day' ? m.occursOn : m.date,
        ...(m.years !== undefined ? { years: m.years } : {}),
      })),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
  const newHires = people
    .filter((p) => p.hireDate && p.hireDate <= today && daysBetween(p.hireDate, today) <= options.newHireDays)
    .map(refOf);
  const personIds = [
    ...new Set([
      ...thanks.map((t) => t.person.id),
      ...milestones.map((m) => m.person.id),
      ...newHires.map((p) => p.id),
    ]),
  ];
  return {
    tenantId: manager.tenantId,
    manager: refOf(manager),
    meetingStart: input.meetingStart.toISOString(),
    today,
    thanks,
    milestones,
    newHires,
    personIds,
  };
}
