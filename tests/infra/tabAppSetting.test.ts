/**
 * infra/: the Moments tab adds one app setting, TAB_CLIENT_ID (the client id of the tab's Entra
 * app, from teamsapp.yml's aadApp/create), to the Function App that already serves the bot, and
 * nothing else in Azure. Uses the Bicep results tests/infra/bicep.test.ts uses (cached), and is
 * skipped the same way without a Bicep CLI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type ArmResource,
  at,
  bicepAvailability,
  bicepResults,
  infraDir,
  single,
  snapshotTabClientId,
} from './bicepHarness';

const bicep = bicepAvailability();
const describeWithBicep = bicep.available ? describe : describe.skip;

function setting(site: ArmResource, name: string): string | undefined {
  const settings = at(site, 'properties', 'siteConfig', 'appSettings') as { name: string; value: string }[];
  return settings.find((s) => s.name === name)?.value;
}

test('a Bicep CLI is available, or the TAB_CLIENT_ID tests are skipped', () => {
  if (!bicep.available && process.env.REQUIRE_BICEP === '1') throw new Error(bicep.reason);
});

describeWithBicep('TAB_CLIENT_ID', () => {
  let results: ReturnType<typeof bicepResults>;
  beforeAll(() => {
    results = bicepResults();
  }, 15 * 60_000);

  it('is the tabClientId parameter: empty by default, the client id when given', () => {
    const serverless = single(results.snapshots.serverless!.predictedResources, 'Microsoft.Web/sites');
    const autoscale = single(results.snapshots.autoscale!.predictedResources, 'Microsoft.Web/sites');
    expect(setting(serverless, 'TAB_CLIENT_ID')).toBe('');
    expect(setting(autoscale, 'TAB_CLIENT_ID')).toBe(snapshotTabClientId);
  });

  it('main.bicep declares tabClientId (optional, described) and main.parameters.json feeds it AAD_APP_CLIENT_ID', () => {
    const parameter = at(results.templates['main.bicep'], 'parameters', 'tabClientId');
    expect(at(parameter, 'defaultValue')).toBe('');
    expect(String(at(parameter, 'metadata', 'description'))).toMatch(/^Optional\. TAB_CLIENT_ID of the app/);
    const file = JSON.parse(fs.readFileSync(path.join(infraDir, 'main.parameters.json'), 'utf8')) as object;
    expect(at(file, 'parameters', 'tabClientId', 'value')).toBe('${{AAD_APP_CLIENT_ID}}');
  });

  it('adds no Azure resource: the tab is served by the Function App that serves the bot', () => {
    const types = results.snapshots.serverless!.predictedResources.map((r) => r.type.toLowerCase());
    expect(types.filter((t) => /staticsites|serverfarms|microsoft\.web\/sites$/.test(t)).sort()).toEqual([
      'microsoft.web/serverfarms',
      'microsoft.web/sites',
    ]);
    expect(types.filter((t) => /cdn|frontdoor|storageaccounts$/.test(t))).toEqual([
      'microsoft.storage/storageaccounts',
    ]);
  });
});
