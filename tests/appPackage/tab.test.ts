/**
 * The Moments tab in the app manifest: a personal tab served by the Function App (the bot's host)
 * under /tab/, the bot's chat kept as a tab beside it, the host in validDomains, the tab's name in
 * every language, and the host the same one the tab's Entra app (aad.manifest.json) is set up for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { LANGUAGES } from '../../core/shared';
import { translatorFor } from '../../bot/i18n/translator';
import {
  APP_PACKAGE_DIR,
  REPO_ROOT,
  buildAppPackage,
  fillPlaceholders,
  validateManifest,
} from '../../scripts/appPackage';

const VARS = {
  TEAMS_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  BOT_ID: '9b2e8c1d-7a4f-4e3b-8c5d-2f1a6b7c8d9e',
  APP_NAME_SUFFIX: 'dev',
  BOT_DOMAIN: 'func-momentsabc123.azurewebsites.net',
  DEVELOPER_WEBSITE_URL: 'https://moments.example',
  DEVELOPER_PRIVACY_URL: 'https://moments.example/privacy',
  DEVELOPER_TERMS_URL: 'https://moments.example/terms',
};
const TAB_CLIENT_ID = '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';

interface StaticTab {
  entityId: string;
  name?: string;
  contentUrl?: string;
  websiteUrl?: string;
  scopes: string[];
}
interface Manifest {
  staticTabs?: StaticTab[];
  validDomains: string[];
  webApplicationInfo?: { id: string; resource?: string };
  bots: Array<{ botId: string }>;
  authorization?: { permissions?: { resourceSpecific?: Array<{ name: string }> } };
}
interface EntraApp {
  identifierUris: string[];
  spa: { redirectUris: string[] };
}

const template = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as Manifest;
const filled = (): Manifest => fillPlaceholders(structuredClone(template), VARS);
const entraApp = (): EntraApp =>
  fillPlaceholders(JSON.parse(readFileSync(join(REPO_ROOT, 'aad.manifest.json'), 'utf8')) as EntraApp, {
    AAD_APP_OBJECT_ID: '0c5d1e2f-3a4b-4c6d-8e9f-a0b1c2d3e4f5',
    AAD_APP_CLIENT_ID: TAB_CLIENT_ID,
    AAD_APP_ACCESS_AS_USER_PERMISSION_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    APP_NAME_SUFFIX: VARS.APP_NAME_SUFFIX,
    BOT_DOMAIN: VARS.BOT_DOMAIN,
  });

describe('the Moments tab in appPackage/manifest.json', () => {
  it('is the first personal tab, served by the bot’s host under /tab/', () => {
    const tab = filled().staticTabs?.[0];
    expect(tab).toEqual({
      entityId: 'moments',
      name: 'Moments',
      contentUrl: `https://${VARS.BOT_DOMAIN}/tab/`,
      websiteUrl: `https://${VARS.BOT_DOMAIN}/tab/`,
      scopes: ['personal'],
    });
    expect(template.staticTabs?.[0]?.contentUrl).toBe('https://${{BOT_DOMAIN}}/tab/');
  });

  it('keeps the bot’s chat as a tab of the personal app', () => {
    expect(filled().staticTabs?.slice(1)).toEqual([{ entityId: 'conversations', scopes: ['personal'] }]);
  });

  it('lists the tab’s host, and only it, in validDomains', () => {
    const m = filled();
    const hosts = (m.staticTabs ?? []).flatMap((t) =>
      [t.contentUrl, t.websiteUrl].filter((u): u is string => u !== undefined).map((u) => new URL(u).host),
    );
    expect(new Set(hosts)).toEqual(new Set([VARS.BOT_DOMAIN]));
    expect(m.validDomains).toEqual([VARS.BOT_DOMAIN]);
  });

  it('is valid against the manifest schema once filled', async () => {
    expect(await validateManifest(filled())).toEqual([]);
  });

  it('points at the host the tab’s Entra app names in its identifier URI and NAA redirect', () => {
    const tabHost = new URL(filled().staticTabs![0]!.contentUrl!).host;
    const app = entraApp();
    expect(app.identifierUris).toEqual([`api://${tabHost}/${TAB_CLIENT_ID}`]);
    expect(app.spa.redirectUris).toEqual([`brk-multihub://${tabHost}`]);
  });

  it('leaves webApplicationInfo to the bot’s identity, which the team-member consent is granted to', () => {
    // Resource-specific consent (TeamMember.Read.Group) goes to the Entra app named here, and the
    // Function App reads a team's members as the bot's identity. Nested App Authentication needs
    // no manifest entry: the tab finds its client id at /tab/config.json (TAB_CLIENT_ID).
    const m = filled();
    expect(m.authorization?.permissions?.resourceSpecific?.map((p) => p.name)).toEqual([
      'TeamMember.Read.Group',
    ]);
    expect(m.webApplicationInfo?.id).toBe(VARS.BOT_ID);
    expect(m.webApplicationInfo?.id).toBe(m.bots[0]!.botId);
  });
});

describe('the tab’s name in every language', () => {
  const others = LANGUAGES.filter((language) => language !== 'en');

  it.each(others)('%s.json names it as the %s catalogue does', (language) => {
    const texts = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, `${language}.json`), 'utf8')) as Record<
      string,
      string
    >;
    expect(texts['staticTabs[0].name']).toBe(translatorFor(language).text('manifest.tabs.moments'));
    expect(texts['staticTabs[0].name']).toBe('Moments'); // the product's name, never translated
  });

  it('the package carries the tab with every language file', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage('dev', VARS));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(manifest.staticTabs?.[0]?.contentUrl).toBe(`https://${VARS.BOT_DOMAIN}/tab/`);
    for (const language of others) {
      const texts = JSON.parse(await zip.file(`${language}.json`)!.async('string')) as Record<string, string>;
      expect(texts['staticTabs[0].name']).toBeDefined();
    }
  });
});
