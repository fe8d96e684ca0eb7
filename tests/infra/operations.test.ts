/**
 * infra/ as an operator runs it: the alerts and what they query, diagnostic settings, Cosmos DB
 * backup and delete lock, the keyless bot, the settings an operator changes, always-ready
 * instances and the Flex Consumption region check. Reads the deployment `bicep snapshot` predicts
 * (tests/infra/bicepHarness.ts); skipped, like bicep.test.ts, when no Bicep CLI can be had.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type ArmResource,
  type BicepResults,
  type Snapshot,
  at,
  bicepAvailability,
  bicepResults,
  repoRoot,
  resourcesOfType,
  single,
} from './bicepHarness';

const bicep = bicepAvailability();
const source = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const describeWithBicep = bicep.available ? describe : describe.skip;

function setting(site: ArmResource, name: string): string | undefined {
  const settings = at(site, 'properties', 'siteConfig', 'appSettings') as { name: string; value: string }[];
  return settings.find((s) => s.name === name)?.value;
}

/** A log alert's KQL, found by the end of its name. */
function logAlert(resources: ArmResource[], suffix: string): { rule: ArmResource; query: string } {
  const rules = resourcesOfType(resources, 'Microsoft.Insights/scheduledQueryRules').filter((r) =>
    r.name.endsWith(suffix),
  );
  expect(rules.map((r) => r.name)).toEqual([expect.stringMatching(new RegExp(`${suffix}$`))]);
  const rule = rules[0] as ArmResource;
  return { rule, query: String(at(rule, 'properties', 'criteria', 'allOf', 0, 'query')) };
}

function metricAlert(resources: ArmResource[], suffix: string): ArmResource {
  const rules = resourcesOfType(resources, 'Microsoft.Insights/metricAlerts').filter((r) =>
    r.name.endsWith(suffix),
  );
  expect(rules).toHaveLength(1);
  return rules[0] as ArmResource;
}

describeWithBicep('infra (Bicep): what an operator runs', () => {
  let r: BicepResults;
  let dev: ArmResource[] = [];
  let prod: ArmResource[] = [];

  beforeAll(() => {
    r = bicepResults();
    const empty: Snapshot = { predictedResources: [], diagnostics: [], outputs: {} };
    dev = (r.snapshots.serverless ?? empty).predictedResources;
    prod = (r.snapshots.autoscale ?? empty).predictedResources;
  }, 15 * 60_000);

  describe('alerts', () => {
    test('one action group, e-mailing the alertEmail parameter when one is given', () => {
      const devGroup = single(dev, 'Microsoft.Insights/actionGroups');
      expect(at(devGroup, 'properties', 'emailReceivers')).toEqual([]);
      const prodGroup = single(prod, 'Microsoft.Insights/actionGroups');
      expect(at(prodGroup, 'properties', 'emailReceivers')).toEqual([
        { name: 'operator', emailAddress: 'ops@contoso.com', useCommonAlertSchema: true },
      ]);
      const rules = [
        ...resourcesOfType(prod, 'Microsoft.Insights/scheduledQueryRules').map((rule) =>
          at(rule, 'properties', 'actions', 'actionGroups'),
        ),
        ...resourcesOfType(prod, 'Microsoft.Insights/metricAlerts').map((rule) =>
          (at(rule, 'properties', 'actions') as { actionGroupId: string }[]).map((a) => a.actionGroupId),
        ),
      ];
      expect(rules).toHaveLength(5);
      for (const groups of rules) expect(groups).toEqual([prodGroup.id]);
    });

    test('log alerts read Application Insights', () => {
      const appInsights = single(dev, 'Microsoft.Insights/components');
      for (const rule of resourcesOfType(dev, 'Microsoft.Insights/scheduledQueryRules')) {
        expect(at(rule, 'properties', 'scopes')).toEqual([appInsights.id]);
        expect(at(rule, 'properties', 'enabled')).toBe(true);
      }
    });

    test('function failures: failed invocations (requests with success == false)', () => {
      const { rule, query } = logAlert(dev, 'function-failures');
      expect(query).toMatch(/^requests\n\| where success == false/);
      expect(at(rule, 'properties', 'windowSize')).toBe('PT15M');
      expect(at(rule, 'properties', 'criteria', 'allOf', 0, 'threshold')).toBe(2);
    });

    test("Teams 429 and 5xx: the messenger's failed-attempt lines, by their status field", () => {
      const { rule, query } = logAlert(dev, 'teams-throttling');
      // The messages and field bot/teams/messenger.ts logs for a failed proactive send attempt.
      for (const message of [
        'proactive send will be retried',
        'proactive send failed permanently',
        'proactive send gave up',
      ]) {
        expect(query).toContain(`'${message}'`);
      }
      // The line's message is the trace's message, its fields the custom dimensions.
      expect(query).toMatch(/^traces\n\| where message in \(/);
      expect(query).toContain('toint(customDimensions.status)');
      expect(query).toContain('status == 429 or status between (500 .. 599)');
      expect(at(rule, 'properties', 'criteria', 'allOf', 0, 'operator')).toBe('GreaterThan');
      expect(at(rule, 'properties', 'criteria', 'allOf', 0, 'threshold')).toBe(20);
    });

    test('the log alerts match the lines the code writes (messages, fields, job names)', () => {
      const messenger = source('bot/teams/messenger.ts');
      const { query: throttling } = logAlert(dev, 'teams-throttling');
      const messages = [...throttling.matchAll(/'(proactive send [^']+)'/g)].map((m) => m[1] as string);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) {
        expect(messenger).toMatch(
          new RegExp(`this\\.logger\\.warn\\('${message}', \\{[^}]*status: failure\\.status`),
        );
      }
      const timerRun = source('functions/timerRun.ts');
      expect(timerRun).toContain('logger.info(`${job.label} job ran`');
      expect(timerRun).toContain('runtime.logger.child({ job: job.name');
      const hourly = fs
        .readdirSync(path.join(repoRoot, 'functions'))
        .filter((f) => f.endsWith('.ts') && f !== 'timerRun.ts')
        .map((f) => source(`functions/${f}`))
        .filter((text) => text.includes('runTimerJob('))
        .map((text) => /\{\s*name: '([a-z]+)',\s*label:/.exec(text)?.[1]);
      const { query: overdue } = logAlert(dev, 'job-overdue');
      expect(hourly.length).toBeGreaterThan(0);
      for (const job of hourly) expect(overdue).toContain(`'${String(job)}'`);
    });

    test('a job overdue: an hourly job with no "job ran" line for two hours', () => {
      const { rule, query } = logAlert(dev, 'job-overdue');
      expect(query).toContain("dynamic(['milestones', 'followups', 'digest', 'nudges', 'briefs'])");
      expect(query).toContain("where message endswith ' job ran'");
      expect(query).toContain('tostring(customDimensions.job)');
      expect(query).toContain('join kind=leftanti');
      expect(at(rule, 'properties', 'windowSize')).toBe('PT2H');
      expect(at(rule, 'properties', 'criteria', 'allOf', 0, 'threshold')).toBe(0);
    });

    test('Cosmos DB throttling (429) and RU consumption near the limit: metric alerts on the account', () => {
      const account = single(dev, 'Microsoft.DocumentDB/databaseAccounts');
      const throttling = metricAlert(dev, 'cosmos-throttling');
      expect(at(throttling, 'properties', 'scopes')).toEqual([account.id]);
      expect(at(throttling, 'properties', 'criteria', 'allOf', 0)).toMatchObject({
        metricName: 'TotalRequests',
        dimensions: [{ name: 'StatusCode', operator: 'Include', values: ['429'] }],
        operator: 'GreaterThan',
        timeAggregation: 'Count',
      });
      const ru = metricAlert(dev, 'cosmos-ru-near-limit');
      expect(at(ru, 'properties', 'scopes')).toEqual([account.id]);
      expect(at(ru, 'properties', 'criteria', 'allOf', 0)).toMatchObject({
        metricName: 'NormalizedRUConsumption',
        operator: 'GreaterThan',
        threshold: 80,
        timeAggregation: 'Maximum',
      });
    });
  });

  test('diagnostic settings send the Function App, Cosmos DB and the bot to the Log Analytics workspace', () => {
    const workspace = single(dev, 'Microsoft.OperationalInsights/workspaces');
    const settings = resourcesOfType(dev, 'Microsoft.Insights/diagnosticSettings');
    const targets = settings.map((d) => String(d.id).split('/providers/Microsoft.Insights/')[0]).sort();
    expect(targets).toEqual(
      [
        single(dev, 'Microsoft.BotService/botServices').id,
        single(dev, 'Microsoft.DocumentDB/databaseAccounts').id,
        single(dev, 'Microsoft.Web/sites').id,
      ].sort(),
    );
    for (const d of settings) {
      expect(at(d, 'properties', 'workspaceId')).toBe(workspace.id);
      expect((at(d, 'properties', 'logs') as unknown[]).length).toBeGreaterThan(0);
    }
    const cosmos = settings.find((d) => String(d.id).includes('Microsoft.DocumentDB'));
    const categories = (at(cosmos, 'properties', 'logs') as { category: string }[]).map((l) => l.category);
    expect(categories).toEqual(expect.arrayContaining(['DataPlaneRequests', 'PartitionKeyRUConsumption']));
  });

  test('Cosmos DB: continuous backup (7 days); a delete lock in prod, none in dev', () => {
    for (const resources of [dev, prod]) {
      const account = single(resources, 'Microsoft.DocumentDB/databaseAccounts');
      expect(at(account, 'properties', 'backupPolicy')).toEqual({
        type: 'Continuous',
        continuousModeProperties: { tier: 'Continuous7Days' },
      });
    }
    expect(resourcesOfType(dev, 'Microsoft.Authorization/locks')).toEqual([]);
    const lock = single(prod, 'Microsoft.Authorization/locks');
    expect(at(lock, 'properties', 'level')).toBe('CanNotDelete');
    expect(String(lock.id)).toContain(String(single(prod, 'Microsoft.DocumentDB/databaseAccounts').id));
  });

  test('the Azure Bot has local (key) authentication disabled', () => {
    expect(at(single(dev, 'Microsoft.BotService/botServices'), 'properties', 'disableLocalAuth')).toBe(true);
  });

  test('the credential chain is the managed identity only (AZURE_TOKEN_CREDENTIALS)', () => {
    const site = single(dev, 'Microsoft.Web/sites');
    expect(setting(site, 'AZURE_TOKEN_CREDENTIALS')).toBe('ManagedIdentityCredential');
  });

  test('operator settings are parameters that become app settings, empty by default', () => {
    const devSite = single(dev, 'Microsoft.Web/sites');
    const prodSite = single(prod, 'Microsoft.Web/sites');
    expect(setting(devSite, 'GRAPH_SYNC')).toBe('');
    expect(setting(devSite, 'TEAMS_APP_CATALOG_ID')).toBe('');
    expect(setting(devSite, 'GRAPH_BASE_URL')).toBe('');
    expect(setting(prodSite, 'GRAPH_SYNC')).toBe('true');
    expect(setting(prodSite, 'TEAMS_APP_CATALOG_ID')).toBe('1542629c-01b3-4a6d-8f76-1938b779e48d');
  });

  test('always-ready HTTP instances: none in dev, one in prod', () => {
    const config = (resources: ArmResource[]) =>
      at(single(resources, 'Microsoft.Web/sites'), 'properties', 'functionAppConfig', 'scaleAndConcurrency');
    expect(at(config(dev), 'alwaysReady')).toEqual([]);
    expect(at(config(prod), 'alwaysReady')).toEqual([{ name: 'http', instanceCount: 1 }]);
  });

  test('a region without Flex Consumption fails before anything is created, naming the region', () => {
    const result = r.unsupportedRegion;
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(
      /Flex Consumption, which is not offered in "westindia"\. Choose a resource group in one of: .*westeurope/,
    );
  });
});
