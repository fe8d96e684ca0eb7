import { addDays, daysBetween } from '../shared';
import { effectiveCelebration, type Person } from '../people';
import { milestonesBetween, type MilestonePolicy } from '../milestones';

/** At most this many people on a nudge: a short list is one someone acts on. */
export const MAX_SUGGESTIONS = 3;

/** Someone counts as not recognised lately after this many days without kudos (the digest's default). */
export const NOT_RECOGNISED_DAYS = 14;

/**
 * Why a nudge suggests someone, as far as the recipient may be told: a milestone of theirs this
 * week; to their manager, how long since their last kudos (never: no `days`); to anyone else, only
 * that they work together, since the names of people not recognised lately reach only their manager.
 */
export type SuggestionReason =
  | { kind: 'milestone'; occasion: 'birthday' | 'anniversary'; date: string; years?: number }
  | { kind: 'unrecognised'; days?: number }
  | { kind: 'colleague' };

/** One person a nudge suggests thanking. */
export interface NudgeSuggestion {
  personId: string;
  name: string;
  reason: SuggestionReason;
}

/** What the suggestions are chosen from. */
export interface SuggestionInput {
  /** Whom the nudge is for. */
  recipient: Person;
  /** People who may share a team or a group chat with them; anyone else is left out. */
  candidates: readonly Person[];
  /** Of the candidates, those Moments saw in a group chat with the recipient. */
  chatMates: ReadonlySet<string>;
  /** People who asked Moments to forget them: never suggested. */
  forgotten: ReadonlySet<string>;
  /** The recipient's local week, Monday to Sunday (`YYYY-MM-DD`). */
  week: { from: string; to: string };
  /** The recipient's local date. */
  today: string;
  /** The tenant's milestone rules and default celebration. */
  policy: MilestonePolicy;
}

const sharesTeam = (a: Person, b: Person): boolean =>
  (a.teamIds ?? []).some((teamId) => (b.teamIds ?? []).includes(teamId));

/**
 * Whether `recipient` may be told about `person`'s milestone: the person celebrates it in public,
 * or only with their manager and the recipient is that manager. Never when it is off.
 */
function mayMention(
  person: Person,
  occasion: 'birthday' | 'anniversary',
  recipient: Person,
  policy: MilestonePolicy,
) {
  const preference = effectiveCelebration(person, occasion, policy.defaultCelebration);
  return preference === 'public' || (preference === 'manager' && person.managerId === recipient.id);
}

/** The first milestone of `person` this week the recipient may hear of. */
function milestoneThisWeek(input: SuggestionInput, person: Person): SuggestionReason | undefined {
  for (const milestone of milestonesBetween(person, input.week.from, input.week.to, input.policy)) {
    if (milestone.kind !== 'birthday' && milestone.kind !== 'anniversary') continue;
    if (!mayMention(person, milestone.kind, input.recipient, input.policy)) continue;
    return {
      kind: 'milestone',
      occasion: milestone.kind,
      date: milestone.date,
      ...(milestone.years === undefined ? {} : { years: milestone.years }),
    };
  }
  return undefined;
}

/**
 * Up to {@link MAX_SUGGESTIONS} people for `recipient` to thank this week, from the people they
 * share a team or a group chat with: never themselves, never anyone forgotten, never anyone whose
 * celebrations are both off (they asked not to be singled out), nor someone who has not started
 * yet. A milestone this week comes first (earliest first), and is named only when its celebration
 * lets the recipient hear of it; then whoever has gone longest without kudos (never first), among
 * those not recognised in the last {@link NOT_RECOGNISED_DAYS} days, said so only to their manager;
 * then by name.
 */
export function suggestThanks(input: SuggestionInput): NudgeSuggestion[] {
  const { recipient, policy, today } = input;
  const cutoff = addDays(today, -NOT_RECOGNISED_DAYS);
  const seen = new Set<string>();
  const ranked: Array<NudgeSuggestion & { rank: string }> = [];
  for (const person of input.candidates) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    if (person.id === recipient.id || person.tenantId !== recipient.tenantId) continue;
    if (input.forgotten.has(person.id)) continue;
    if (!sharesTeam(recipient, person) && !input.chatMates.has(person.id)) continue;
    if (person.hireDate && person.hireDate > today) continue;
    const birthday = effectiveCelebration(person, 'birthday', policy.defaultCelebration);
    const anniversary = effectiveCelebration(person, 'anniversary', policy.defaultCelebration);
    if (birthday === 'off' && anniversary === 'off') continue;
    const milestone = milestoneThisWeek(input, person);
    const base = { personId: person.id, name: person.displayName };
    if (milestone && milestone.kind === 'milestone') {
      ranked.push({ ...base, reason: milestone, rank: `0${milestone.date}` });
      continue;
    }
    const last = person.lastRecognisedOn;
    if (last && last >= cutoff) continue;
    const reason: SuggestionReason =
      person.managerId !== recipient.id
        ? { kind: 'colleague' }
        : last
          ? { kind: 'unrecognised', days: daysBetween(last, today) }
          : { kind: 'unrecognised' };
    // Never recognised sorts before every date; the oldest date first.
    ranked.push({ ...base, reason, rank: last ? `2${last}` : '1' });
  }
  return ranked
    .sort(
      (a, b) =>
        a.rank.localeCompare(b.rank) || a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId),
    )
    .slice(0, MAX_SUGGESTIONS)
    .map(({ rank: _rank, ...suggestion }) => suggestion);
}
