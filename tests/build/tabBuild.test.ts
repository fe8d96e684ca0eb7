import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { buildTab, MAX_INITIAL_JS_GZIP_BYTES, TAB_BASE, type BuiltTab } from '../../scripts/buildTab';

const root = path.resolve(__dirname, '..', '..');
const i18nDir = path.join(root, 'tab', 'i18n');
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'ja'];

const catalogue = (language: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(i18nDir, `${language}.json`), 'utf8')) as Record<string, string>;

/** The names a message fills in (`{name}`, plurals, selects), however deep. */
function argumentsOf(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, names);
    }
  }
  return names;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('the tab build', () => {
  let outDir: string;
  let built: BuiltTab;
  let html: string;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'tab-build-'));
    built = await buildTab({ outDir, minify: true });
    html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes index.html and hashed scripts under assets/, the charts in a chunk of their own', () => {
    const assets = built.files.filter((file) => file !== 'index.html');
    expect(built.files).toContain('index.html');
    expect(assets.length).toBeGreaterThan(3);
    for (const file of assets) expect(file).toMatch(/^assets\/[\w.-]+-[A-Z0-9]{8}\.(js|css)$/);
    expect(assets.some((file) => /^assets\/ChartView-/.test(file))).toBe(true);
    for (const file of built.files) expect(statSync(path.join(outDir, file)).size).toBeGreaterThan(0);
  });

  it('names exactly the hashed entry in index.html, as a module script with no inline code', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const [, attributes, body] = scripts[0]!;
    expect(attributes).toContain('type="module"');
    expect(attributes).toContain(`src="${TAB_BASE}${built.entry}"`);
    expect(body!.trim()).toBe('');
    expect(built.files).toContain(built.entry);
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('carries the csp-nonce meta the server fills in per response', () => {
    expect(html).toMatch(/<meta name="csp-nonce" content="" \/>/);
  });

  it('keeps the JavaScript a first visit loads within 300 KB gzipped', () => {
    expect(built.initialJsGzipBytes).toBeGreaterThan(10 * 1024);
    expect(built.initialJsGzipBytes).toBeLessThanOrEqual(MAX_INITIAL_JS_GZIP_BYTES);
  });
});

describe("the tab's texts", () => {
  const en = catalogue('en');
  const keys = Object.keys(en);

  it.each(LANGUAGES)('%s has every key of en.json, none empty, each valid ICU', (language) => {
    const texts = catalogue(language);
    expect(Object.keys(texts).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const text = texts[key];
      expect(typeof text === 'string' && text.trim().length > 0 ? key : `${key} is empty`).toBe(key);
      expect(() => parse(text!)).not.toThrow();
      const wanted = [...argumentsOf(parse(en[key]!))].sort();
      expect({ key, names: [...argumentsOf(parse(text!))].sort() }).toEqual({ key, names: wanted });
    }
  });

  it('uses every key somewhere in tab/src', () => {
    const code = sources(path.join(root, 'tab', 'src'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = keys.filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
