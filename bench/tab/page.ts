/**
 * tab-page: the tab as a browser gets it, built by scripts/buildTab.ts and served by the local
 * server (the `tab` target, in the local preview, on the benchmark's tenant) to headless Chromium:
 * the JavaScript it transfers (as sent, and gzipped, since the local server does not compress) and
 * the time from navigation start to the first meaningful render (My recognition's heading and its
 * first kudos row visible), the median of cold loads each in a fresh browser context, against a
 * static file of the same server (/tab/config.json, to its load event) in the same run.
 *
 * The preview's "Preview as" list (GET /tab/api/preview/people, which the tab in Teams never asks
 * for) is answered in the browser with the one person the page is opened as, remembered as the
 * preview remembers a choice: the page then loads as it would for them in Teams, without sign-in.
 */
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Response } from 'playwright-core';
import type { LocalCosmosServer } from '../../functions/dev/local/cosmosServer';
import { buildTab, MAX_INITIAL_JS_GZIP_BYTES } from '../../scripts/buildTab';
import { findChromium, isLocalUrl } from '../../tests/support/browser';
import type { BenchContext } from '../lib/context';
import { emit, note } from '../lib/report';
import { percentile } from '../lib/stats';
import { startTarget } from '../lib/targetClient';

const LOADS = 5;
const KIB = 1024;
/** What the page says as its heading, and its list's, in English (tab/i18n/en.json). */
const HEADING = 'My recognition';
const LIST = 'Kudos';

interface Load {
  ms: number;
  /** The JavaScript received by the first meaningful render, gzipped (the tab only). */
  jsGzipAtRender?: number;
  requests: number;
  bytes: number;
  jsBytes: number;
  jsGzipBytes: number;
  jsFiles: number;
}

export async function benchPage(options: {
  context: BenchContext;
  cosmos: LocalCosmosServer;
  database: string;
  tenantId: string;
  personId: string;
}): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    note('tab-page: left out, no Chromium (set CHROMIUM_PATH)');
    return;
  }
  const siteFolder = path.join(options.context.workDir, 'tab-site');
  const built = await buildTab({ outDir: siteFolder });
  note(
    `tab-page: built ${built.files.length} files, initial JavaScript ${(built.initialJsGzipBytes / KIB).toFixed(1)} KiB gzipped`,
  );
  const { cosmos } = options;
  // No TAB_CLIENT_ID: the local preview, which names its person in a header instead of a token.
  const target = await startTarget('tab', options.context.workDir, {
    cosmosEndpoint: cosmos.endpoint,
    ...(cosmos.pid === undefined ? {} : { cosmosPid: cosmos.pid }),
    database: options.database,
    env: {},
    siteFolder,
  });
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const origin = new URL(target.url).origin;
    const as = `${options.tenantId}/${options.personId}`;
    const tab = (b: Browser) => loadTab(b, `${origin}/tab/`, as, options);
    const file = (b: Browser) => loadStatic(b, `${origin}/tab/config.json`);
    // One load of each first, not counted: the server's modules and caches are warm as in use.
    await tab(browser);
    await file(browser);
    const tabs: Load[] = [];
    const files: Load[] = [];
    for (let i = 0; i < LOADS; i++) {
      tabs.push(await tab(browser));
      files.push(await file(browser));
    }
    const median = (loads: Load[], of: (l: Load) => number) => percentile(loads.map(of), 50);
    const t = tabs[tabs.length - 1]!;
    const f = files[files.length - 1]!;
    note(
      `  /tab/ (${LOADS} cold loads): first meaningful render ${tabs.map((l) => l.ms.toFixed(0)).join(', ')} ms; ` +
        `${t.requests} requests, ${t.jsFiles} JavaScript files, ${(t.jsBytes / KIB).toFixed(1)} KiB ` +
        `(${(t.jsGzipBytes / KIB).toFixed(1)} KiB gzipped, ${((t.jsGzipAtRender ?? 0) / KIB).toFixed(1)} KiB of it ` +
        `by the first render), ${(t.bytes / KIB).toFixed(1)} KiB in all; ` +
        `/tab/config.json loaded in ${files.map((l) => l.ms.toFixed(0)).join(', ')} ms`,
    );
    const line = (metric: string, value: number, unit: string, baseline: number) =>
      emit('tab-page', metric, value, unit, baseline);
    line(
      'first-render-ms',
      median(tabs, (l) => l.ms),
      'ms',
      median(files, (l) => l.ms),
    );
    line('js-transferred-kib', t.jsBytes / KIB, 'KiB', f.jsBytes / KIB);
    // Against the budget for the initial JavaScript, gzipped, not a measured baseline:
    // what had arrived by the first meaningful render, and all once the network was idle.
    line(
      'js-gzip-at-first-render-kib',
      (t.jsGzipAtRender ?? Number.NaN) / KIB,
      'KiB',
      MAX_INITIAL_JS_GZIP_BYTES / KIB,
    );
    line('js-gzip-kib', t.jsGzipBytes / KIB, 'KiB', MAX_INITIAL_JS_GZIP_BYTES / KIB);
  } finally {
    await browser.close();
    await target.stop();
  }
}

/**
 * One cold load of the tab as `as` (tenant/person) in a fresh context: ms from navigation start
 * to the heading and first kudos row being visible, then what was transferred once the network
 * is idle (lazy chunks included).
 */
async function loadTab(
  browser: Browser,
  url: string,
  as: string,
  options: { tenantId: string; personId: string },
): Promise<Load> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  try {
    await context.route('**/*', (route) =>
      isLocalUrl(route.request().url()) ? route.continue() : route.abort(),
    );
    await context.route('**/tab/api/preview/people', (route) =>
      route.fulfill({
        json: [
          { tenantId: options.tenantId, id: options.personId, name: 'Bench', manager: true, admin: false },
        ],
      }),
    );
    await context.addInitScript({
      content: `sessionStorage.setItem('moments.previewAs', ${JSON.stringify(as)});`,
    });
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(url, { waitUntil: 'commit' });
    // Runs in the page each animation frame (a function: the page's policy forbids eval), typed
    // loosely as this project's TypeScript has no DOM types, and with no named inner function
    // (the loader would wrap it in a helper the page does not have).
    const ms = await page.waitForFunction(
      ({ heading, list }) => {
        /* eslint-disable @typescript-eslint/no-explicit-any */
        const doc = (globalThis as any).document;
        const h1 = [...doc.querySelectorAll('h1')].find((h: any) => h.textContent === heading);
        const section: any = [...doc.querySelectorAll('section')].find(
          (s: any) => s.querySelector('h2')?.textContent === list,
        );
        const row: any = section?.querySelector('li');
        // Shown: laid out (offsetParent is null for what is hidden or not in the document).
        const shown = Boolean(h1?.offsetParent) && Boolean(row?.offsetParent);
        return shown ? (globalThis as any).performance.now() : 0;
        /* eslint-enable @typescript-eslint/no-explicit-any */
      },
      { heading: HEADING, list: LIST },
      { polling: 'raf', timeout: 60_000 },
    );
    const first = (await ms.jsonValue()) as number;
    const atRender = await sizes([...responses]);
    await page.waitForLoadState('networkidle');
    return { ms: first, ...(await sizes(responses)), jsGzipAtRender: atRender.jsGzipBytes };
  } finally {
    await context.close();
  }
}

/** One cold load of a static file of the same server: ms from navigation start to its load event. */
async function loadStatic(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(url, { waitUntil: 'load' });
    const ms = await page.evaluate(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      () => (globalThis as any).performance.getEntriesByType('navigation')[0].loadEventEnd as number,
    );
    return { ms, ...(await sizes(responses)) };
  } finally {
    await context.close();
  }
}

/** Bytes the responses' bodies took on the wire, in all and of JavaScript, and that gzipped. */
async function sizes(responses: readonly Response[]): Promise<Omit<Load, 'ms' | 'jsGzipAtRender'>> {
  const result = { requests: responses.length, bytes: 0, jsBytes: 0, jsGzipBytes: 0, jsFiles: 0 };
  for (const response of responses) {
    const { responseBodySize } = await response.request().sizes();
    result.bytes += responseBodySize;
    if (!/javascript/.test(response.headers()['content-type'] ?? '')) continue;
    result.jsFiles += 1;
    result.jsBytes += responseBodySize;
    const body = await response.body();
    // Already compressed on the wire: as sent; otherwise what gzip would have sent.
    result.jsGzipBytes += response.headers()['content-encoding'] ? responseBodySize : gzipSync(body).length;
  }
  return result;
}
