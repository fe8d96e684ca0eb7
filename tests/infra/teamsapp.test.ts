/**
 * The Teams Toolkit project files (teamsapp*.yml) and env/ files: valid against the toolkit's
 * YAML schema v1.8 (tests/infra/fixtures, from @microsoft/teamsapp-cli 3.1.1, MIT), the steps
 * Moments needs in the right order, every ${{VARIABLE}} declared, and no secret in env/.
 * Needs no Bicep CLI and no network.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

interface Action {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  environmentFolderPath?: string;
  provision?: Action[];
  deploy?: Action[];
  publish?: Action[];
}

const projectFiles = {
  dev: 'teamsapp.yml',
  prod: 'teamsapp.yml',
  local: 'teamsapp.local.yml',
  testtool: 'teamsapp.testtool.yml',
} as const;
type Env = keyof typeof projectFiles;
const envs = Object.keys(projectFiles) as Env[];

function project(env: Env): ProjectFile {
  return parse(read(projectFiles[env])) as ProjectFile;
}
function actions(file: ProjectFile): Action[] {
  return [...(file.provision ?? []), ...(file.deploy ?? []), ...(file.publish ?? [])];
}
function uses(list: Action[] | undefined): string[] {
  return (list ?? []).map((a) => a.uses);
}

/** KEY=value lines of an env file (comments and blank lines dropped). */
function envFile(env: Env): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of read(`env/.env.${env}`).split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) vars.set(match[1] as string, match[2] as string);
  }
  return vars;
}

function placeholders(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1] as string)),
  ].sort();
}

/** Variables the toolkit sets itself, and secrets, which live in env/.env.<env>.user. */
const builtIns = new Set(['TEAMSFX_ENV']);
const isSecret = (name: string): boolean => name.startsWith('SECRET_');

describe('Teams Toolkit project files', () => {
  const schema = JSON.parse(read('tests/infra/fixtures/teamsapp-yaml-schema-v1.8.json')) as object;
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  test.each(envs)('%s: valid against the toolkit YAML schema v1.8', (env) => {
    const file = project(env);
    const valid = validate(file);
    expect(valid ? [] : validate.errors).toEqual([]);
    expect(file.version).toBe('v1.8');
    expect(file.environmentFolderPath).toBe('./env');
    expect(read(projectFiles[env]).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://aka.ms/teams-toolkit/v1.8/yaml.schema.json',
    );
  });

  test.each(envs)('%s: a comment above every step', (env) => {
    const lines = read(projectFiles[env]).split('\n');
    const uncommented = lines
      .map((line, i) => ({ line, above: lines[i - 1] ?? '', number: i + 1 }))
      .filter(({ line }) => /^\s*- uses:/.test(line))
      .filter(({ above }) => !/^\s*#/.test(above))
      .map(({ line, number }) => `${number}: ${line.trim()}`);
    expect(uncommented).toEqual([]);
  });

  test("dev provision: Teams app, the tab's Entra app, Azure resources from infra/, the Entra app's manifest, then validate, zip and update the app", () => {
    const file = project('dev');
    expect(uses(file.provision)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    const arm = file.provision?.find((a) => a.uses === 'arm/deploy');
    const templates = arm?.with?.templates as { path: string; parameters: string }[];
    expect(templates).toHaveLength(1);
    expect(templates[0]?.path).toBe('./infra/main.bicep');
    expect(templates[0]?.parameters).toBe('./infra/main.parameters.json');
    for (const file of [templates[0]?.path, templates[0]?.parameters]) {
      expect(fs.existsSync(path.join(root, file ?? 'missing'))).toBe(true);
    }
    expect(arm?.with?.subscriptionId).toBe('${{AZURE_SUBSCRIPTION_ID}}');
    expect(arm?.with?.resourceGroupName).toBe('${{AZURE_RESOURCE_GROUP_NAME}}');
  });

  test('dev provision: one deployment record per environment', () => {
    const arm = project('dev').provision?.find((a) => a.uses === 'arm/deploy');
    const templates = arm?.with?.templates as { deploymentName: string }[];
    expect(templates[0]?.deploymentName).toBe('moments-infra-${{TEAMSFX_ENV}}');
  });

  test('dev deploy: npm ci, npm run build, zip build/functions/, az config-zip (Flex) with retries, never zipDeploy', () => {
    const file = project('dev');
    const deploy = file.deploy ?? [];
    expect(uses(deploy)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'script', 'script']);
    expect(deploy[0]?.with?.args).toMatch(/^ci\b/);
    expect(deploy[1]?.with?.args).toBe('run build');
    const zip = String(deploy[2]?.with?.run);
    expect(zip).toMatch(/'build','functions'/);
    expect(zip).toMatch(/'functions\.zip'/);
    // scripts/publishFunctionApp.ts passes these arguments to az functionapp deployment source config-zip.
    expect(String(deploy[3]?.with?.run)).toMatch(
      /^npx tsx scripts\/publishFunctionApp\.ts -g \$\{\{AZURE_RESOURCE_GROUP_NAME\}\} -n \$\{\{AZURE_FUNCTION_APP_NAME\}\} --src build\/functions\.zip\b/,
    );
    for (const env of envs) {
      expect(uses(actions(project(env)))).not.toContain('azureFunctions/zipDeploy');
      const runs = actions(project(env)).map((a) => String(a.with?.run ?? ''));
      expect(runs.filter((run) => /zipdeploy|azure\/functions-action/i.test(run))).toEqual([]);
    }
  });

  test('dev publish: validate, zip, update, then publish to the Teams admin center', () => {
    expect(uses(project('dev').publish)).toEqual([
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/publishAppPackage',
    ]);
  });

  test('local: single-tenant bot app, bot registration on the tunnel, .localConfigs for npm run start:bot', () => {
    const file = project('local');
    expect(uses(file.provision)).not.toContain('botAadApp/create'); // it makes multi-tenant apps
    expect(uses(file.provision)).not.toContain('arm/deploy');
    const aad = file.provision?.find(
      (a) => a.uses === 'aadApp/create' && a.writeToEnvironmentFile?.clientId === 'BOT_ID',
    );
    expect(aad?.with?.signInAudience).toBe('AzureADMyOrg');
    expect(aad?.writeToEnvironmentFile?.clientSecret).toBe('SECRET_BOT_PASSWORD');
    const bot = file.provision?.find((a) => a.uses === 'botFramework/create');
    expect(bot?.with?.botId).toBe('${{BOT_ID}}');
    expect(bot?.with?.messagingEndpoint).toBe('${{BOT_ENDPOINT}}/api/messages');
    expect(bot?.with?.channels).toEqual([{ name: 'msteams' }]);
    const config = file.deploy?.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile');
    expect(config?.with?.target).toBe('./.localConfigs');
    expect(config?.with?.envs).toMatchObject({
      BOT_ID: '${{BOT_ID}}',
      BOT_PASSWORD: '${{SECRET_BOT_PASSWORD}}',
      BOT_TYPE: 'SingleTenant',
      BOT_TENANT_ID: '${{BOT_TENANT_ID}}',
    });
  });

  test('testtool: nothing provisioned, no Azure, no Microsoft 365', () => {
    const file = project('testtool');
    expect(file.provision ?? []).toEqual([]);
    expect(uses(file.deploy)).toEqual(['cli/runNpmCommand']);
    expect(read(projectFiles.testtool)).not.toMatch(/\baz\b|arm\/deploy|aadApp|botFramework/);
  });

  test.each(envs)('%s: every ${{VARIABLE}} used is declared in its env file (secrets in .user)', (env) => {
    const declared = envFile(env);
    const texts = [read(projectFiles[env]), read('appPackage/manifest.json')];
    if (projectFiles[env] === 'teamsapp.yml') texts.push(read('infra/main.parameters.json'));
    // aadApp/update fills the tab's Entra app manifest from the same env file.
    if (/aadApp\/update/.test(read(projectFiles[env]))) texts.push(read('aad.manifest.json'));
    const undeclared = placeholders(texts.join('\n')).filter(
      (name) => !declared.has(name) && !builtIns.has(name) && !isSecret(name),
    );
    expect(undeclared).toEqual([]);
  });

  test.each(envs)('%s: every variable an action writes is declared in its env file', (env) => {
    const declared = envFile(env);
    const written = actions(project(env)).flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {}));
    expect(written.filter((name) => !isSecret(name) && !declared.has(name))).toEqual([]);
  });

  test('dev: every output of infra/main.bicep has a slot in env/.env.dev', () => {
    const outputs = [...read('infra/main.bicep').matchAll(/^output (\w+) /gm)].map((m) => m[1] as string);
    expect(outputs.length).toBeGreaterThan(0);
    const declared = envFile('dev');
    expect(outputs.filter((name) => !declared.has(name))).toEqual([]);
  });

  test.each(envs)('env/.env.%s holds no secret', (env) => {
    const text = read(`env/.env.${env}`);
    const vars = envFile(env);
    expect([...vars.keys()].filter(isSecret)).toEqual([]);
    expect([...vars.keys()].filter((k) => /PASSWORD|SECRET|_KEY$|CONNECTION_STRING/.test(k))).toEqual([]);
    expect(text).not.toMatch(/AccountKey=|SharedAccessSignature|-----BEGIN/);
    // Only these may have a value in the committed file; the rest is filled in by the toolkit.
    const allowedValues = new Set([
      'TEAMSFX_ENV',
      'APP_NAME_SUFFIX',
      'BOT_DOMAIN',
      'BOT_ENDPOINT',
      'DEVELOPER_WEBSITE_URL',
      'DEVELOPER_PRIVACY_URL',
      'DEVELOPER_TERMS_URL',
    ]);
    const valued = [...vars.entries()].filter(([k, v]) => v !== '' && !allowedValues.has(k)).map(([k]) => k);
    expect(valued).toEqual([]);
    expect(vars.get('TEAMSFX_ENV')).toBe(env);
  });

  test('prod: published as plain "Moments", with the developer links left for the organisation to set', () => {
    const prod = envFile('prod');
    expect(prod.get('APP_NAME_SUFFIX')).toBe('');
    for (const link of ['DEVELOPER_WEBSITE_URL', 'DEVELOPER_PRIVACY_URL', 'DEVELOPER_TERMS_URL']) {
      expect({ link, value: prod.get(link) }).toEqual({ link, value: '' });
      for (const env of ['dev', 'local', 'testtool'] as const) {
        expect(envFile(env).get(link)).toMatch(/^https:\/\//);
      }
    }
    // Every setting the dev environment passes to infra/ has its slot in prod too.
    expect([...envFile('dev').keys()].filter((name) => !prod.has(name))).toEqual([]);
  });

  test('env/.env.*.user (where secrets go) is git-ignored', () => {
    expect(read('.gitignore').split('\n')).toContain('env/.env.*.user');
  });
});
