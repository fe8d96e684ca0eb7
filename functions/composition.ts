import type { CosmosClient, Database } from '@azure/cosmos';
import { ConversationBook, Reach, SendGate, type Messenger } from '../core/delivery';
import { BackgroundWork, type Logger } from '../core/shared';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { MomentsBot } from '../bot/app';
import { createTeamsAdapter } from '../bot/teams/adapter';
import { TeamsMessenger } from '../bot/teams/messenger';
import { TeamsChatOpener } from '../bot/teams/chatOpener';
import { RateLimiter } from '../bot/teams/rateLimiter';
import type { Config } from './config';
import { createCosmosClient, type CosmosTarget } from './cosmos/client';
import { ensureSchema, verifySchema } from './cosmos/schema';
import { CosmosConversationStore } from './cosmos/conversationRepository';
import { CosmosMembershipStore } from './cosmos/membershipRepository';
import { CosmosReachRoll } from './cosmos/reachRoll';
import { CosmosPeopleDirectory } from './cosmos/peopleRepository';
import { CosmosSettingsStore } from './cosmos/settingsRepository';
import { CosmosAuditTrail } from './cosmos/auditRepository';
import { CosmosErasureRegister } from './cosmos/erasureRegister';
import { SettingsCache, type TeamRoles } from '../core/settings';
import { CosmosDeliveryLedger } from './cosmos/deliveryLedger';
import { CosmosRecognitionStore } from './cosmos/recognitionRepository';
import { CosmosGivingTallyStore } from './cosmos/givingTallyRepository';
import { KudosService } from '../core/kudos';
import { createHourlyJobs, type HourlyJobs } from './hourlyJobs';
import { CosmosSnoozeStore } from './cosmos/snoozeRepository';
import { createJsonLogger } from './logging';
import { CosmosNoteStore } from './cosmos/noteRepository';
import { CosmosImportStatusStore } from './cosmos/importStatusRepository';

/** Everything one process of Moments runs on, built once from the configuration. */
export interface Runtime {
  config: Config;
  logger: Logger;
  cosmos: { client: CosmosClient; database: Database; target: CosmosTarget };
  stores: {
    conversations: CosmosConversationStore;
    /** How people seen in team and group chat rosters can be reached (beside the conversations). */
    memberships: CosmosMembershipStore;
    people: CosmosPeopleDirectory;
    /** Cosmos DB behind an in-memory copy of tenant and team settings (core/settingsCache.ts). */
    settings: SettingsCache;
    deliveries: CosmosDeliveryLedger;
    recognitions: CosmosRecognitionStore;
    snoozes: CosmosSnoozeStore;
    notes: CosmosNoteStore;
    erasures: CosmosErasureRegister;
    /** Who changed admins, settings and values, when, from what to what. */
    audit: CosmosAuditTrail;
    /** What the last people import (CSV or Graph sync) of each tenant did. */
    importStatus: CosmosImportStatusStore;
  };
  conversations: ConversationBook;
  /** Reaches people in a personal chat: the stored one, else one opened from a roster membership. */
  reach: Reach;
  /** The reads of the reach census (`reach` in Teams and in the jobs CLI). */
  reachRoll: CosmosReachRoll;
  bot: MomentsBot;
  /** Proactive messages through the bot's adapter, within Teams' rate limits: the bot's and the jobs'. */
  messenger: Messenger;
  /** The one gate every job's sends pass (core/delivery/sendGate.ts). */
  gate: SendGate;
  /** What turns left running after they answered; drained before the process stops. */
  background: BackgroundWork;
  /** The timer jobs, runnable at any instant (the timers pass now; the jobs CLI passes --at). */
  jobs: HourlyJobs;
  now: () => Date;
  close(): Promise<void>;
}

export type { JobRunOptions } from './hourlyJobs';

/**
 * What the timer jobs run on: the runtime without the bot, whose Application and handlers a timer
 * never needs ({@link withBot} adds them).
 */
export type JobsRuntime = Omit<Runtime, 'bot'> & {
  /** The Teams adapter the messenger sends through; the bot answers activities on it too. */
  adapter: TeamsAdapter;
};

/** Options for {@link createRuntime}; tests and the local host pass what they start themselves. */
export interface RuntimeOptions {
  /** Where Cosmos DB is; defaults to the configured account. */
  cosmos?: CosmosTarget;
  logger?: Logger;
  /** The instant the app acts as of: the jobs CLI's `--at`; default the process clock. */
  now?: () => Date;
  /** Who owns a team; default Microsoft Graph when the configuration turns it on (GRAPH_SYNC). */
  teamRoles?: TeamRoles;
  /**
   * The process clock, for delivery leases: never `--at`, so that a run dated in the future
   * cannot hold a claim against the real runs. Default `new Date()`.
   */
  clock?: () => Date;
}

/** The Cosmos target the configuration names, if any. */
export function configuredCosmosTarget(config: Config): CosmosTarget | undefined {
  if (!config.cosmos.endpoint) return undefined;
  return {
    kind: 'account',
    endpoint: config.cosmos.endpoint,
    key: config.cosmos.key,
    database: config.cosmos.database,
    managedIdentityClientId: config.azureClientId,
  };
}

/**
 * The composition root: config → clients → repositories → services → the Teams adapter and its
 * rate-limited messenger → the bot and the jobs, which share the messenger and one send gate.
 * Creates the database and containers where it may (the local server, or an account reached with a
 * key); with Entra ID auth the infrastructure owns them (data-plane roles cannot create
 * containers), so it only checks.
 */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  return withBot(await createJobsRuntime(config, options), options);
}

/**
 * The runtime without the bot: config → clients → repositories → the rate-limited messenger → the
 * jobs. In Azure the host passes a logger whose lines the app exports to Application Insights
 * (functions/host.ts, functions/telemetry/); by default each line goes to the log of the invocation
 * it belongs to (functions/logging.ts), and locally to the console.
 */
export async function createJobsRuntime(config: Config, options: RuntimeOptions = {}): Promise<JobsRuntime> {
  const logger = options.logger ?? createJsonLogger({ level: config.logLevel, fields: { app: 'moments' } });
  const now = options.now ?? (() => new Date());
  const clock = options.clock ?? (() => new Date());
  const target = options.cosmos ?? configuredCosmosTarget(config);
  if (!target) {
    throw new Error(
      'No Cosmos DB to use: set COSMOS_ENDPOINT, or run `npm start`, which starts a local server.',
    );
  }
  const client = createCosmosClient(target);
  const canCreate = target.kind === 'local' || Boolean(target.key);
  let database: Database;
  if (canCreate) {
    database = await ensureSchema(client, target.database);
  } else {
    // Off the first request's path: an invoke Teams abandons after 5 s does not wait for six
    // reads; a missing container is logged with what to deploy, and its first use fails anyway.
    database = client.database(target.database);
    verifySchema(client, target.database).catch((error: unknown) =>
      logger.error('the Cosmos DB schema check failed', { error }),
    );
  }
  const stores = {
    conversations: new CosmosConversationStore(database.container('conversations'), logger),
    memberships: new CosmosMembershipStore(database.container('conversations'), logger),
    people: new CosmosPeopleDirectory(database.container('people'), logger),
    settings: new SettingsCache(new CosmosSettingsStore(database.container('settings'), logger)),
    deliveries: new CosmosDeliveryLedger(database.container('deliveries'), logger),
    recognitions: new CosmosRecognitionStore(database.container('recognitions'), logger),
    snoozes: new CosmosSnoozeStore(database.container('deliveries'), logger),
    notes: new CosmosNoteStore(database.container('notes'), logger),
    erasures: new CosmosErasureRegister(database.container('settings')),
    audit: new CosmosAuditTrail(database.container('settings'), logger),
    importStatus: new CosmosImportStatusStore(database.container('settings'), logger),
  };
  const conversations = new ConversationBook(stores.conversations, logger);
  const adapter = createTeamsAdapter(config.bot);
  // One limiter for the process: Teams counts every send of the app in a tenant together, the
  // bot's and the jobs' alike.
  const limiter = new RateLimiter();
  const messenger = new TeamsMessenger(adapter, { botAppId: config.bot.appId, logger, limiter });
  const reach = new Reach({
    conversations,
    memberships: stores.memberships,
    opener: new TeamsChatOpener(adapter, { botAppId: config.bot.appId, limiter }),
    erasures: stores.erasures,
    logger,
  });
  const reachRoll = new CosmosReachRoll(
    database.container('people'),
    database.container('conversations'),
    stores.memberships,
  );
  // One message at a time in doubt across the process's jobs: a crash repeats at most one, and
  // Teams failing for one job pauses them all.
  const gate = new SendGate();
  const background = new BackgroundWork(logger);
  const jobs = createHourlyJobs({
    config,
    database,
    stores,
    conversations,
    reach,
    messenger,
    gate,
    logger,
    clock,
  });
  logger.info('runtime ready', {
    cosmos: target.kind,
    database: target.database,
    botAuth: config.bot.appId ? config.bot.type : 'anonymous',
  });
  return {
    config,
    logger,
    cosmos: { client, database, target },
    stores,
    conversations,
    reach,
    reachRoll,
    adapter,
    messenger,
    gate,
    background,
    jobs,
    now,
    close: async () => {
      // What turns left running (fan-outs, roster registration) finishes before the stores close.
      await background.drain();
      client.dispose();
    },
  };
}

/**
 * Team owners from Microsoft Graph when the configuration turns Graph on (GRAPH_SYNC); the Graph
 * SDK loads only then, not on every cold instance's first activity.
 */
async function graphTeamRoles(config: Config): Promise<TeamRoles | undefined> {
  if (!config.graph.sync) return undefined;
  const { createGraphTeamRoles } = await import('./graph/graphTeamRoles');
  return createGraphTeamRoles(config);
}

/**
 * Adds the bot to a jobs runtime. Its modules (teams-ai's Application, every handler and card) load
 * here, on the first activity, so a timer's cold start does not pay for them.
 */
export async function withBot(
  runtime: JobsRuntime,
  options: Pick<RuntimeOptions, 'teamRoles'> = {},
): Promise<Runtime> {
  const { createMomentsBot } = await import('../bot/app');
  const { config, logger, stores, conversations, reach, reachRoll, adapter, messenger, now, background } =
    runtime;
  const kudos = new KudosService(
    stores.recognitions,
    stores.people,
    logger,
    new CosmosGivingTallyStore(runtime.cosmos.database.container('deliveries'), logger),
  );
  const bot = createMomentsBot({
    background,
    auth: config.bot,
    adapter,
    messenger,
    conversations,
    memberships: stores.memberships,
    reach,
    reachRoll,
    teamRoles: options.teamRoles ?? (await graphTeamRoles(config)),
    people: stores.people,
    settings: stores.settings,
    audit: stores.audit,
    namedAdmins: config.namedAdmins,
    deliveries: stores.deliveries,
    kudos,
    recognitions: stores.recognitions,
    snoozes: stores.snoozes,
    notes: stores.notes,
    erasures: stores.erasures,
    logger,
    now,
    defaultTimeZone: config.defaultTimeZone,
  });
  return { ...runtime, bot };
}
