import { ConfigError, loadConfig, localToolingEnv } from '../../functions/config';

describe('loadConfig', () => {
  it('runs locally on the embedded defaults with nothing set', () => {
    const config = loadConfig(localToolingEnv({}));
    expect(config.bot.appId).toBeUndefined();
    expect(config.cosmos).toEqual({ endpoint: undefined, key: undefined, database: 'moments' });
    expect(config.defaultTimeZone).toBe('UTC');
    expect(config.logLevel).toBe('info');
    expect(config.deployed).toBe(false);
    expect(config.local).toBe(true);
  });

  it('refuses to run without BOT_ID unless the local tooling started it, naming the variable', () => {
    // A self-hosted container sets none of Azure's WEBSITE_* variables: it must not run anonymous.
    expect(() => loadConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' })).toThrow(
      'Moments cannot start: invalid configuration.\n  BOT_ID: required. Without it the bot accepts unauthenticated requests, which only the local tooling may ask for (npm start and the tests set MOMENTS_LOCAL=1 and listen on 127.0.0.1 only).',
    );
    expect(() => loadConfig({ MOMENTS_LOCAL: 'yes' })).toThrow(/MOMENTS_LOCAL: must be 1/);
    expect(() => loadConfig({ MOMENTS_LOCAL: '1', WEBSITE_SITE_NAME: 'moments', BOT_ID: 'id' })).toThrow(
      /MOMENTS_LOCAL: must not be set in Azure/,
    );
    expect(loadConfig({ BOT_ID: 'id', BOT_TYPE: 'UserAssignedMSI', BOT_TENANT_ID: 't' }).local).toBe(false);
  });

  it('refuses to run in Azure without BOT_ID, naming the variable', () => {
    expect(() =>
      loadConfig({ WEBSITE_INSTANCE_ID: 'abc', COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' }),
    ).toThrow(/BOT_ID: required when running in Azure/);
  });

  it('refuses to run in Azure without COSMOS_ENDPOINT', () => {
    expect(() =>
      loadConfig({
        WEBSITE_SITE_NAME: 'moments',
        BOT_ID: 'id',
        BOT_TYPE: 'UserAssignedMSI',
        BOT_TENANT_ID: 't',
      }),
    ).toThrow(/COSMOS_ENDPOINT: required when running in Azure/);
  });

  it('accepts the deployed, keyless configuration', () => {
    const config = loadConfig({
      WEBSITE_INSTANCE_ID: 'abc',
      BOT_ID: '11111111-1111-1111-1111-111111111111',
      BOT_TYPE: 'UserAssignedMSI',
      BOT_TENANT_ID: '22222222-2222-2222-2222-222222222222',
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
      AZURE_CLIENT_ID: '11111111-1111-1111-1111-111111111111',
    });
    expect(config.deployed).toBe(true);
    expect(config.bot).toEqual({
      appId: '11111111-1111-1111-1111-111111111111',
      password: undefined,
      type: 'UserAssignedMSI',
      tenantId: '22222222-2222-2222-2222-222222222222',
    });
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DEFAULT_TIME_ZONE: 'Mars/Base' }, /DEFAULT_TIME_ZONE: must be an IANA time zone/],
    [{ COSMOS_ENDPOINT: 'not a url' }, /COSMOS_ENDPOINT/],
    [{ BOT_TYPE: 'Anonymous' }, /BOT_TYPE/],
    [{ BOT_ID: 'id', BOT_PASSWORD: 'secret' }, /BOT_TENANT_ID: required when BOT_TYPE is SingleTenant/],
    [{ BOT_ID: 'id', BOT_TENANT_ID: 't' }, /BOT_PASSWORD: required when BOT_TYPE is SingleTenant/],
    [{ BOT_PASSWORD: 'secret' }, /BOT_ID: required when BOT_PASSWORD is set/],
  ])('names the bad variable in %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses BOT_PASSWORD next to the managed identity (BOT_TYPE=UserAssignedMSI), naming both', () => {
    const env = {
      WEBSITE_INSTANCE_ID: 'abc',
      BOT_ID: '11111111-1111-1111-1111-111111111111',
      BOT_TYPE: 'UserAssignedMSI',
      BOT_TENANT_ID: '22222222-2222-2222-2222-222222222222',
      BOT_PASSWORD: 'left over from a client secret',
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
    };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(
      /BOT_PASSWORD: must not be set with BOT_TYPE=UserAssignedMSI \(the bot signs in as its managed identity\); remove BOT_PASSWORD/,
    );
  });

  it('treats empty values as unset, as env files write them', () => {
    expect(loadConfig(localToolingEnv({ BOT_ID: '', COSMOS_ENDPOINT: '' })).bot.appId).toBeUndefined();
  });
});

describe('loadConfig: Microsoft Graph', () => {
  it('is off by default, at the public Graph endpoint', () => {
    expect(loadConfig(localToolingEnv({})).graph).toEqual({
      sync: false,
      baseUrl: 'https://graph.microsoft.com/v1.0',
      calendarBriefs: false,
    });
    expect(loadConfig(localToolingEnv({ GRAPH_SYNC: '', GRAPH_BASE_URL: '' })).graph.sync).toBe(false);
  });

  it('turns on with GRAPH_SYNC=true and the tenant to store people under', () => {
    const config = loadConfig(
      localToolingEnv({
        GRAPH_SYNC: 'TRUE',
        BOT_TENANT_ID: 't',
        GRAPH_BASE_URL: 'http://127.0.0.1:4100/v1.0/',
      }),
    );
    expect(config.graph).toEqual({
      sync: true,
      baseUrl: 'http://127.0.0.1:4100/v1.0',
      calendarBriefs: false,
    });
  });

  it('reads calendars for briefs from Graph only with CALENDAR_BRIEFS=graph', () => {
    expect(loadConfig(localToolingEnv({ CALENDAR_BRIEFS: ' Graph ' })).graph.calendarBriefs).toBe(true);
    expect(loadConfig(localToolingEnv({ CALENDAR_BRIEFS: 'off' })).graph.calendarBriefs).toBe(false);
    expect(() => loadConfig(localToolingEnv({ CALENDAR_BRIEFS: 'outlook' }))).toThrow(
      /CALENDAR_BRIEFS: must be graph \(read calendars from Microsoft Graph\) or off/,
    );
  });

  it('takes the app catalog id Moments installs itself by, when given', () => {
    expect(loadConfig(localToolingEnv({})).graph.teamsAppCatalogId).toBeUndefined();
    expect(
      loadConfig(localToolingEnv({ TEAMS_APP_CATALOG_ID: ' 1542629c-01b3-4a6d-8f76-1938b779e48d ' })).graph
        .teamsAppCatalogId,
    ).toBe('1542629c-01b3-4a6d-8f76-1938b779e48d');
  });

  it.each([
    [{ GRAPH_SYNC: 'yes' }, /GRAPH_SYNC: must be true or false/],
    [{ GRAPH_SYNC: 'true' }, /BOT_TENANT_ID: required when GRAPH_SYNC is true/],
    [{ GRAPH_BASE_URL: 'graph' }, /GRAPH_BASE_URL: must be a URL/],
    [{ GRAPH_BASE_URL: 'http://graph.example/v1.0' }, /GRAPH_BASE_URL: must be https/],
    [
      { TEAMS_APP_CATALOG_ID: 'com.contoso.moments' },
      /TEAMS_APP_CATALOG_ID: must be the app catalog id, a GUID/,
    ],
  ])('names the bad variable in %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('loadConfig: MOMENTS_ADMINS', () => {
  it('names nobody when unset or empty', () => {
    expect(loadConfig(localToolingEnv({})).namedAdmins).toEqual([]);
    expect(loadConfig(localToolingEnv({ MOMENTS_ADMINS: ' , ' })).namedAdmins).toEqual([]);
  });

  it('reads e-mail addresses / UPNs and object ids, comma-separated, lower-cased, once each', () => {
    expect(
      loadConfig(
        localToolingEnv({
          MOMENTS_ADMINS: ' AlexW@Contoso.com, 00000000-0000-4000-8000-0000000000AB ,alexw@contoso.com',
        }),
      ).namedAdmins,
    ).toEqual(['alexw@contoso.com', '00000000-0000-4000-8000-0000000000ab']);
  });

  it.each(['Alex Wilber', 'alexw@contoso.com;meganb@contoso.com', 'alexw@', '1234'])(
    'refuses %p, naming the variable and the entry',
    (value) => {
      expect(() => loadConfig({ MOMENTS_ADMINS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ MOMENTS_ADMINS: value })).toThrow(
        /MOMENTS_ADMINS: ".*" is neither an e-mail address \/ UPN nor an Entra object id/,
      );
    },
  );
});
