import { rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { loadConfig, localToolingEnv, ConfigError } from '../../config';
import { createRuntime, configuredCosmosTarget, type Runtime } from '../../composition';
import { messagesHandler } from '../../messages';
import { milestoneRemindersHandler, MILESTONE_SCHEDULE } from '../../milestoneReminders';
import { weeklyDigestHandler, DIGEST_SCHEDULE } from '../../weeklyDigest';
import { weeklyNudgesHandler, NUDGE_SCHEDULE } from '../../weeklyNudges';
import { followUpNudgesHandler, FOLLOW_UP_SCHEDULE } from '../../followUpNudges';
import { peopleSyncHandler, PEOPLE_SYNC_SCHEDULE } from '../../peopleSync';
import { calendarBriefsHandler, CALENDAR_BRIEFS_SCHEDULE } from '../../calendarBriefs';
import { withLocalCalendar } from './localCalendar';
import { startLocalCosmos, type LocalCosmosServer } from './cosmosServer';
import { startLocalCosmosProcess } from './cosmosProcess';
import { LocalSnapshot } from './localSnapshot';
import { startBotServer, type BotServer } from './botServer';
import { startScheduler, type LocalScheduler } from './scheduler';
import { startPlaygroundProcess, type PlaygroundProcess } from './playgroundProcess';
import { seedDemoOrg, withDemoAdmins } from './demoOrg';
import { tabApiHandler } from '../../tab/apiHandler';
import { tabSiteHandler } from '../../tab/site';
import { buildTab } from '../../../scripts/buildTab';

/** The tab built afresh into `folder` and its two triggers' handlers, for the local server. */
async function localTab(runtime: Runtime, folder: string) {
  await buildTab({ outDir: folder, minify: true });
  return { api: tabApiHandler(runtime), site: tabSiteHandler({ folder, config: runtime.config }) };
}

const localSchema = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  PLAYGROUND_PORT: z.coerce.number().int().min(0).max(65535).default(56150),
  LOCAL_DATA_DIR: z.string().trim().min(1).default('.local'),
});

/** Settings that only matter on a developer's machine. */
export type LocalSettings = z.infer<typeof localSchema>;

/** Parses the local-only variables, naming any that are wrong. */
export function loadLocalSettings(env: Record<string, string | undefined>): LocalSettings {
  const parsed = localSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Moments cannot start: invalid configuration.\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** What `startLocalApp` runs. */
export interface LocalAppOptions {
  projectRoot: string;
  env: Record<string, string | undefined>;
  /** Start from empty local data instead of the snapshot. */
  reset?: boolean;
  /** Start the Agents Playground too (npm start) or not (npm run start:bot). */
  playground?: boolean;
  /** Run the timer handlers on their schedules. */
  scheduler?: boolean;
  /** Seed the demo organisation when the local data is empty. */
  seed?: boolean;
  /** Run the local Cosmos DB server in a process of its own (the benchmarks) instead of this one. */
  cosmosProcess?: boolean;
  /**
   * Build the tab (scripts/buildTab.ts) into the local data folder and serve it at /tab/ with its
   * API: `npm start`, and the tests and benchmarks of the tab. Off by default: a build takes seconds.
   */
  tab?: boolean;
  now?: () => Date;
}

/** A running local Moments. */
export interface LocalApp {
  runtime: Runtime;
  botUrl: string;
  /** `http://<host>:<port>/tab/`, when the tab is served ({@link LocalAppOptions.tab}). */
  tabUrl?: string;
  playgroundUrl?: string;
  cosmosEndpoint: string;
  /** The local Cosmos server's process, when it runs in one of its own. */
  cosmosPid?: number;
  /** Where local data persists between runs (undefined with a real Cosmos account). */
  dataFile?: string;
  scheduler?: LocalScheduler;
  seeded: number;
  stop(): Promise<void>;
}

/** The file a running local app advertises its Cosmos server in, so the jobs CLI can share it. */
export function serverInfoFile(projectRoot: string, dataDir: string): string {
  return path.resolve(projectRoot, dataDir, 'server.json');
}

/**
 * Runs the whole app on this machine: the local Cosmos DB server, in this process or its own
 * (unless COSMOS_ENDPOINT names an account), the bot on the Functions handler, the scheduler and the Agents Playground.
 * Everything started here is stopped by `stop()`, in reverse order.
 */
export async function startLocalApp(options: LocalAppOptions): Promise<LocalApp> {
  const local = loadLocalSettings(options.env);
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  try {
    // The demo organisation's calendar, served as Graph would, for calendar briefs.
    const withCalendar = await withLocalCalendar(options.env);
    if (withCalendar.calendar) stops.push(withCalendar.calendar.close);
    const config = loadConfig(localToolingEnv(withDemoAdmins(withCalendar.env)));
    const dataDir = path.resolve(options.projectRoot, local.LOCAL_DATA_DIR);
    let cosmos: LocalCosmosServer | undefined;
    let target = configuredCosmosTarget(config);
    if (!target) {
      cosmos = options.cosmosProcess
        ? await startLocalCosmosProcess(options.projectRoot)
        : await startLocalCosmos();
      stops.push(() => cosmos!.close());
      target = { kind: 'local', endpoint: cosmos.endpoint, database: config.cosmos.database };
    }
    const runtime = await createRuntime(config, { cosmos: target, now: options.now });
    stops.push(() => runtime.close());

    let dataFile: string | undefined;
    if (cosmos) {
      dataFile = path.join(dataDir, 'data.json');
      if (options.reset) await rm(dataFile, { force: true });
      const snapshot = new LocalSnapshot(runtime.cosmos.database, dataFile, (error) =>
        runtime.logger.error('local data snapshot failed', { error, file: dataFile }),
      );
      const loaded = await snapshot.load();
      runtime.logger.info('local data loaded', { file: dataFile, items: loaded });
      cosmos.onWrite(() => snapshot.changed());
      stops.push(() => snapshot.close());
      await mkdir(dataDir, { recursive: true });
      const info = serverInfoFile(options.projectRoot, local.LOCAL_DATA_DIR);
      await writeFile(info, JSON.stringify({ endpoint: cosmos.endpoint, pid: process.pid }));
      stops.push(() => rm(info, { force: true }));
    }

    const now = runtime.now;
    const seeded =
      options.seed === false || !cosmos
        ? 0
        : await seedDemoOrg(runtime.stores, now(), config.defaultTimeZone);

    const bot: BotServer = await startBotServer({
      handler: messagesHandler(runtime),
      logger: runtime.logger,
      host: local.HOST,
      port: local.PORT,
      anonymous: !config.bot.appId,
      ...(options.tab ? { tab: await localTab(runtime, path.join(dataDir, 'tab')) } : {}),
    });
    stops.push(() => bot.close());

    let scheduler: LocalScheduler | undefined;
    if (options.scheduler !== false) {
      scheduler = startScheduler(
        [
          {
            name: 'milestoneReminders',
            schedule: MILESTONE_SCHEDULE,
            handler: milestoneRemindersHandler(runtime),
          },
          { name: 'weeklyDigest', schedule: DIGEST_SCHEDULE, handler: weeklyDigestHandler(runtime) },
          { name: 'weeklyNudges', schedule: NUDGE_SCHEDULE, handler: weeklyNudgesHandler(runtime) },
          { name: 'followUpNudges', schedule: FOLLOW_UP_SCHEDULE, handler: followUpNudgesHandler(runtime) },
          { name: 'peopleSync', schedule: PEOPLE_SYNC_SCHEDULE, handler: peopleSyncHandler(runtime) },
          {
            name: 'calendarBriefs',
            schedule: CALENDAR_BRIEFS_SCHEDULE,
            handler: calendarBriefsHandler(runtime),
          },
        ],
        runtime.logger,
      );
      stops.push(async () => scheduler!.stop());
    }

    let playground: PlaygroundProcess | undefined;
    if (options.playground) {
      playground = await startPlaygroundProcess({
        projectRoot: options.projectRoot,
        botEndpoint: bot.url,
        port: local.PLAYGROUND_PORT,
        logFile: path.join(dataDir, 'playground.log'),
      });
      stops.push(() => playground!.stop());
    }

    return {
      runtime,
      botUrl: bot.url,
      ...(bot.tabUrl ? { tabUrl: bot.tabUrl } : {}),
      playgroundUrl: playground?.url,
      cosmosEndpoint: target.endpoint,
      ...(cosmos?.pid === undefined ? {} : { cosmosPid: cosmos.pid }),
      dataFile,
      scheduler,
      seeded,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
