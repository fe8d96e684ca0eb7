// TeamsJS loads only inside a frame: opened directly, the page has no host to talk to.
const teams = () => import('@microsoft/teams-js').then((module) => module.app);

/** The themes the tab follows: Teams' three. */
export type ThemeName = 'light' | 'dark' | 'contrast';

/** Where the tab runs: inside Teams (with its theme and locale) or a plain browser (local mode). */
export type Host = { kind: 'teams'; theme: ThemeName; locale?: string; host: string } | { kind: 'browser' };

/** How long Teams gets to answer before the page decides it runs outside Teams. */
const INITIALIZE_TIMEOUT_MS = 3000;

/** Teams' theme name (`default`, `dark`, `contrast`) as the tab's. */
export function themeOf(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('Teams did not answer')), ms));
}

/**
 * Initialises TeamsJS; inside Teams, reads the theme and locale from the context. Outside Teams
 * (a plain browser, where initialize fails or never answers) the page runs in its local mode.
 * `topLevelOnly` (the local preview) skips TeamsJS when the page is not in a frame: Teams' web and
 * desktop clients frame their tabs, and the preview never runs in the mobile clients' web views.
 */
export async function detectHost(topLevelOnly = false): Promise<Host> {
  if (topLevelOnly && window.parent === window && !window.opener) return { kind: 'browser' };
  try {
    const app = await teams();
    await Promise.race([app.initialize(), timeout(INITIALIZE_TIMEOUT_MS)]);
    const context = await Promise.race([app.getContext(), timeout(INITIALIZE_TIMEOUT_MS)]);
    app.notifySuccess();
    return {
      kind: 'teams',
      theme: themeOf(context.app.theme),
      ...(context.app.locale ? { locale: context.app.locale } : {}),
      host: context.app.host.name,
    };
  } catch {
    return { kind: 'browser' };
  }
}

/** Follows Teams' theme changes. */
export function onTeamsThemeChange(handler: (theme: ThemeName) => void): void {
  void teams().then((app) => app.registerOnThemeChangeHandler((theme) => handler(themeOf(theme))));
}

/** Opens a link: through Teams when inside it (deep links open the bot's chat), else a new window. */
export async function openLink(host: Host, url: string): Promise<void> {
  if (host.kind === 'teams') {
    await (await teams()).openLink(url);
    return;
  }
  window.open(url, '_blank', 'noopener,noreferrer');
}
