/**
 * infra/: compiles and lints every Bicep file, then checks the deployment it describes (from
 * `bicep snapshot`, which expands the modules and evaluates what can be known before deploying)
 * and the compiled ARM JSON.
 *
 * Without a Bicep CLI (scripts/bicep.sh exits 3) these tests are skipped with a warning, unless
 * REQUIRE_BICEP=1, which makes that a failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  type ArmResource,
  type BicepResults,
  type Snapshot,
  type JsonObject,
  at,
  bicepAvailability,
  bicepFiles,
  bicepResults,
  containersJsonPath,
  infraDir,
  resourcesOfType,
  single,
  snapshotScope,
  templateResources,
} from './bicepHarness';

const requireBicep = process.env.REQUIRE_BICEP === '1';
const bicep = bicepAvailability();

// Always runs, so that the suite is never skipped as a whole: Jest drops the console output of
// a suite whose every test is skipped, and the notice would not be seen.
test('a Bicep CLI is available, or these tests are skipped with a notice', () => {
  if (bicep.available) return;
  if (requireBicep) throw new Error(`REQUIRE_BICEP=1 but no Bicep CLI can be had: ${bicep.reason}`);
  console.warn(
    `SKIPPED: tests/infra/bicep.test.ts: no Bicep CLI can be had (${bicep.reason}). ` +
      'Install bicep, the Azure CLI or the .NET SDK, or set REQUIRE_BICEP=1 to make this a failure.',
  );
});
const describeWithBicep = bicep.available ? describe : describe.skip;

/** The app's config variables: the Function App's app settings must be exactly these. */
const expectedAppSettings = [
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'AZURE_CLIENT_ID',
  'AZURE_TOKEN_CREDENTIALS',
  'AzureWebJobsStorage__accountName',
  'AzureWebJobsStorage__clientId',
  'AzureWebJobsStorage__credential',
  'BOT_ID',
  'BOT_TENANT_ID',
  'BOT_TYPE',
  'CALENDAR_BRIEFS',
  'COSMOS_DATABASE',
  'COSMOS_ENDPOINT',
  'DEFAULT_TIME_ZONE',
  'GRAPH_BASE_URL',
  'GRAPH_SYNC',
  'LOG_LEVEL',
  'MOMENTS_ADMINS',
  'TAB_CLIENT_ID',
  'TEAMS_APP_CATALOG_ID',
].sort();

const expectedOutputs = [
  'AZURE_CLIENT_ID',
  'AZURE_FUNCTION_APP_NAME',
  'AZURE_FUNCTION_APP_RESOURCE_ID',
  'BOT_DOMAIN',
  'BOT_ENDPOINT',
  'BOT_ID',
  'BOT_TENANT_ID',
  'COSMOS_DATABASE',
  'COSMOS_ENDPOINT',
].sort();

/** Text that would mean a key, SAS or password travels through settings or outputs. */
const secretPatterns: RegExp[] = [
  /listKeys/i,
  /list[A-Za-z]*Keys?\(/,
  /listConnectionStrings/i,
  /listCredentials/i,
  /AccountKey=/i,
  /SharedAccessSignature/i,
  /SharedAccessKey/i,
  /password/i,
  /COSMOS_KEY/,
  /BOT_PASSWORD/,
];

const builtInRoles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
  cosmosDataContributor: '00000000-0000-0000-0000-000000000002',
};

interface ContainerDefinition {
  id: string;
  partitionKey: { paths: string[]; kind: string; version: number };
  indexingPolicy: JsonObject;
  defaultTtl: number | null;
}
interface ContainersFile {
  database: string;
  containers: ContainerDefinition[];
}

function appSettings(site: ArmResource): { name: string; value: string }[] {
  return at(site, 'properties', 'siteConfig', 'appSettings') as { name: string; value: string }[];
}

function setting(site: ArmResource, name: string): string | undefined {
  return appSettings(site).find((s) => s.name === name)?.value;
}

/** The `reference(<id>, …)` of the managed identity's clientId, as the snapshot prints it. */
function identityRef(resources: ArmResource[], property: 'clientId' | 'principalId'): RegExp {
  const identity = single(resources, 'Microsoft.ManagedIdentity/userAssignedIdentities');
  const id = String(identity.id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`reference\\('${id}', '[0-9-]+'\\)\\.${property}`);
}

describeWithBicep('infra (Bicep)', () => {
  let r: BicepResults;
  // The deployment as `bicep snapshot` predicts it, default parameters (serverless Cosmos DB)...
  let resources: ArmResource[] = [];
  // ...and with autoscale Cosmos DB, an S1 bot, DEFAULT_TIME_ZONE Europe/Berlin, MOMENTS_ADMINS and the
  // production environment's settings (environmentName prod, alert e-mail, GRAPH_SYNC, catalog id).
  let autoscale: Snapshot = { predictedResources: [], diagnostics: [], outputs: {} };
  let serverless: Snapshot = autoscale;

  beforeAll(() => {
    r = bicepResults();
    serverless = r.snapshots.serverless ?? serverless;
    autoscale = r.snapshots.autoscale ?? autoscale;
    resources = serverless.predictedResources;
  }, 15 * 60_000);

  test('build and both snapshots ran', () => {
    expect(r.errors).toEqual([]);
  });

  describe('build and lint', () => {
    test('every .bicep file under infra/ compiles', () => {
      expect(r.build.status).toBe(0);
      const compiled = Object.keys(r.templates).sort();
      const sources = bicepFiles()
        .map((f) => path.relative(infraDir, f).split(path.sep).join('/'))
        .sort();
      expect(compiled).toEqual(sources);
      expect(compiled).toEqual(
        expect.arrayContaining([
          'main.bicep',
          'modules/alerts.bicep',
          'modules/bot.bicep',
          'modules/cosmos.bicep',
          'modules/diagnostics.bicep',
          'modules/functionApp.bicep',
          'modules/identity.bicep',
          'modules/monitoring.bicep',
          'modules/storage.bicep',
        ]),
      );
    });

    test('build, lint and snapshot report no warnings or errors', () => {
      expect(r.lint.status).toBe(0);
      expect(r.diagnostics).toEqual([]);
      expect(serverless.diagnostics).toEqual([]);
      expect(autoscale.diagnostics).toEqual([]);
    });

    test('every param and output says Required. or Optional. (AVM style)', () => {
      const missing: string[] = [];
      for (const [file, template] of Object.entries(r.templates)) {
        for (const [kind, entries] of [
          ['param', template.parameters ?? {}],
          ['output', template.outputs ?? {}],
        ] as const) {
          for (const [name, entry] of Object.entries(entries)) {
            const description = String(at(entry, 'metadata', 'description') ?? '');
            if (!/^(Required|Optional)\. \S/.test(description)) missing.push(`${file}: ${kind} ${name}`);
          }
        }
      }
      expect(missing).toEqual([]);
    });

    test('main.bicep composes the modules as nested deployments named after the environment', () => {
      const main = r.templates['main.bicep'];
      expect(main).toBeDefined();
      const deployments = resourcesOfType(templateResources(main!), 'Microsoft.Resources/deployments').map(
        (d) => d.name,
      );
      const modules = [
        'alerts',
        'bot',
        'cosmos',
        'diagnostics',
        'functionApp',
        'identity',
        'monitoring',
        'storage',
      ];
      expect(deployments.sort()).toEqual(
        modules.map((m) => `[format('{0}-${m}', variables('deploymentPrefix'))]`).sort(),
      );
      // Two environments in one resource group: the prefix of every nested deployment name is the
      // environment's (TEAMSFX_ENV through main.parameters.json), so one never overwrites the other.
      expect(at(main, 'variables', 'deploymentPrefix')).toBe(
        "[format('moments-{0}', toLower(parameters('environmentName')))]",
      );
      const file = JSON.parse(fs.readFileSync(path.join(infraDir, 'main.parameters.json'), 'utf8')) as object;
      expect(at(file, 'parameters', 'environmentName', 'value')).toBe('${{TEAMSFX_ENV}}');
    });

    test('main.parameters.json sets only parameters that main.bicep declares', () => {
      const file = JSON.parse(fs.readFileSync(path.join(infraDir, 'main.parameters.json'), 'utf8')) as {
        parameters: Record<string, unknown>;
      };
      const declared = Object.keys(r.templates['main.bicep']?.parameters ?? {});
      expect(declared).toEqual(expect.arrayContaining(Object.keys(file.parameters)));
      expect(at(file, 'parameters', 'resourceBaseName', 'value')).toBe('moments${{RESOURCE_SUFFIX}}');
    });

    test('no Bicep source or compiled template reads keys', () => {
      const texts = [
        ...bicepFiles().map((f) => [f, fs.readFileSync(f, 'utf8')] as const),
        ...Object.entries(r.templates).map(([f, t]) => [`compiled ${f}`, JSON.stringify(t)] as const),
      ];
      for (const [file, text] of texts) {
        for (const pattern of [
          /listKeys/i,
          /listConnectionStrings/i,
          /\blist[A-Z][A-Za-z]*\(/,
          /AccountKey=/i,
          /SharedAccessSignature/i,
        ]) {
          expect({ file, found: pattern.test(text) }).toEqual({ file, found: false });
        }
      }
    });
  });

  describe('identity', () => {
    test('one user-assigned managed identity, attached to the Function App and registered as the bot', () => {
      const identity = single(resources, 'Microsoft.ManagedIdentity/userAssignedIdentities');
      const site = single(resources, 'Microsoft.Web/sites');
      expect(at(site, 'identity', 'type')).toBe('UserAssigned');
      expect(Object.keys(at(site, 'identity', 'userAssignedIdentities') as object)).toEqual([identity.id]);
      const bot = single(resources, 'Microsoft.BotService/botServices');
      expect(at(bot, 'properties', 'msaAppMSIResourceId')).toBe(identity.id);
    });
  });

  describe('storage', () => {
    test('StorageV2 with shared keys off, TLS 1.2, no public blobs, HTTPS only', () => {
      const storage = single(resources, 'Microsoft.Storage/storageAccounts');
      expect(storage.kind).toBe('StorageV2');
      expect(at(storage, 'properties', 'allowSharedKeyAccess')).toBe(false);
      expect(at(storage, 'properties', 'minimumTlsVersion')).toBe('TLS1_2');
      expect(at(storage, 'properties', 'allowBlobPublicAccess')).toBe(false);
      expect(at(storage, 'properties', 'supportsHttpsTrafficOnly')).toBe(true);
      expect(storage.name).toMatch(/^[a-z0-9]{3,24}$/);
    });

    test('a private blob container for the deployment package', () => {
      const container = single(resources, 'Microsoft.Storage/storageAccounts/blobServices/containers');
      expect(at(container, 'properties', 'publicAccess')).toBe('None');
    });

    test('the identity holds Storage Blob Data Owner on the account and no other storage role', () => {
      const storage = single(resources, 'Microsoft.Storage/storageAccounts');
      const onStorage = resourcesOfType(resources, 'Microsoft.Authorization/roleAssignments').filter((a) =>
        String(a.id).startsWith(`[extensionResourceId('${String(storage.id)}',`),
      );
      const roles = onStorage
        .map((a) =>
          String(at(a, 'properties', 'roleDefinitionId'))
            .split('/')
            .pop(),
        )
        .sort();
      // Timers, leases, host keys and the deployment package are blobs; no queue or table is used.
      expect(roles).toEqual([builtInRoles.storageBlobDataOwner]);
      expect(roles).not.toContain(builtInRoles.storageQueueDataContributor);
      expect(roles).not.toContain(builtInRoles.storageTableDataContributor);
      for (const assignment of onStorage) {
        expect(String(at(assignment, 'properties', 'principalId'))).toMatch(
          identityRef(resources, 'principalId'),
        );
        expect(at(assignment, 'properties', 'principalType')).toBe('ServicePrincipal');
      }
    });
  });

  describe('function app', () => {
    test('Flex Consumption plan FC1 on Linux', () => {
      const plan = single(resources, 'Microsoft.Web/serverfarms');
      expect(plan.sku).toEqual({ name: 'FC1', tier: 'FlexConsumption' });
      expect(at(plan, 'properties', 'reserved')).toBe(true);
    });

    test('Linux function app: HTTPS only, TLS 1.2, FTPS off, basic publishing credentials off', () => {
      const site = single(resources, 'Microsoft.Web/sites');
      expect(site.kind).toBe('functionapp,linux');
      expect(at(site, 'properties', 'httpsOnly')).toBe(true);
      expect(at(site, 'properties', 'siteConfig', 'minTlsVersion')).toBe('1.2');
      expect(at(site, 'properties', 'siteConfig', 'ftpsState')).toBe('Disabled');
      const policies = resourcesOfType(resources, 'Microsoft.Web/sites/basicPublishingCredentialsPolicies');
      expect(policies.map((p) => [p.name.split('/').pop(), at(p, 'properties', 'allow')]).sort()).toEqual([
        ['ftp', false],
        ['scm', false],
      ]);
    });

    test('functionAppConfig: node 22, identity-authenticated deployment container, scale limits', () => {
      const site = single(resources, 'Microsoft.Web/sites');
      const identity = single(resources, 'Microsoft.ManagedIdentity/userAssignedIdentities');
      const config = at(site, 'properties', 'functionAppConfig');
      expect(at(config, 'runtime')).toEqual({ name: 'node', version: '22' });
      expect(at(config, 'deployment', 'storage', 'type')).toBe('blobContainer');
      expect(String(at(config, 'deployment', 'storage', 'value'))).toMatch(/app-package/);
      expect(at(config, 'deployment', 'storage', 'authentication')).toEqual({
        type: 'UserAssignedIdentity',
        userAssignedIdentityResourceId: identity.id,
      });
      expect(at(config, 'scaleAndConcurrency')).toEqual({
        maximumInstanceCount: 40,
        instanceMemoryMB: 2048,
        alwaysReady: [],
      });
    });

    test("app settings are exactly the app's config variables", () => {
      const site = single(resources, 'Microsoft.Web/sites');
      expect(
        appSettings(site)
          .map((s) => s.name)
          .sort(),
      ).toEqual(expectedAppSettings);
    });

    test('AzureWebJobsStorage is identity-based: no connection string setting', () => {
      const site = single(resources, 'Microsoft.Web/sites');
      const storage = single(resources, 'Microsoft.Storage/storageAccounts');
      expect(setting(site, 'AzureWebJobsStorage')).toBeUndefined();
      expect(setting(site, 'AzureWebJobsStorage__accountName')).toBe(storage.name);
      expect(setting(site, 'AzureWebJobsStorage__credential')).toBe('managedidentity');
      expect(setting(site, 'AzureWebJobsStorage__clientId')).toMatch(identityRef(resources, 'clientId'));
    });

    test('bot, Cosmos DB, telemetry and app settings carry the expected values', () => {
      const site = single(resources, 'Microsoft.Web/sites');
      const clientId = identityRef(resources, 'clientId');
      expect(setting(site, 'BOT_ID')).toMatch(clientId);
      expect(setting(site, 'AZURE_CLIENT_ID')).toMatch(clientId);
      expect(setting(site, 'BOT_TYPE')).toBe('UserAssignedMSI');
      expect(setting(site, 'BOT_TENANT_ID')).toBe(snapshotScope.tenantId);
      expect(setting(site, 'COSMOS_DATABASE')).toBe('moments');
      expect(setting(site, 'COSMOS_ENDPOINT')).toMatch(
        /Microsoft\.DocumentDB\/databaseAccounts\/[^']+', '[0-9-]+'\)\.documentEndpoint/,
      );
      expect(setting(site, 'APPLICATIONINSIGHTS_CONNECTION_STRING')).toMatch(
        /Microsoft\.Insights\/components\/[^']+', '[0-9-]+'\)\.ConnectionString/,
      );
      expect(setting(site, 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING')).toMatch(
        /^\[format\('ClientId=\{0\};Authorization=AAD', reference\(/,
      );
      expect(setting(site, 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING')).toMatch(clientId);
      expect(setting(site, 'LOG_LEVEL')).toBe('info');
      expect(setting(site, 'DEFAULT_TIME_ZONE')).toBe('UTC');
      const berlin = single(autoscale.predictedResources, 'Microsoft.Web/sites');
      expect(setting(berlin, 'DEFAULT_TIME_ZONE')).toBe('Europe/Berlin');
    });

    test('MOMENTS_ADMINS is the momentsAdmins parameter, empty by default, and main.parameters.json feeds it from the env file', () => {
      expect(setting(single(resources, 'Microsoft.Web/sites'), 'MOMENTS_ADMINS')).toBe('');
      expect(setting(single(autoscale.predictedResources, 'Microsoft.Web/sites'), 'MOMENTS_ADMINS')).toBe(
        'it.admin@contoso.com,00000000-0000-4000-8000-000000000001',
      );
      const file = JSON.parse(fs.readFileSync(path.join(infraDir, 'main.parameters.json'), 'utf8')) as object;
      expect(at(file, 'parameters', 'momentsAdmins', 'value')).toBe('${{MOMENTS_ADMINS}}');
      const description = at(
        r.templates['main.bicep'] ?? {},
        'parameters',
        'momentsAdmins',
        'metadata',
        'description',
      );
      expect(String(description)).toMatch(/^Optional\. MOMENTS_ADMINS of the app/);
    });

    test('no setting Flex Consumption rejects or ignores', () => {
      const site = single(resources, 'Microsoft.Web/sites');
      const names = appSettings(site).map((s) => s.name);
      for (const name of [
        'WEBSITE_TIME_ZONE',
        'FUNCTIONS_WORKER_RUNTIME',
        'FUNCTIONS_EXTENSION_VERSION',
        'WEBSITE_RUN_FROM_PACKAGE',
        'WEBSITE_NODE_DEFAULT_VERSION',
        'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
        'WEBSITE_CONTENTSHARE',
      ]) {
        expect(names).not.toContain(name);
      }
      expect(at(site, 'properties', 'siteConfig', 'linuxFxVersion')).toBeUndefined();
    });

    test('no app setting value carries a key, SAS or password', () => {
      for (const snapshot of [serverless, autoscale]) {
        const site = single(snapshot.predictedResources, 'Microsoft.Web/sites');
        for (const { name, value } of appSettings(site)) {
          for (const pattern of secretPatterns) {
            expect({ name, value, leaks: pattern.test(`${name}=${value}`) }).toEqual({
              name,
              value,
              leaks: false,
            });
          }
        }
      }
    });
  });

  describe('cosmos db', () => {
    test('serverless by default: local auth off, TLS 1.2, EnableServerless, no database throughput', () => {
      const account = single(resources, 'Microsoft.DocumentDB/databaseAccounts');
      expect(at(account, 'properties', 'disableLocalAuth')).toBe(true);
      expect(at(account, 'properties', 'minimalTlsVersion')).toBe('Tls12');
      expect(at(account, 'properties', 'publicNetworkAccess')).toBe('Enabled');
      expect(at(account, 'properties', 'capabilities')).toEqual([{ name: 'EnableServerless' }]);
      const database = single(resources, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
      expect(at(database, 'properties', 'options')).toEqual({});
    });

    test('autoscale when asked: no serverless capability, autoscale max throughput on the database', () => {
      const all = autoscale.predictedResources;
      const account = single(all, 'Microsoft.DocumentDB/databaseAccounts');
      expect(at(account, 'properties', 'disableLocalAuth')).toBe(true);
      expect(at(account, 'properties', 'capabilities')).toEqual([]);
      const database = single(all, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
      expect(at(database, 'properties', 'options')).toEqual({ autoscaleSettings: { maxThroughput: 4000 } });
    });

    test('the identity holds the built-in Data Contributor role (…0002) on the account', () => {
      const account = single(resources, 'Microsoft.DocumentDB/databaseAccounts');
      const assignment = single(resources, 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
      expect(at(assignment, 'properties', 'roleDefinitionId')).toBe(
        `${String(account.id)}/sqlRoleDefinitions/${builtInRoles.cosmosDataContributor}`,
      );
      expect(at(assignment, 'properties', 'scope')).toBe(account.id);
      expect(String(at(assignment, 'properties', 'principalId'))).toMatch(
        identityRef(resources, 'principalId'),
      );
    });

    test('drift: database and containers equal functions/cosmos/containers.json', () => {
      const definition = JSON.parse(fs.readFileSync(containersJsonPath, 'utf8')) as ContainersFile;
      const database = single(resources, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
      expect(at(database, 'properties', 'resource', 'id')).toBe(definition.database);

      const deployed = resourcesOfType(
        resources,
        'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
      ).map((c) => {
        const resource = at(c, 'properties', 'resource') as JsonObject;
        return {
          id: resource.id,
          partitionKey: resource.partitionKey,
          indexingPolicy: resource.indexingPolicy,
          defaultTtl: 'defaultTtl' in resource ? resource.defaultTtl : null,
          resourceName: c.name,
          keys: Object.keys(resource).sort(),
        };
      });
      const expected = definition.containers.map((c) => ({
        id: c.id,
        partitionKey: c.partitionKey,
        indexingPolicy: c.indexingPolicy,
        defaultTtl: c.defaultTtl,
        resourceName: expect.stringMatching(
          new RegExp(`/${definition.database}/${c.id}$`),
        ) as unknown as string,
        keys: [
          'id',
          'partitionKey',
          'indexingPolicy',
          ...(c.defaultTtl === null ? [] : ['defaultTtl']),
        ].sort(),
      }));
      expect(deployed).toEqual(expected);
    });

    test('hierarchical partition keys are MultiHash version 2', () => {
      for (const c of resourcesOfType(
        resources,
        'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
      )) {
        const key = at(c, 'properties', 'resource', 'partitionKey') as {
          paths: string[];
          kind: string;
          version: number;
        };
        expect(key.kind).toBe(key.paths.length > 1 ? 'MultiHash' : 'Hash');
        expect(key.version).toBe(2);
      }
    });
  });

  describe('bot', () => {
    test('Azure Bot registered as the managed identity (UserAssignedMSI), global, messaging endpoint on the app', () => {
      const bot = single(resources, 'Microsoft.BotService/botServices');
      expect(bot.kind).toBe('azurebot');
      expect(bot.location).toBe('global');
      expect(at(bot, 'sku', 'name')).toBe('F0');
      expect(at(bot, 'properties', 'msaAppType')).toBe('UserAssignedMSI');
      expect(String(at(bot, 'properties', 'msaAppId'))).toMatch(identityRef(resources, 'clientId'));
      expect(at(bot, 'properties', 'msaAppTenantId')).toBe(snapshotScope.tenantId);
      expect(String(at(bot, 'properties', 'endpoint'))).toMatch(
        /^\[format\('\{0\}\/api\/messages', format\('https:\/\/\{0\}', reference\('[^']+\/Microsoft\.Web\/sites\/[^']+', '[0-9-]+'\)\.defaultHostName\)\)\]$/,
      );
      const s1 = single(autoscale.predictedResources, 'Microsoft.BotService/botServices');
      expect(at(s1, 'sku', 'name')).toBe('S1');
    });

    test('the Microsoft Teams channel is enabled', () => {
      const channel = single(resources, 'Microsoft.BotService/botServices/channels');
      expect(channel.name.split('/').pop()).toBe('MsTeamsChannel');
      expect(at(channel, 'properties', 'channelName')).toBe('MsTeamsChannel');
      expect(at(channel, 'properties', 'properties', 'isEnabled')).toBe(true);
    });
  });

  describe('monitoring', () => {
    test('workspace-based Application Insights with local auth disabled', () => {
      const workspace = single(resources, 'Microsoft.OperationalInsights/workspaces');
      const appInsights = single(resources, 'Microsoft.Insights/components');
      expect(at(appInsights, 'properties', 'DisableLocalAuth')).toBe(true);
      expect(at(appInsights, 'properties', 'WorkspaceResourceId')).toBe(workspace.id);
    });

    test('the identity holds Monitoring Metrics Publisher on Application Insights', () => {
      const appInsights = single(resources, 'Microsoft.Insights/components');
      const assignments = resourcesOfType(resources, 'Microsoft.Authorization/roleAssignments').filter((a) =>
        String(a.id).startsWith(`[extensionResourceId('${String(appInsights.id)}',`),
      );
      expect(
        assignments.map((a) =>
          String(at(a, 'properties', 'roleDefinitionId'))
            .split('/')
            .pop(),
        ),
      ).toEqual([builtInRoles.monitoringMetricsPublisher]);
      expect(String(at(assignments[0], 'properties', 'principalId'))).toMatch(
        identityRef(resources, 'principalId'),
      );
    });
  });

  describe('outputs', () => {
    test('main.bicep outputs exactly the variables the toolkit writes into env/', () => {
      expect(Object.keys(r.templates['main.bicep']?.outputs ?? {}).sort()).toEqual(expectedOutputs);
      expect(Object.keys(serverless.outputs).sort()).toEqual(expectedOutputs);
    });

    test('outputs carry the expected values', () => {
      const outputs = serverless.outputs;
      const site = single(resources, 'Microsoft.Web/sites');
      expect(outputs.BOT_ID).toMatch(identityRef(resources, 'clientId'));
      expect(outputs.AZURE_CLIENT_ID).toMatch(identityRef(resources, 'clientId'));
      expect(outputs.BOT_TENANT_ID).toBe(snapshotScope.tenantId);
      expect(outputs.AZURE_FUNCTION_APP_NAME).toBe(site.name);
      expect(outputs.AZURE_FUNCTION_APP_RESOURCE_ID).toBe(site.id);
      expect(outputs.COSMOS_DATABASE).toBe('moments');
      expect(outputs.BOT_DOMAIN).toMatch(/\)\.defaultHostName\]$/);
      expect(outputs.BOT_ENDPOINT).toMatch(
        /^\[format\('https:\/\/\{0\}', reference\(.*\)\.defaultHostName\)\]$/,
      );
    });

    test('no output is secure or carries a key, SAS or password', () => {
      const declared = r.templates['main.bicep']?.outputs ?? {};
      for (const [name, output] of Object.entries(declared)) {
        expect({ name, type: output.type }).toEqual({ name, type: 'string' });
        const value = JSON.stringify(serverless.outputs[name]) + JSON.stringify(output.value);
        for (const pattern of secretPatterns) {
          expect({ name, leaks: pattern.test(`${name}=${value}`) }).toEqual({ name, leaks: false });
        }
      }
      expect(Object.keys(declared)).not.toContain('APPLICATIONINSIGHTS_CONNECTION_STRING');
    });
  });
});
