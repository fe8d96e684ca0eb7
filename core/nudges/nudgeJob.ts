import {
  chatsForRun,
  deliverOnce,
  deliveryId,
  finishRun,
  reachOf,
  runHourlyJob,
  windowFor,
  type ConversationRecord,
  type HourlyJobDeps,
  type HourlyJobOptions,
  type HourlyJobReport,
  type JobSendOutcome,
  type SendResult,
  type Unreachable,
} from '../delivery';
import { inPool, type Language } from '../shared';
import { languageOf, type ErasureRegister, type PeopleDirectory, type Person } from '../people';
import { milestonePolicyFor } from '../milestones';
import { tenantSettingsOf, type TenantSettings } from '../settings';
import { dueNudge, zoneOf, zonesDueForDefault, type DueNudge } from './due';
import { suggestThanks, type NudgeSuggestion } from './suggestions';

/** The job's name in the job-run records. */
export const NUDGE_JOB = 'nudges';

/** At most this many of someone's teams are looked through for people to suggest. */
export const TEAMS_LOOKED_AT = 10;
/** At most this many people are read per team or group chat: a nudge needs three. */
export const PEOPLE_PER_PLACE = 200;

/**
 * Finds who is due a nudge and whom they could thank, from indexed reads only: never the whole
 * directory for a tenant whose nudge is off by default.
 */
export interface NudgeDirectory {
  /** Everyone who turned the nudge on themselves, in any zone. */
  optedIn(tenantId: string): Promise<Person[]>;
  /** The time zones the tenant's people have (the zone index). */
  zonesInUse(tenantId: string): Promise<string[]>;
  /**
   * People following the tenant's default (no choice of their own) in one of `zones`, and, with
   * `withoutZone`, those with no zone of their own.
   */
  followingTenantIn(tenantId: string, zones: readonly string[], withoutZone: boolean): Promise<Person[]>;
  /** Up to `limit` people of each of `teamIds`. */
  teamMates(tenantId: string, teamIds: readonly string[], limit: number): Promise<Person[]>;
  /** The ids of up to `limit` people Moments saw in a group chat with `personId`. */
  chatMateIds(tenantId: string, personId: string, limit: number): Promise<string[]>;
}

/** Whom a nudge is written for: their language and zone. */
export interface NudgeReader {
  language: Language;
  timeZone: string;
}

/** A nudge: the people to thank, in order. */
export interface Nudge {
  suggestions: NudgeSuggestion[];
}

/** The outbound side of the job: renders the nudge and sends it; at the Teams edge. */
export interface NudgeNotifier {
  /** `deliveryId` is the nudge's ledger id, which its buttons refer to. */
  send(
    conversation: ConversationRecord,
    nudge: Nudge,
    deliveryId: string,
    reader: NudgeReader,
  ): Promise<SendResult>;
}

/** Everything the job reads and writes. */
export interface NudgeJobDeps extends HourlyJobDeps {
  directory: NudgeDirectory;
  people: Pick<PeopleDirectory, 'findMany'>;
  erasures: Pick<ErasureRegister, 'erasedAmong'>;
  notifier: NudgeNotifier;
  /** Nudges built and sent at once; the messenger keeps to Teams' limits whatever this is. */
  concurrency?: number;
}

/** One line of the job's report. */
export interface NudgeSend {
  tenantId: string;
  deliveryId: string;
  personId: string;
  personName: string;
  week: string;
  suggestions: number;
  outcome: JobSendOutcome;
  unreachable?: Unreachable;
}

export type NudgeJobReport = HourlyJobReport<NudgeSend>;

/** The ledger id of someone's nudge for an ISO week: one per person per week. */
export function nudgeDeliveryId(week: string, personId: string): string {
  return deliveryId('weekly-nudge', week, personId);
}

/**
 * The people whose nudge is due in the window: those who chose it themselves (one query of them
 * only), and, when the tenant has it on by default, those following the default in the zones
 * where the tenant's day and hour fell (one query of those zones' people).
 */
export async function dueForNudge(
  directory: NudgeDirectory,
  tenantId: string,
  settings: TenantSettings,
  window: { since: Date; now: Date },
): Promise<Array<{ person: Person; due: DueNudge }>> {
  const chosen = await directory.optedIn(tenantId);
  let following: Person[] = [];
  if (settings.weeklyNudge) {
    const zones = zonesDueForDefault(await directory.zonesInUse(tenantId), settings, window);
    if (zones.zones.length > 0 || zones.includesDefault) {
      following = await directory.followingTenantIn(tenantId, zones.zones, zones.includesDefault);
    }
  }
  const byId = new Map<string, Person>();
  for (const person of [...chosen, ...following])
    if (person.tenantId === tenantId) byId.set(person.id, person);
  return [...byId.values()].flatMap((person) => {
    const due = dueNudge(person, settings, window);
    return due ? [{ person, due }] : [];
  });
}

/** The suggestions for `person`'s nudge: bounded reads of their teams' and group chats' people. */
export async function nudgeFor(
  deps: Pick<NudgeJobDeps, 'directory' | 'people' | 'erasures'>,
  person: Person,
  due: DueNudge,
  settings: TenantSettings,
): Promise<Nudge> {
  const tenantId = person.tenantId;
  const [teamMates, chatMateIds] = await Promise.all([
    deps.directory.teamMates(tenantId, (person.teamIds ?? []).slice(0, TEAMS_LOOKED_AT), PEOPLE_PER_PLACE),
    deps.directory.chatMateIds(tenantId, person.id, PEOPLE_PER_PLACE),
  ]);
  const known = new Set(teamMates.map((p) => p.id));
  const chatMates = await deps.people.findMany(
    tenantId,
    chatMateIds.filter((id) => !known.has(id)),
  );
  const candidates = [...teamMates, ...chatMates];
  const forgotten = candidates.length
    ? await deps.erasures.erasedAmong(
        tenantId,
        candidates.map((p) => p.id),
      )
    : new Set<string>();
  const suggestions = suggestThanks({
    recipient: person,
    candidates,
    chatMates: new Set(chatMateIds),
    forgotten,
    week: { from: due.from, to: due.to },
    today: due.date,
    policy: milestonePolicyFor(settings),
  });
  return { suggestions };
}

/**
 * The hourly nudge job: for each tenant, everyone whose nudge moment fell since the tenant's last
 * completed run (at most a day back) gets up to three people to thank in their personal chat,
 * claimed in the ledger as `weekly-nudge:<ISO week>:<personId>`, so once per person per week however
 * often this runs. Someone with nobody to suggest gets no card: an empty reminder only teaches
 * people to ignore the next one.
 */
export async function runNudgeJob(deps: NudgeJobDeps, options: HourlyJobOptions): Promise<NudgeJobReport> {
  return runHourlyJob(NUDGE_JOB, deps, options, runForTenant);
}

async function runForTenant(
  deps: NudgeJobDeps,
  tenantId: string,
  now: Date,
  dryRun: boolean,
): Promise<NudgeSend[]> {
  const settings = await tenantSettingsOf(deps.settings, tenantId, deps.defaultTimeZone);
  const window = await windowFor(deps.runs, tenantId, NUDGE_JOB, now);
  const due = await dueForNudge(deps.directory, tenantId, settings, window);
  const chatWith = chatsForRun(
    reachOf(deps),
    { tenantId, now, dryRun },
    due.map(({ person }) => person.id),
  );
  const results = await inPool(
    due,
    deps.concurrency ?? 8,
    async ({ person, due: nudgeDue }): Promise<NudgeSend[]> => {
      const id = nudgeDeliveryId(nudgeDue.week, person.id);
      const line = (outcome: JobSendOutcome, suggestions: number): NudgeSend => ({
        tenantId,
        deliveryId: id,
        personId: person.id,
        personName: person.displayName,
        week: nudgeDue.week,
        suggestions,
        outcome,
      });
      if ((await deps.deliveries.get(tenantId, id))?.status === 'sent') return [line('already-done', 0)];
      const nudge = await nudgeFor(deps, person, nudgeDue, settings);
      if (nudge.suggestions.length === 0) return [];
      const reached = await chatWith(person.id);
      if ('unreachable' in reached) {
        return [{ ...line('unreachable', nudge.suggestions.length), unreachable: reached.unreachable }];
      }
      if (dryRun || !('chat' in reached)) return [line('planned', nudge.suggestions.length)];
      const { chat } = reached;
      const reader: NudgeReader = {
        language: languageOf(person, settings.defaultLanguage),
        timeZone: zoneOf(person, settings),
      };
      const outcome = await deliverOnce(
        deps.deliveries,
        deps.logger,
        {
          tenantId,
          id,
          kind: 'nudge',
          now,
          gate: deps.gate,
          clock: deps.clock,
          recipientId: person.id,
          subject: { type: 'nudge', personIds: nudge.suggestions.map((s) => s.personId) },
        },
        () => deps.notifier.send(chat, nudge, id, reader),
      );
      return [line(outcome, nudge.suggestions.length)];
    },
  );
  const sends = results.flat();
  const retry = await finishRun(deps.runs, { tenantId, job: NUDGE_JOB, now, dryRun }, sends);
  deps.logger.child({ job: NUDGE_JOB, tenantId }).info('nudge job ran for tenant', {
    since: window.since.toISOString(),
    now: now.toISOString(),
    due: due.length,
    sent: sends.filter((s) => s.outcome === 'sent').length,
    retryNextRun: retry,
  });
  return sends;
}
