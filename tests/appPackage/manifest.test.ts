import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  APP_PACKAGE_DIR,
  REPO_ROOT,
  EnvFileNotFoundError,
  ManifestValidationError,
  MissingVariablesError,
  buildAppPackage,
  bundledSchemaVersions,
  fillPlaceholders,
  findPlaceholders,
  loadEnvVars,
  parseEnvFile,
  validateManifest,
  writeAppPackage,
} from '../../scripts/appPackage';
import { ACCENT_COLOR, drawColorIcon, drawOutlineIcon } from '../../scripts/makeIcons';

// ---------------------------------------------------------------------------------- fixtures

const VARS = {
  TEAMS_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  BOT_ID: '9b2e8c1d-7a4f-4e3b-8c5d-2f1a6b7c8d9e',
  APP_NAME_SUFFIX: '-local',
  BOT_DOMAIN: 'moments-local.devtunnels.example',
  DEVELOPER_WEBSITE_URL: 'https://moments.example',
  DEVELOPER_PRIVACY_URL: 'https://moments.example/privacy',
  DEVELOPER_TERMS_URL: 'https://moments.example/terms',
};

interface Command {
  title: string;
  description?: string;
}
interface Manifest {
  $schema: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  accentColor: string;
  icons: { color: string; outline: string };
  bots: Array<{
    botId: string;
    scopes: string[];
    supportsFiles?: boolean;
    isNotificationOnly?: boolean;
    commandLists: Array<{ scopes: string[]; commands: Command[] }>;
  }>;
  composeExtensions: Array<{
    botId: string;
    composeExtensionType?: string;
    commands: Array<{ id: string; type?: string; title: string; fetchTask?: boolean; context?: string[] }>;
  }>;
  permissions: string[];
  validDomains: string[];
  webApplicationInfo?: { id: string; resource?: string };
  authorization?: { permissions?: { resourceSpecific?: Array<{ name: string; type: string }> } };
}

const manifestText = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
const template = JSON.parse(manifestText) as Manifest;
const filled = (): Manifest =>
  fillPlaceholders(structuredClone(template), VARS, { source: 'env/.env.local' });

function decode(data: Buffer): PNG {
  return PNG.sync.read(data);
}

/** Independent of the packager's own checks: the icon rules from the Teams docs. */
function expectColorIcon(data: Buffer): void {
  const png = decode(data);
  expect([png.width, png.height]).toEqual([192, 192]);
  // The middle of the icon is opaque (it is an actual icon, not an empty canvas).
  const centre = (96 * 192 + 96) * 4;
  expect(png.data[centre + 3]).toBe(255);
}

function expectOutlineIcon(data: Buffer): void {
  const png = decode(data);
  expect([png.width, png.height]).toEqual([32, 32]);
  let opaque = 0;
  let transparent = 0;
  const offenders: string[] = [];
  for (let y = 0; y < 32; y++) {
    for (let x = 0; x < 32; x++) {
      const i = (y * 32 + x) * 4;
      const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
      if (a === 0) transparent++;
      else {
        opaque++;
        if (r !== 255 || g !== 255 || b !== 255) offenders.push(`(${x},${y})=rgba(${r},${g},${b},${a})`);
      }
    }
  }
  expect(offenders).toEqual([]);
  expect(opaque).toBeGreaterThan(32);
  expect(transparent).toBeGreaterThan(32);
  for (const [x, y] of [
    [0, 0],
    [31, 0],
    [0, 31],
    [31, 31],
  ] as const) {
    expect(png.data[(y * 32 + x) * 4 + 3]).toBe(0);
  }
}

// ---------------------------------------------------------------------------------- manifest

describe('appPackage/manifest.json', () => {
  it('uses only the Teams Toolkit placeholders and the developer links of the environment', () => {
    expect(findPlaceholders(template).sort()).toEqual([
      'APP_NAME_SUFFIX',
      'BOT_DOMAIN',
      'BOT_ID',
      'DEVELOPER_PRIVACY_URL',
      'DEVELOPER_TERMS_URL',
      'DEVELOPER_WEBSITE_URL',
      'TEAMS_APP_ID',
    ]);
    expect(template.developer).toEqual({
      name: 'Moments',
      websiteUrl: '${{DEVELOPER_WEBSITE_URL}}',
      privacyUrl: '${{DEVELOPER_PRIVACY_URL}}',
      termsOfUseUrl: '${{DEVELOPER_TERMS_URL}}',
    });
    expect(template.id).toBe('${{TEAMS_APP_ID}}');
    expect(template.bots[0]!.botId).toBe('${{BOT_ID}}');
    expect(template.composeExtensions[0]!.botId).toBe('${{BOT_ID}}');
    expect(template.name.short).toBe('Moments${{APP_NAME_SUFFIX}}');
    expect(template.validDomains).toEqual(['${{BOT_DOMAIN}}']);
  });

  it('names a bundled schema whose version matches manifestVersion', () => {
    const m = /\/teams\/v([0-9.]+)\/MicrosoftTeams\.schema\.json$/.exec(template.$schema);
    expect(m?.[1]).toBe(template.manifestVersion);
    expect(bundledSchemaVersions()).toContain(`v${template.manifestVersion}`);
    expect(Number(template.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(22);
  });

  it('validates against the schema with zero errors once filled', async () => {
    expect(await validateManifest(filled())).toEqual([]);
  });

  it('has no placeholder left after filling', () => {
    const text = JSON.stringify(filled());
    expect(text).not.toContain('${{');
    const m = filled();
    expect(m.id).toBe(VARS.TEAMS_APP_ID);
    expect(m.bots[0]!.botId).toBe(VARS.BOT_ID);
    expect(m.composeExtensions[0]!.botId).toBe(VARS.BOT_ID);
    expect(m.name.short).toBe('Moments-local');
    expect(m.validDomains).toEqual([VARS.BOT_DOMAIN]);
    expect(m.developer).toEqual({
      name: 'Moments',
      websiteUrl: VARS.DEVELOPER_WEBSITE_URL,
      privacyUrl: VARS.DEVELOPER_PRIVACY_URL,
      termsOfUseUrl: VARS.DEVELOPER_TERMS_URL,
    });
  });

  it('refuses a developer link that is not a URL, naming the field', async () => {
    const m = fillPlaceholders(structuredClone(template), { ...VARS, DEVELOPER_PRIVACY_URL: 'our intranet' });
    expect(await validateManifest(m)).toEqual([expect.stringMatching(/^\/developer\/privacyUrl /)]);
  });

  it('declares one conversational bot in personal, team and group chat', () => {
    const m = filled();
    expect(m.bots).toHaveLength(1);
    const bot = m.bots[0]!;
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
  });

  it('has a command list per scope, each offering help and kudos', () => {
    const lists = filled().bots[0]!.commandLists;
    const titlesFor = (scope: string) =>
      lists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
    for (const scope of ['personal', 'team', 'groupChat']) {
      expect(titlesFor(scope)).toEqual(expect.arrayContaining(['help', 'kudos']));
    }
    expect(titlesFor('personal')).toEqual(expect.arrayContaining(['notes', 'digest', 'my settings']));
    expect(titlesFor('team')).toEqual(expect.arrayContaining(['settings', 'stats']));
    for (const c of lists.flatMap((l) => l.commands)) expect(c.description).toBeTruthy();
  });

  it('has the sendKudos action command with a fetched task module', () => {
    const m = filled();
    expect(m.composeExtensions).toHaveLength(1);
    const ext = m.composeExtensions[0]!;
    expect(ext.composeExtensionType ?? 'botBased').toBe('botBased');
    const cmd = ext.commands.find((c) => c.id === 'sendKudos');
    expect(cmd).toBeDefined();
    expect(cmd!.title).toBe('Send kudos');
    expect(cmd!.type).toBe('action');
    expect(cmd!.fetchTask).toBe(true);
    expect(cmd!.context).toEqual(expect.arrayContaining(['compose', 'message']));
  });

  it('asks for identity and messageTeamMembers, and only TeamMember.Read.Group of each team', () => {
    const m = filled();
    expect([...m.permissions].sort()).toEqual(['identity', 'messageTeamMembers']);
    // Resource-specific consent: reading the members (and owners) of the teams Moments is added
    // to, granted by each team as it adds Moments, for the bot's own app registration.
    expect(m.authorization?.permissions?.resourceSpecific).toEqual([
      { name: 'TeamMember.Read.Group', type: 'Application' },
    ]);
    expect(m.webApplicationInfo?.id).toBe(VARS.BOT_ID);
  });

  it('uses the accent colour the icons are drawn with', () => {
    expect(template.accentColor.toLowerCase()).toBe(ACCENT_COLOR.toLowerCase());
  });
});

// ------------------------------------------------------------------------------- validation

describe('validateManifest', () => {
  it('reports a placeholder left unfilled, naming it', async () => {
    const m = filled();
    m.validDomains = ['${{BOT_DOMAIN}}']; // the schema alone would accept this string
    const errors = await validateManifest(m);
    expect(errors).toEqual([expect.stringMatching(/validDomains\/0.*\$\{\{BOT_DOMAIN\}\}/)]);
  });

  it('reports an invalid id from the schema', async () => {
    const m = filled();
    m.id = 'not-a-guid';
    const errors = await validateManifest(m);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.startsWith('/id '))).toBe(true);
  });

  it('reports a field the schema does not know and a value out of range', async () => {
    const m = filled() as Manifest & Record<string, unknown>;
    m.colour = '#000000';
    m.bots[0]!.scopes = ['personal', 'everywhere'];
    const errors = await validateManifest(m);
    expect(errors.some((e) => /additional properties/.test(e) && e.includes('colour'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/bots/0/scopes/1'))).toBe(true);
  });

  it('refuses a $schema that is not bundled rather than fetching it', async () => {
    const m = filled();
    m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json';
    expect(await validateManifest(m)).toEqual([expect.stringMatching(/v9\.99 is not bundled/)]);
    m.$schema = 'https://schemas.example/teams.json';
    expect(await validateManifest(m)).toEqual([expect.stringMatching(/\$schema/)]);
  });
});

// ----------------------------------------------------------------------------- placeholders

describe('fillPlaceholders', () => {
  it('fills strings anywhere in the tree, including spaced placeholders', () => {
    const out = fillPlaceholders(
      { a: ['x ${{ ONE }} y', { b: '${{TWO}}${{ONE}}' }], n: 3 },
      { ONE: '1', TWO: '2' },
    );
    expect(out).toEqual({ a: ['x 1 y', { b: '21' }], n: 3 });
  });

  it('keeps values that need JSON escaping intact', () => {
    const out = fillPlaceholders({ s: '${{V}}' }, { V: 'say "hi" \\ bye' });
    expect(JSON.parse(JSON.stringify(out))).toEqual({ s: 'say "hi" \\ bye' });
  });

  it('names every missing variable and the env file', () => {
    const { BOT_DOMAIN: _omit, ...vars } = VARS;
    expect(() => fillPlaceholders(template, { ...vars, BOT_ID: '' }, { source: 'env/.env.dev' })).toThrow(
      MissingVariablesError,
    );
    try {
      fillPlaceholders(template, { ...vars, BOT_ID: '' }, { source: 'env/.env.dev' });
    } catch (e) {
      const err = e as MissingVariablesError;
      expect(err.variables).toEqual(['BOT_ID', 'BOT_DOMAIN']);
      expect(err.message).toContain('${{BOT_ID}}');
      expect(err.message).toContain('${{BOT_DOMAIN}}');
      expect(err.message).toContain('env/.env.dev');
    }
  });

  it('allows an empty APP_NAME_SUFFIX (production) but no other empty value', () => {
    const out = fillPlaceholders(structuredClone(template), { ...VARS, APP_NAME_SUFFIX: '' });
    expect(out.name.short).toBe('Moments');
    expect(() => fillPlaceholders(template, { ...VARS, TEAMS_APP_ID: '' })).toThrow(/TEAMS_APP_ID/);
  });
});

// ------------------------------------------------------------------------------------ icons

describe('icons', () => {
  const color = readFileSync(join(APP_PACKAGE_DIR, template.icons.color));
  const outline = readFileSync(join(APP_PACKAGE_DIR, template.icons.outline));

  it('color.png is 192×192', () => expectColorIcon(color));

  it('outline.png is 32×32, white on a transparent background', () => expectOutlineIcon(outline));

  it('are what scripts/makeIcons.ts draws (regenerate with `npx tsx scripts/makeIcons.ts`)', () => {
    expect(decode(color).data.equals(drawColorIcon().data)).toBe(true);
    expect(decode(outline).data.equals(drawOutlineIcon().data)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------- package

describe('buildAppPackage', () => {
  it('zips the filled, valid manifest and the icons at the root', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage('local', VARS));
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(names).toEqual([
      'color.png',
      'de.json',
      'es.json',
      'fr.json',
      'it.json',
      'ja.json',
      'manifest.json',
      'nl.json',
      'outline.png',
      'pt-BR.json',
    ]);

    const manifestJson = await zip.file('manifest.json')!.async('string');
    expect(manifestJson).not.toContain('${{');
    const manifest = JSON.parse(manifestJson) as Manifest;
    expect(manifest.id).toBe(VARS.TEAMS_APP_ID);
    expect(manifest.name.short).toBe('Moments-local');
    expect(await validateManifest(manifest)).toEqual([]);

    expectColorIcon(await zip.file('color.png')!.async('nodebuffer'));
    expectOutlineIcon(await zip.file('outline.png')!.async('nodebuffer'));
  });

  it('is deterministic', async () => {
    const [a, b] = await Promise.all([buildAppPackage('local', VARS), buildAppPackage('local', VARS)]);
    expect(a.equals(b)).toBe(true);
  });

  it('rejects a missing variable, naming it and the env file', async () => {
    const { TEAMS_APP_ID: _omit, ...vars } = VARS;
    await expect(buildAppPackage('dev', vars)).rejects.toThrow(MissingVariablesError);
    await expect(buildAppPackage('dev', vars)).rejects.toThrow(/\$\{\{TEAMS_APP_ID\}\}.*env\/\.env\.dev/);
  });

  it('rejects values that make the manifest invalid, listing the errors', async () => {
    const attempt = buildAppPackage('local', { ...VARS, BOT_ID: 'my-bot' });
    await expect(attempt).rejects.toThrow(ManifestValidationError);
    const err = (await attempt.catch((e: unknown) => e)) as ManifestValidationError;
    expect(err.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/bots\/0\/botId /),
        expect.stringMatching(/^\/composeExtensions\/0\/botId /),
      ]),
    );
  });
});

// ------------------------------------------------------------------------- env files and CLI

describe('env files', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'moments-apppackage-'));
    cpSync(APP_PACKAGE_DIR, join(root, 'appPackage'), {
      recursive: true,
      filter: (src) => !src.includes(`${join(APP_PACKAGE_DIR, 'build')}`),
    });
    mkdirSync(join(root, 'env'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('parses KEY=VALUE lines, comments, blanks and quotes', () => {
    expect(
      parseEnvFile(
        '# Teams Toolkit\nTEAMSFX_ENV=local\n\n  BOT_ID = abc \nQUOTED="a b"\nURL=https://x.example/#y\n',
      ),
    ).toEqual({ TEAMSFX_ENV: 'local', BOT_ID: 'abc', QUOTED: 'a b', URL: 'https://x.example/#y' });
  });

  it('a missing env file is an error naming the file', () => {
    expect(() => loadEnvVars('staging', { rootDir: root, processEnv: {} })).toThrow(EnvFileNotFoundError);
    expect(() => loadEnvVars('staging', { rootDir: root, processEnv: {} })).toThrow(/env\/\.env\.staging/);
  });

  it('rejects environment names that are not plain names', () => {
    expect(() => loadEnvVars('../etc', { rootDir: root, processEnv: {} })).toThrow(
      /Invalid environment name/,
    );
  });

  it('process.env overrides the env file', () => {
    writeFileSync(join(root, 'env', '.env.local'), 'BOT_DOMAIN=from-file.example\nBOT_ID=file\n');
    const vars = loadEnvVars('local', { rootDir: root, processEnv: { BOT_DOMAIN: 'from-process.example' } });
    expect(vars).toMatchObject({ BOT_DOMAIN: 'from-process.example', BOT_ID: 'file' });
  });

  it('writes appPackage/build/appPackage.<env>.zip', async () => {
    const lines = Object.entries(VARS).map(([k, v]) => `${k}=${v}`);
    writeFileSync(join(root, 'env', '.env.local'), `# generated\n${lines.join('\n')}\n`);
    const out = await writeAppPackage('local', { rootDir: root, processEnv: {} });
    expect(out).toBe(join(root, 'appPackage', 'build', 'appPackage.local.zip'));
    const zip = await JSZip.loadAsync(readFileSync(out));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(manifest.validDomains).toEqual([VARS.BOT_DOMAIN]);
  });

  it('a variable missing from the env file is an error naming it and the file', async () => {
    writeFileSync(
      join(root, 'env', '.env.dev'),
      `TEAMS_APP_ID=${VARS.TEAMS_APP_ID}\nBOT_ID=${VARS.BOT_ID}\n`,
    );
    const attempt = writeAppPackage('dev', { rootDir: root, processEnv: { APP_NAME_SUFFIX: '-dev' } });
    await expect(attempt).rejects.toThrow(/\$\{\{BOT_DOMAIN\}\}.*env\/\.env\.dev/);
    expect(existsSync(join(root, 'appPackage', 'build', 'appPackage.dev.zip'))).toBe(false);
  });
});

describe('scripts/packageApp.ts', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), 'scripts/packageApp.ts', ...args], {
      cwd: REPO_ROOT,
    });

  it('exits non-zero naming the env file when it does not exist', async () => {
    const err = (await run(['--env', 'no-such-env']).catch((e: unknown) => e)) as {
      code?: number;
      stderr?: string;
    };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('env/.env.no-such-env');
  });

  it('exits non-zero with usage when --env is missing', async () => {
    const err = (await run([]).catch((e: unknown) => e)) as { code?: number; stderr?: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/Usage: .*--env/);
  });
});
