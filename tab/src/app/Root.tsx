import { useEffect, useMemo, useState } from 'react';
import {
  FluentProvider,
  makeStaticStyles,
  RendererProvider,
  Spinner,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type GriffelRenderer,
} from '@fluentui/react-components';
import { createApi } from './api';
import { entraCredentials, loadConfig, previewCredentials, rememberedPreview, type TabConfig } from './auth';
import { detectHost, onTeamsThemeChange, type Host, type ThemeName } from './host';
import { loadTexts, TextsProvider, type Texts } from './i18n';
import { languageFrom, type TabLanguage } from './language';
import { Shell } from './Shell';
import { ThemeNameProvider } from './themeName';

// The page's own frame: no browser margin around the app's background. Through Griffel, so the
// style element carries the CSP nonce like every other.
const useFrameStyles = makeStaticStyles({ 'html, body': { margin: 0, padding: 0 } });

const THEMES = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

/** What the page learnt before it could render: where it runs and how it signs in. */
interface Boot {
  host: Host;
  config: TabConfig;
}

/** `?theme=` and `?locale=`, which only the local preview honours. */
function previewQuery(): { theme?: ThemeName; locale?: string } {
  const query = new URLSearchParams(window.location.search);
  const theme = query.get('theme');
  const locale = query.get('locale') ?? undefined;
  return {
    ...(theme === 'dark' || theme === 'contrast' || theme === 'light' ? { theme } : {}),
    ...(locale ? { locale } : {}),
  };
}

/** The providers (styles with the CSP nonce, theme, texts) around the shell, once the host is known. */
export function Root({ renderer }: { renderer: GriffelRenderer }) {
  return (
    <RendererProvider renderer={renderer} targetDocument={document}>
      <Providers />
    </RendererProvider>
  );
}

function Providers() {
  useFrameStyles();
  const [boot, setBoot] = useState<Boot | { failed: unknown }>();
  const [theme, setTheme] = useState<ThemeName>('light');
  const [language, setLanguage] = useState<TabLanguage>();
  const [texts, setTexts] = useState<Texts>();
  const [previewAs, setPreviewAs] = useState<string | undefined>(rememberedPreview);

  useEffect(() => {
    loadConfig()
      .then(async (config) => ({ config, host: await detectHost(config.mode === 'preview') }))
      .then(
        ({ host, config }) => {
          const query = config.mode === 'preview' && host.kind === 'browser' ? previewQuery() : {};
          if (host.kind === 'teams') {
            setTheme(host.theme);
            onTeamsThemeChange(setTheme);
          } else if (query.theme) setTheme(query.theme);
          setLanguage(
            languageFrom([
              query.locale,
              host.kind === 'teams' ? host.locale : undefined,
              ...navigator.languages,
            ]),
          );
          setBoot({ host, config });
        },
        (failed: unknown) => {
          setLanguage(languageFrom([...navigator.languages]));
          setBoot({ failed });
        },
      );
  }, []);

  useEffect(() => {
    if (language) void loadTexts(language).then(setTexts);
  }, [language]);

  const api = useMemo(() => {
    if (!boot || 'failed' in boot) return undefined;
    return createApi(
      boot.config.mode === 'entra'
        ? entraCredentials(boot.config.clientId, boot.config.authority)
        : previewCredentials(() => previewAs),
    );
  }, [boot, previewAs]);

  useEffect(() => {
    document.documentElement.lang = texts?.language ?? 'en';
  }, [texts]);

  const ready = boot && texts;
  return (
    <FluentProvider theme={THEMES[theme]} lang={texts?.language ?? 'en'}>
      {ready ? (
        <TextsProvider value={texts}>
          <ThemeNameProvider value={theme}>
            <Shell
              boot={boot}
              api={api}
              theme={theme}
              onTheme={setTheme}
              previewAs={previewAs}
              onPreviewAs={setPreviewAs}
              onLanguage={(wanted) => wanted !== language && setLanguage(wanted)}
              queryLocale={
                'failed' in boot || boot.config.mode !== 'preview' ? undefined : previewQuery().locale
              }
            />
          </ThemeNameProvider>
        </TextsProvider>
      ) : (
        <Spinner size="large" />
      )}
    </FluentProvider>
  );
}
