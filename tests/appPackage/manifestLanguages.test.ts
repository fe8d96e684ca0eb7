import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { LANGUAGES } from '../../core/shared';
import { commandWords } from '../../bot/i18n/commands';
import { buildAppPackage, ManifestValidationError } from '../../scripts/appPackage';
import {
  localizationProblems,
  manifestFiles,
  manifestProblems,
  readManifest,
} from '../../scripts/manifestLanguages';

const APP_PACKAGE = join(__dirname, '..', '..', 'appPackage');
const VARS = {
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  BOT_ID: '66666666-7777-4888-8999-000000000000',
  BOT_DOMAIN: 'moments.example.net',
  APP_NAME_SUFFIX: '-local',
  DEVELOPER_WEBSITE_URL: 'https://moments.example.net',
  DEVELOPER_PRIVACY_URL: 'https://moments.example.net/privacy',
  DEVELOPER_TERMS_URL: 'https://moments.example.net/terms',
};
const others = LANGUAGES.filter((language) => language !== 'en');

describe('the manifest in every language', () => {
  it('has its English texts from the English catalogue and lists a file per other language', () => {
    expect(manifestProblems(readManifest())).toEqual([]);
  });

  it('has language files that are what the catalogues make (npx tsx scripts/manifestLanguages.ts)', () => {
    for (const [path, text] of manifestFiles())
      expect([path, readFileSync(path, 'utf8')]).toEqual([path, text]);
  });

  it.each(others)('%s.json validates against Teams’ localization schema', (language) => {
    expect(localizationProblems(APP_PACKAGE, `${language}.json`)).toEqual([]);
  });

  it.each(others)('%s.json gives each bot command a word the bot understands', (language) => {
    const texts = JSON.parse(readFileSync(join(APP_PACKAGE, `${language}.json`), 'utf8')) as Record<
      string,
      string
    >;
    const titles = Object.entries(texts).filter(([key]) => /^bots\[0\].*\.title$/.test(key));
    expect(titles.length).toBeGreaterThan(0);
    const understood = new Set(
      (['help', 'kudos', 'notes', 'digest', 'mySettings', 'settings', 'stats'] as const).flatMap(
        commandWords,
      ),
    );
    for (const [, title] of titles) expect(understood).toContain(title.toLowerCase());
  });

  it('are carried in the package, byte for byte', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage('local', VARS));
    for (const language of others) {
      expect(await zip.file(`${language}.json`)?.async('string')).toBe(
        readFileSync(join(APP_PACKAGE, `${language}.json`), 'utf8'),
      );
    }
  });

  it('refuses a package whose language file breaks the schema, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moments-languages-'));
    cpSync(APP_PACKAGE, dir, { recursive: true });
    const broken = JSON.parse(readFileSync(join(dir, 'de.json'), 'utf8')) as Record<string, string>;
    broken['composeExtensions[0].commands[0].title'] = 'x'.repeat(40);
    writeFileSync(join(dir, 'de.json'), JSON.stringify(broken));
    const attempt = buildAppPackage('local', VARS, { appPackageDir: dir });
    await expect(attempt).rejects.toThrow(ManifestValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as ManifestValidationError;
    expect(error.errors.join('\n')).toMatch(/de\.json.*composeExtensions\[0\]\.commands\[0\]\.title/);
  });
});
