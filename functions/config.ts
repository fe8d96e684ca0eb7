import { z } from 'zod';
import {
  DEFAULT_ENTRA_LOGIN_HOST,
  DEFAULT_GRAPH_BASE_URL,
  LOOPBACK,
  namedAdmins,
  OBJECT_ID,
  optionalText,
  timeZone,
} from './configValues';

/** Thrown when the environment cannot run Moments; the message names every offending variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export { DEFAULT_ENTRA_LOGIN_HOST, DEFAULT_GRAPH_BASE_URL };

const schema = z.object({
  BOT_ID: optionalText,
  BOT_PASSWORD: optionalText,
  BOT_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  BOT_TENANT_ID: optionalText,
  COSMOS_ENDPOINT: optionalText.pipe(
    z.string().url('must be an https URL such as https://<account>.documents.azure.com:443/').optional(),
  ),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().trim().min(1).default('moments'),
  AZURE_CLIENT_ID: optionalText,
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DEFAULT_TIME_ZONE: timeZone.default('UTC'),
  GRAPH_SYNC: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => (v === '' ? 'false' : v))
    .pipe(z.enum(['true', 'false'], { message: 'must be true or false' }))
    .default('false')
    .transform((v) => v === 'true'),
  // Where calendar briefs read managers' calendars: Microsoft Graph, or nowhere (off).
  CALENDAR_BRIEFS: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => (v === '' ? 'off' : v))
    .pipe(z.enum(['graph', 'off'], { message: 'must be graph (read calendars from Microsoft Graph) or off' }))
    .default('off'),
  GRAPH_BASE_URL: optionalText
    .pipe(
      z
        .string()
        .url('must be a URL such as https://graph.microsoft.com/v1.0')
        .refine(
          (url) => {
            if (!URL.canParse(url)) return true; // .url() has said so already
            const { protocol, hostname } = new URL(url);
            return protocol === 'https:' || (protocol === 'http:' && LOOPBACK.has(hostname));
          },
          { message: 'must be https (plain http only to 127.0.0.1 or localhost, for tests)' },
        )
        .optional(),
    )
    .transform((url) => (url ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, '')),
  MOMENTS_ADMINS: namedAdmins,
  // The tab's Entra app (teamsapp's aadApp/create, AAD_APP_CLIENT_ID): the `aud` of its tokens.
  TAB_CLIENT_ID: optionalText.pipe(
    z
      .string()
      .regex(OBJECT_ID, {
        message: "must be the Entra app's client id, a GUID such as 1542629c-01b3-4a6d-8f76-1938b779e48d",
      })
      .optional(),
  ),
  // Where the tab's tokens come from. Only a stand-in on this machine (tests, local runs) may
  // replace Entra ID: a token signed by any other host would be trusted as a real sign-in.
  ENTRA_LOGIN_HOST: optionalText
    .pipe(
      z
        .string()
        .refine(
          (url) => {
            if (url.replace(/\/+$/, '') === DEFAULT_ENTRA_LOGIN_HOST) return true;
            if (!URL.canParse(url)) return false;
            const { protocol, hostname, pathname, search, hash } = new URL(url);
            const origin = pathname.replace(/\/+$/, '') === '' && !search && !hash;
            return origin && (protocol === 'http:' || protocol === 'https:') && LOOPBACK.has(hostname);
          },
          {
            message: `must be ${DEFAULT_ENTRA_LOGIN_HOST} (the default) or, for tests and local runs, a loopback address such as http://127.0.0.1:4010`,
          },
        )
        .optional(),
    )
    .transform((url) => (url ?? DEFAULT_ENTRA_LOGIN_HOST).replace(/\/+$/, '')),
  // The app's id in the organisation's Teams app catalog (Teams admin center › Manage apps), which
  // installing Moments for people through Graph names; not the manifest's id for a custom upload.
  TEAMS_APP_CATALOG_ID: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
        message: 'must be the app catalog id, a GUID such as 1542629c-01b3-4a6d-8f76-1938b779e48d',
      })
      .optional(),
  ),
  // Set only by the local tooling (npm start, the jobs CLI, the tests): it alone may run without BOT_ID.
  MOMENTS_LOCAL: optionalText.pipe(
    z
      .literal('1', { errorMap: () => ({ message: 'must be 1 (npm start and the tests set it) or unset' }) })
      .optional(),
  ),
  // Set by the Azure Functions host; their presence means we are deployed, not on a laptop.
  WEBSITE_INSTANCE_ID: optionalText,
  WEBSITE_SITE_NAME: optionalText,
});

// A client secret beside the managed identity would never be used yet would still need rotating,
// and means the app was set up for another kind of bot registration: stop rather than guess.
const checkedSchema = schema.superRefine((v, ctx) => {
  if (v.BOT_PASSWORD && v.BOT_TYPE === 'UserAssignedMSI') {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['BOT_PASSWORD'],
      message:
        'must not be set with BOT_TYPE=UserAssignedMSI (the bot signs in as its managed identity); remove BOT_PASSWORD, or set BOT_TYPE=SingleTenant to use a client secret instead',
    });
  }
});

/** Moments' configuration, parsed once at start-up. */
export interface Config {
  bot: {
    /** Undefined only for anonymous local development. */
    appId?: string;
    password?: string;
    type: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    tenantId?: string;
  };
  cosmos: {
    /** Undefined: use the in-process local server that `npm start` runs. */
    endpoint?: string;
    key?: string;
    database: string;
  };
  /** Client id of the user-assigned managed identity, for the Azure Identity credentials. */
  azureClientId?: string;
  appInsightsConnectionString?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  defaultTimeZone: string;
  /** Microsoft Graph, for syncing names, emails and managers (never dates) into the directory. */
  graph: {
    /** True: the sync may run (it needs BOT_TENANT_ID, the tenant the people are stored under). */
    sync: boolean;
    /** Without a trailing slash; default `https://graph.microsoft.com/v1.0`. */
    baseUrl: string;
    /**
     * The app's Teams app catalog id: with it, and the tenant setting `installForEveryone`, the
     * sync installs Moments for people it has no personal chat with.
     */
    teamsAppCatalogId?: string;
    /** `CALENDAR_BRIEFS=graph`: the calendar briefs job reads managers' calendars from Graph. */
    calendarBriefs?: boolean;
  };
  /**
   * `MOMENTS_ADMINS`, lower-cased: the people (e-mail / UPN or Entra object id) who are admins of
   * their tenant for as long as they are named here; the way an organisation makes its first admin.
   */
  namedAdmins: string[];
  /** The Moments tab's sign-in: tokens for its Entra app, from Entra ID. */
  tab: {
    /** `TAB_CLIENT_ID`: without it the tab's API answers 503, except in the local preview. */
    clientId?: string;
    /** `ENTRA_LOGIN_HOST`, without a trailing slash; default `https://login.microsoftonline.com`. */
    loginHost: string;
  };
  /** True when running inside Azure (the Functions host sets WEBSITE_* variables). */
  deployed: boolean;
  /**
   * True when the local tooling started the process (`MOMENTS_LOCAL=1`): only then may the bot run
   * without `BOT_ID`, anonymous, on loopback, sending only to loopback service URLs.
   */
  local: boolean;
}

/**
 * True when the bot runs anonymous for local development: no `BOT_ID`, started by the local
 * tooling (which listens on loopback only). The tab's preview follows the same rule.
 */
export function isAnonymousLocal(config: Pick<Config, 'bot' | 'local'>): boolean {
  return config.local && !config.bot.appId;
}

/**
 * The environment as the local tooling (npm start, the jobs CLI, the tests) gives it to
 * {@link loadConfig}: marked local, which lets the bot run anonymous without `BOT_ID`.
 */
export function localToolingEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...env, MOMENTS_LOCAL: '1' };
}

/**
 * Parses and checks the environment. Throws {@link ConfigError} naming each bad variable and how
 * to set it, so a misconfigured app stops at start instead of failing on the first message.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = checkedSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Moments cannot start: invalid configuration.\n${lines.join('\n')}`);
  }
  const v = parsed.data;
  const deployed = Boolean(v.WEBSITE_INSTANCE_ID ?? v.WEBSITE_SITE_NAME);
  const local = v.MOMENTS_LOCAL === '1';
  const problems: string[] = [];
  if (deployed && !v.BOT_ID) {
    problems.push(
      '  BOT_ID: required when running in Azure; anonymous bot access is only for local development.',
    );
  } else if (!local && !v.BOT_ID) {
    // Anonymous must be asked for: a host or container that merely lacks BOT_ID would otherwise
    // accept unauthenticated requests from anyone who can reach it.
    problems.push(
      '  BOT_ID: required. Without it the bot accepts unauthenticated requests, which only the local tooling may ask for (npm start and the tests set MOMENTS_LOCAL=1 and listen on 127.0.0.1 only).',
    );
  }
  if (deployed && local) {
    problems.push('  MOMENTS_LOCAL: must not be set in Azure; it is for npm start and the tests only.');
  }
  if (deployed && !v.COSMOS_ENDPOINT) {
    problems.push(
      '  COSMOS_ENDPOINT: required when running in Azure (the local Cosmos DB server is for development).',
    );
  }
  if (v.BOT_ID && v.BOT_TYPE !== 'MultiTenant' && !v.BOT_TENANT_ID) {
    problems.push(
      `  BOT_TENANT_ID: required when BOT_TYPE is ${v.BOT_TYPE}; set it to the bot registration's tenant id.`,
    );
  }
  if (v.BOT_ID && v.BOT_TYPE !== 'UserAssignedMSI' && !v.BOT_PASSWORD) {
    problems.push(
      `  BOT_PASSWORD: required when BOT_TYPE is ${v.BOT_TYPE} (or use BOT_TYPE=UserAssignedMSI).`,
    );
  }
  if (v.BOT_PASSWORD && !v.BOT_ID) problems.push('  BOT_ID: required when BOT_PASSWORD is set.');
  if (v.GRAPH_SYNC && !v.BOT_TENANT_ID) {
    problems.push(
      '  BOT_TENANT_ID: required when GRAPH_SYNC is true; the people read from Graph are stored under this tenant.',
    );
  }
  if (problems.length > 0) {
    throw new ConfigError(`Moments cannot start: invalid configuration.\n${problems.join('\n')}`);
  }
  return {
    bot: { appId: v.BOT_ID, password: v.BOT_PASSWORD, type: v.BOT_TYPE, tenantId: v.BOT_TENANT_ID },
    cosmos: { endpoint: v.COSMOS_ENDPOINT, key: v.COSMOS_KEY, database: v.COSMOS_DATABASE },
    azureClientId: v.AZURE_CLIENT_ID,
    appInsightsConnectionString: v.APPLICATIONINSIGHTS_CONNECTION_STRING,
    logLevel: v.LOG_LEVEL,
    defaultTimeZone: v.DEFAULT_TIME_ZONE,
    graph: {
      sync: v.GRAPH_SYNC,
      baseUrl: v.GRAPH_BASE_URL,
      teamsAppCatalogId: v.TEAMS_APP_CATALOG_ID,
      calendarBriefs: v.CALENDAR_BRIEFS === 'graph',
    },
    namedAdmins: v.MOMENTS_ADMINS,
    tab: { clientId: v.TAB_CLIENT_ID, loginHost: v.ENTRA_LOGIN_HOST },
    deployed,
    local,
  };
}
