/**
 * The app manifest in every language Moments speaks, from the message catalogues
 * (bot/i18n/catalogues): each language besides English into appPackage/<tag>.json, which the
 * manifest's `localizationInfo` lists; the manifest's own texts are the English catalogue's. The command titles are the
 * command words of each language, so what Teams suggests is what the bot understands.
 *
 *   npx tsx scripts/manifestLanguages.ts          writes the files
 *   npx tsx scripts/manifestLanguages.ts --check  fails when they are not what the catalogues make
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { LANGUAGES, SOURCE_LANGUAGE, type Language } from '../core/shared';
import { translatorFor } from '../bot/i18n/translator';
import { SOURCE, type MessageKey } from '../bot/i18n/catalogues';
import { COMMAND_IDS, type CommandId } from '../bot/i18n/commands';

const APP_PACKAGE = join(__dirname, '..', 'appPackage');
const LOCALIZATION_SCHEMA =
  'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json';

interface Manifest {
  name: { short: string; full: string };
  description: { short: string; full: string; features?: Array<{ title: string; description: string }> };
  bots: Array<{
    commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
  }>;
  composeExtensions: Array<{ commands: Array<{ id: string; title: string; description: string }> }>;
  /** Named tabs are the app's own pages; the reserved `conversations` and `about` have no name. */
  staticTabs?: Array<{ entityId: string; name?: string }>;
  localizationInfo?: {
    defaultLanguageTag: string;
    additionalLanguages: Array<{ languageTag: string; file: string }>;
  };
}

/** The command a manifest command title stands for: the English word it is. */
function commandIdOf(title: string): CommandId {
  const id = COMMAND_IDS.find((command) => SOURCE[`command.${command}` as MessageKey] === title);
  if (!id) throw new Error(`The manifest's command "${title}" is no command word of the English catalogue`);
  return id;
}

/** Every localizable text of `manifest` in `language`, by localization-file key. */
export function manifestTexts(manifest: Manifest, language: Language): Record<string, string> {
  const t = translatorFor(language);
  const say = (key: string) => t.text(key as MessageKey);
  const texts: Record<string, string> = {
    'name.short': say('manifest.name.short'),
    'name.full': say('manifest.name.full'),
    'description.short': say('manifest.description.short'),
    'description.full': say('manifest.description.full'),
  };
  (manifest.description.features ?? []).forEach((_, i) => {
    texts[`description.features[${i}].title`] = say(`manifest.features.${i}.title`);
    texts[`description.features[${i}].description`] = say(`manifest.features.${i}.description`);
  });
  manifest.bots[0]?.commandLists.forEach((list, l) =>
    list.commands.forEach((command, c) => {
      const id = commandIdOf(command.title);
      texts[`bots[0].commandLists[${l}].commands[${c}].title`] = say(`command.${id}`).split('|')[0]!.trim();
      texts[`bots[0].commandLists[${l}].commands[${c}].description`] = say(
        `manifest.commands.${list.scopes[0]}.${id}`,
      );
    }),
  );
  manifest.composeExtensions[0]?.commands.forEach((command, c) => {
    texts[`composeExtensions[0].commands[${c}].title`] = say(`manifest.extension.${command.id}.title`);
    texts[`composeExtensions[0].commands[${c}].description`] = say(
      `manifest.extension.${command.id}.description`,
    );
  });
  manifest.staticTabs?.forEach((tab, i) => {
    if (tab.name !== undefined) texts[`staticTabs[${i}].name`] = say(`manifest.tabs.${tab.entityId}`);
  });
  return texts;
}

/** The texts of the manifest itself, by localization-file key (`name.short` without its suffix). */
function ownTexts(manifest: Manifest): Record<string, string> {
  const texts: Record<string, string> = {
    'name.short': manifest.name.short.replace('${{APP_NAME_SUFFIX}}', ''),
    'name.full': manifest.name.full,
    'description.short': manifest.description.short,
    'description.full': manifest.description.full,
  };
  manifest.description.features?.forEach((feature, i) => {
    texts[`description.features[${i}].title`] = feature.title;
    texts[`description.features[${i}].description`] = feature.description;
  });
  manifest.bots[0]?.commandLists.forEach((list, l) =>
    list.commands.forEach((command, c) => {
      texts[`bots[0].commandLists[${l}].commands[${c}].title`] = command.title;
      texts[`bots[0].commandLists[${l}].commands[${c}].description`] = command.description;
    }),
  );
  manifest.composeExtensions[0]?.commands.forEach((command, c) => {
    texts[`composeExtensions[0].commands[${c}].title`] = command.title;
    texts[`composeExtensions[0].commands[${c}].description`] = command.description;
  });
  manifest.staticTabs?.forEach((tab, i) => {
    if (tab.name !== undefined) texts[`staticTabs[${i}].name`] = tab.name;
  });
  return texts;
}

/**
 * Where the manifest's own (English) texts differ from the English catalogue, and whether its
 * `localizationInfo` lists a file for every other language.
 */
export function manifestProblems(manifest: Manifest): string[] {
  const catalogue = manifestTexts(manifest, SOURCE_LANGUAGE);
  const own = ownTexts(manifest);
  const problems = Object.keys(catalogue)
    .filter((key) => own[key] !== catalogue[key])
    .map((key) => `manifest.json ${key} is "${own[key]}", the English catalogue says "${catalogue[key]}"`);
  const listed =
    manifest.localizationInfo?.additionalLanguages.map((l) => `${l.languageTag}:${l.file}`) ?? [];
  for (const language of LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE)) {
    if (!listed.includes(`${language}:${language}.json`))
      problems.push(`manifest.json localizationInfo does not list ${language}.json for ${language}`);
  }
  if (manifest.localizationInfo?.defaultLanguageTag !== SOURCE_LANGUAGE)
    problems.push(`manifest.json localizationInfo.defaultLanguageTag is not ${SOURCE_LANGUAGE}`);
  return problems;
}

/** A flat object of strings as the repository's formatter writes it. */
function formatted(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** appPackage/manifest.json as it is. */
export function readManifest(dir = APP_PACKAGE): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** The manifest's language files as the catalogues make them, by path. */
export function manifestFiles(dir = APP_PACKAGE): Map<string, string> {
  const manifest = readManifest(dir);
  const files = new Map<string, string>();
  for (const language of LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE)) {
    const path = join(dir, `${language}.json`);
    files.set(path, formatted({ $schema: LOCALIZATION_SCHEMA, ...manifestTexts(manifest, language) }));
  }
  return files;
}

/** Problems with one language file: missing, or not what Teams' localization schema allows. */
export function localizationProblems(dir: string, file: string): string[] {
  const path = join(dir, file);
  if (!existsSync(path))
    return [`${file}: the manifest's localizationInfo names it, but appPackage/ has no such file`];
  const schemaPath = join(
    require.resolve('@microsoft/app-manifest'),
    '..',
    'json-schemas',
    'teams',
    'v1.30',
    'MicrosoftTeams.Localization.schema.json',
  );
  // A draft-04 schema whose keywords ajv reads the same way once its `$schema` is set aside; its
  // patterns are written for JavaScript's non-Unicode regular expressions.
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<
    string,
    unknown
  >;
  const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(schema);
  if (validate(JSON.parse(readFileSync(path, 'utf8')))) return [];
  return (validate.errors ?? []).map(
    (e) => `${file}${e.instancePath}: ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`,
  );
}

function main(): number {
  const check = process.argv.includes('--check');
  const problems = manifestProblems(readManifest());
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    return 1;
  }
  const stale: string[] = [];
  for (const [path, text] of manifestFiles()) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (current === text) continue;
    if (check) stale.push(path);
    else writeFileSync(path, text);
  }
  if (stale.length > 0) {
    console.error(
      `Not what the catalogues make (run npx tsx scripts/manifestLanguages.ts): ${stale.join(', ')}`,
    );
    return 1;
  }
  return 0;
}

if (require.main === module) {
  process.exitCode = main();
}

/** The language files the filled manifest's `localizationInfo` lists, read and checked, for the package. */
export function localizationFiles(
  dir: string,
  manifest: unknown,
): { files: Array<[string, Buffer]>; errors: string[] } {
  const info = (manifest as { localizationInfo?: { additionalLanguages?: Array<{ file?: unknown }> } })
    .localizationInfo;
  const files: Array<[string, Buffer]> = [];
  const errors: string[] = [];
  for (const { file } of info?.additionalLanguages ?? []) {
    if (typeof file !== 'string') continue; // the manifest schema has already reported it
    const problems = localizationProblems(dir, file);
    errors.push(...problems);
    if (problems.length === 0) files.push([file, readFileSync(join(dir, file))]);
  }
  return { files, errors };
}
