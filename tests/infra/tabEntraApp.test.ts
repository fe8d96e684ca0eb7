/**
 * The Entra app the Moments tab signs people in with: ./aad.manifest.json (what `aadApp/update`
 * applies, in the Microsoft Graph application format the toolkit recognises by `displayName`) and
 * the provision steps that create it, apply it and hand its client id to the Function App.
 * Needs no Bicep CLI and no network.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { fillPlaceholders, findPlaceholders } from '../../scripts/appPackage';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Scope {
  id: string;
  value: string;
  type: string;
  isEnabled: boolean;
  adminConsentDisplayName: string;
  adminConsentDescription: string;
  userConsentDisplayName: string;
  userConsentDescription: string;
}
interface EntraApp {
  id: string;
  appId: string;
  displayName: string;
  signInAudience: string;
  identifierUris: string[];
  api: {
    requestedAccessTokenVersion: number;
    oauth2PermissionScopes: Scope[];
    preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }>;
  };
  requiredResourceAccess: Array<{
    resourceAppId: string;
    resourceAccess: Array<{ id: string; type: string }>;
  }>;
  spa: { redirectUris: string[] };
  web: { redirectUris: string[]; implicitGrantSettings: Record<string, boolean> };
  publicClient: { redirectUris: string[] };
}

const manifestText = read('aad.manifest.json');
const template = JSON.parse(manifestText) as EntraApp;

const VARS = {
  AAD_APP_OBJECT_ID: '0c5d1e2f-3a4b-4c6d-8e9f-a0b1c2d3e4f5',
  AAD_APP_CLIENT_ID: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  APP_NAME_SUFFIX: 'dev',
  BOT_DOMAIN: 'func-momentsabc123.azurewebsites.net',
};
const filled = (): EntraApp => fillPlaceholders(structuredClone(template), VARS);

/**
 * The Microsoft 365 clients Teams' tab single sign-on docs ask an app to pre-authorise
 * (learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad).
 */
const microsoft365Clients = {
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264': 'Teams desktop and mobile',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346': 'Teams web',
  '4765445b-32c6-49b0-83e6-1d93765276ca': 'Microsoft 365 web',
  '0ec893e0-5785-4de6-99da-4ed124e5296c': 'Microsoft 365 desktop',
  'd3590ed6-52b3-4102-aeff-aad2292ab01c': 'Microsoft 365 mobile and Outlook desktop',
  'bc59ab01-8403-45c6-8796-ac3ef710b3e3': 'Outlook web',
  '27922004-5251-4030-b22d-91ecd9a37ea4': 'Outlook mobile',
};

function provision(file: string): Action[] {
  return (parse(read(file)) as { provision?: Action[] }).provision ?? [];
}
const uses = (actions: Action[]): string[] => actions.map((a) => a.uses);

describe('aad.manifest.json (the tab’s Entra app)', () => {
  it('is the Microsoft Graph format, for the app aadApp/create made', () => {
    expect(template.displayName).toBe('Moments${{APP_NAME_SUFFIX}}');
    expect(template.id).toBe('${{AAD_APP_OBJECT_ID}}');
    expect(template.appId).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(findPlaceholders(template).sort()).toEqual([
      'AAD_APP_ACCESS_AS_USER_PERMISSION_ID',
      'AAD_APP_CLIENT_ID',
      'AAD_APP_OBJECT_ID',
      'APP_NAME_SUFFIX',
      'BOT_DOMAIN',
    ]);
  });

  it('signs in people of any organisation and issues v2 access tokens for api://<host>/<client id>', () => {
    const app = filled();
    expect(app.signInAudience).toBe('AzureADMultipleOrgs');
    expect(app.api.requestedAccessTokenVersion).toBe(2);
    expect(app.identifierUris).toEqual([`api://${VARS.BOT_DOMAIN}/${VARS.AAD_APP_CLIENT_ID}`]);
  });

  it('exposes one delegated scope, access_as_user, that users and admins can consent to', () => {
    const scopes = filled().api.oauth2PermissionScopes;
    expect(scopes).toHaveLength(1);
    const scope = scopes[0]!;
    expect(scope).toMatchObject({
      id: VARS.AAD_APP_ACCESS_AS_USER_PERMISSION_ID,
      value: 'access_as_user',
      type: 'User',
      isEnabled: true,
    });
    for (const text of [
      scope.adminConsentDisplayName,
      scope.adminConsentDescription,
      scope.userConsentDisplayName,
      scope.userConsentDescription,
    ]) {
      expect(text).toMatch(/Moments/);
    }
    // The static permission an admin grants for the whole tenant: this app's own scope.
    expect(filled().requiredResourceAccess).toEqual([
      {
        resourceAppId: VARS.AAD_APP_CLIENT_ID,
        resourceAccess: [{ id: VARS.AAD_APP_ACCESS_AS_USER_PERMISSION_ID, type: 'Scope' }],
      },
    ]);
  });

  it('pre-authorises the Teams, Microsoft 365 and Outlook clients for that scope', () => {
    const preAuthorised = filled().api.preAuthorizedApplications;
    expect(preAuthorised.map((p) => p.appId).sort()).toEqual(Object.keys(microsoft365Clients).sort());
    for (const client of preAuthorised) {
      expect(client.delegatedPermissionIds).toEqual([VARS.AAD_APP_ACCESS_AS_USER_PERMISSION_ID]);
    }
  });

  it('has the single-page-app redirect Nested App Authentication needs, and no other redirect', () => {
    const app = filled();
    expect(app.spa.redirectUris).toEqual([`brk-multihub://${VARS.BOT_DOMAIN}`]);
    // An origin only: no path, which the broker would refuse.
    expect(app.spa.redirectUris[0]).toMatch(/^brk-multihub:\/\/[a-z0-9.-]+(:\d+)?$/);
    expect(app.web.redirectUris).toEqual([]);
    expect(app.web.implicitGrantSettings).toEqual({
      enableAccessTokenIssuance: false,
      enableIdTokenIssuance: false,
    });
    expect(app.publicClient.redirectUris).toEqual([]);
  });

  it('carries no secret, password or key credential', () => {
    expect(Object.keys(template)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/passwordCredentials|keyCredentials/)]),
    );
    expect(manifestText).not.toMatch(/secret|password|"key"|SECRET_/i);
  });
});

describe.each([
  ['teamsapp.yml', 'arm/deploy'],
  ['teamsapp.local.yml', 'botFramework/create'],
])('%s: the tab’s Entra app in provision', (file, infraStep) => {
  const steps = provision(file);
  const tabCreate = steps.find(
    (a) => a.uses === 'aadApp/create' && a.writeToEnvironmentFile?.clientId === 'AAD_APP_CLIENT_ID',
  );
  const order = (step: Action | undefined): number => (step ? steps.indexOf(step) : -1);
  const update = steps.find((a) => a.uses === 'aadApp/update');

  it('creates it without a client secret, multi-tenant, and writes its ids', () => {
    expect(tabCreate?.with).toEqual({
      name: 'Moments${{APP_NAME_SUFFIX}}',
      generateClientSecret: false,
      signInAudience: 'AzureADMultipleOrgs',
    });
    expect(tabCreate?.writeToEnvironmentFile).toEqual({
      clientId: 'AAD_APP_CLIENT_ID',
      objectId: 'AAD_APP_OBJECT_ID',
      tenantId: 'AAD_APP_TENANT_ID',
      authority: 'AAD_APP_OAUTH_AUTHORITY',
      authorityHost: 'AAD_APP_OAUTH_AUTHORITY_HOST',
    });
    // aadApp/update names the app after the manifest: the same name, so it never flips.
    expect(tabCreate?.with?.name).toBe(template.displayName);
  });

  it('applies aad.manifest.json, writing the filled copy under the git-ignored ./build/', () => {
    expect(update?.with).toEqual({
      manifestPath: './aad.manifest.json',
      outputFilePath: './build/aad.manifest.${{TEAMSFX_ENV}}.json',
    });
    expect(read('.gitignore').split('\n')).toContain('/build/');
  });

  it('creates, then (once BOT_DOMAIN is known) updates, before the app package is built', () => {
    const validate = steps.find((a) => a.uses === 'teamsApp/validateManifest');
    const zip = steps.find((a) => a.uses === 'teamsApp/zipAppPackage');
    const infra = steps.find((a) => a.uses === infraStep);
    expect(order(tabCreate)).toBeGreaterThanOrEqual(0);
    expect(order(tabCreate)).toBeLessThan(order(update));
    expect(order(update)).toBeLessThan(order(validate));
    expect(order(update)).toBeLessThan(order(zip));
    if (infraStep === 'arm/deploy') {
      // The Bicep deployment receives the client id and outputs BOT_DOMAIN, which the update needs.
      expect(order(tabCreate)).toBeLessThan(order(infra));
      expect(order(infra)).toBeLessThan(order(update));
    }
  });
});

describe('the client id reaches the app as TAB_CLIENT_ID', () => {
  it('Azure: main.parameters.json passes AAD_APP_CLIENT_ID as tabClientId', () => {
    const parameters = JSON.parse(read('infra/main.parameters.json')) as {
      parameters: Record<string, { value: unknown }>;
    };
    expect(parameters.parameters.tabClientId?.value).toBe('${{AAD_APP_CLIENT_ID}}');
  });

  it('locally: .localConfigs gets TAB_CLIENT_ID for npm run start:bot', () => {
    const deploy = (parse(read('teamsapp.local.yml')) as { deploy: Action[] }).deploy;
    const config = deploy.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile');
    expect(config?.with?.envs).toMatchObject({ TAB_CLIENT_ID: '${{AAD_APP_CLIENT_ID}}' });
  });

  it('the dev and prod provisions run the same Entra steps', () => {
    expect(uses(provision('teamsapp.yml')).filter((u) => u.startsWith('aadApp/'))).toEqual([
      'aadApp/create',
      'aadApp/update',
    ]);
  });
});
