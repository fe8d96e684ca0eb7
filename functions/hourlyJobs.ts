import type { Database } from '@azure/cosmos';
import type { ConversationBook, HourlyJobReport, Messenger, Reach, SendGate } from '../core/delivery';
import type { Logger } from '../core/shared';
import { runMilestoneJob, type MilestoneJobReport } from '../core/milestones';
import { runFollowUpJob, type FollowUpJobReport } from '../core/notes';
import { runDigestJob, type DigestJobReport } from '../core/digest';
import { runPendingFanOutJob, type PendingFanOutLine } from '../core/kudos';
import { runNudgeJob, type NudgeJobReport } from '../core/nudges';
import { runBriefJob, type BriefJobReport, type CalendarReader } from '../core/briefs';
import { TeamsBriefNotifier } from '../bot/briefs/notifier';
import { CosmosBriefManagers } from './cosmos/briefManagers';
import { TeamsMilestoneNotifier } from '../bot/milestones/notifier';
import { TeamsFollowUpNotifier } from '../bot/notes/notifier';
import { TeamsDigestNotifier } from '../bot/digest/notifier';
import { TeamsNudgeNotifier } from '../bot/nudges/notifier';
import { recognitionMessages } from '../bot/kudos/recognitionMessages';
import type { Config } from './config';
import { CosmosMilestoneCandidates } from './cosmos/milestoneCandidates';
import { CosmosDigestDirectory } from './cosmos/digestDirectory';
import { CosmosNudgeDirectory } from './cosmos/nudgeDirectory';
import type { Runtime } from './composition';

/** One run of a job: its instant, its tenants (default all), a dry run, and where it logs. */
export interface JobRunOptions {
  now: Date;
  tenantIds?: string[];
  dryRun?: boolean;
  /**
   * The run's logger, carrying its correlation id (a timer's invocation id), so that every line
   * of the run, a tenant's failure included, can be found by it. Default: the runtime's.
   */
  logger?: Logger;
}

/** The hourly jobs, runnable at any instant (the timers pass now; the jobs CLI passes --at). */
export interface HourlyJobs {
  milestones(options: JobRunOptions): Promise<MilestoneJobReport>;
  followups(options: JobRunOptions): Promise<FollowUpJobReport>;
  digest(options: JobRunOptions): Promise<DigestJobReport>;
  /** The weekly "remind me to recognise someone" card, for whoever has it on. */
  nudges(options: JobRunOptions): Promise<NudgeJobReport>;
  /** Kudos whose notices and posts a turn started and its process did not finish. */
  kudosFanOuts(options: JobRunOptions): Promise<HourlyJobReport<PendingFanOutLine>>;
  /** Calendar briefs (every five minutes); nothing while no calendar is configured (CALENDAR_BRIEFS). */
  briefs(options: JobRunOptions): Promise<BriefJobReport>;
}

/**
 * Managers' calendars from Graph when the configuration turns calendar briefs on; the Graph SDK
 * loads only then.
 */
async function calendarOf(config: Config, logger: Logger): Promise<CalendarReader | undefined> {
  if (!config.graph.calendarBriefs) return undefined;
  const { createGraphCalendar } = await import('./graph/calendarOfConfig');
  return createGraphCalendar(config, logger);
}

/**
 * The hourly jobs over the runtime's stores, sharing its messenger and its one send gate; each
 * run logs under the run's logger when it is given one, and leases on the process clock.
 */
export function createHourlyJobs(parts: {
  config: Config;
  database: Database;
  stores: Runtime['stores'];
  conversations: ConversationBook;
  reach: Reach;
  messenger: Messenger;
  gate: SendGate;
  logger: Logger;
  clock: () => Date;
}): HourlyJobs {
  const { config, database, stores, conversations, reach, messenger, gate, logger, clock } = parts;
  let calendar: Promise<CalendarReader | undefined> | undefined;
  return {
    briefs: async ({ logger: runLogger, ...options }) => {
      calendar ??= calendarOf(config, logger);
      const reader = await calendar;
      if (!reader) {
        (runLogger ?? logger).info('calendar briefs read no calendar: CALENDAR_BRIEFS is not graph');
        return { tenants: 0, sends: [], failedTenants: [] };
      }
      return runBriefJob(
        {
          settings: stores.settings,
          runs: stores.settings,
          people: stores.people,
          recognitions: stores.recognitions,
          notes: stores.notes,
          managers: new CosmosBriefManagers(database.container('people'), logger),
          calendar: reader,
          notifier: new TeamsBriefNotifier(messenger),
          namedAdmins: config.namedAdmins,
          conversations,
          reach,
          deliveries: stores.deliveries,
          logger: runLogger ?? logger,
          defaultTimeZone: config.defaultTimeZone,
          gate,
          clock,
        },
        options,
      );
    },
    milestones: ({ logger: runLogger, ...options }) =>
      runMilestoneJob(
        {
          settings: stores.settings,
          runs: stores.settings,
          candidates: new CosmosMilestoneCandidates(database.container('people'), logger),
          people: stores.people,
          snoozes: stores.snoozes,
          conversations,
          reach,
          recognitions: stores.recognitions,
          notes: stores.notes,
          deliveries: stores.deliveries,
          notifier: new TeamsMilestoneNotifier(messenger),
          logger: runLogger ?? logger,
          defaultTimeZone: config.defaultTimeZone,
          gate,
          clock,
        },
        options,
      ),
    followups: ({ logger: runLogger, ...options }) =>
      runFollowUpJob(
        {
          settings: stores.settings,
          runs: stores.settings,
          notes: stores.notes,
          people: stores.people,
          conversations,
          reach,
          deliveries: stores.deliveries,
          notifier: new TeamsFollowUpNotifier(messenger),
          logger: runLogger ?? logger,
          defaultTimeZone: config.defaultTimeZone,
          gate,
          clock,
        },
        options,
      ),
    kudosFanOuts: ({ logger: runLogger, ...options }) =>
      runPendingFanOutJob(
        {
          settings: stores.settings,
          recognitions: stores.recognitions,
          people: stores.people,
          conversations,
          reach,
          deliveries: stores.deliveries,
          messenger,
          messages: recognitionMessages,
          logger: runLogger ?? logger,
          gate,
          clock,
        },
        options,
      ),
    digest: ({ logger: runLogger, ...options }) =>
      runDigestJob(
        {
          settings: stores.settings,
          runs: stores.settings,
          directory: new CosmosDigestDirectory(database.container('people')),
          people: stores.people,
          recognitions: stores.recognitions,
          notes: stores.notes,
          conversations,
          reach,
          deliveries: stores.deliveries,
          notifier: new TeamsDigestNotifier(messenger),
          logger: runLogger ?? logger,
          defaultTimeZone: config.defaultTimeZone,
          gate,
          clock,
        },
        options,
      ),
    nudges: ({ logger: runLogger, ...options }) =>
      runNudgeJob(
        {
          settings: stores.settings,
          runs: stores.settings,
          directory: new CosmosNudgeDirectory(
            database.container('people'),
            database.container('conversations'),
            logger,
          ),
          people: stores.people,
          erasures: stores.erasures,
          conversations,
          reach,
          deliveries: stores.deliveries,
          notifier: new TeamsNudgeNotifier(messenger),
          logger: runLogger ?? logger,
          defaultTimeZone: config.defaultTimeZone,
          gate,
          clock,
        },
        options,
      ),
  };
}
