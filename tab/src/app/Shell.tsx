import { Suspense, lazy, useEffect, useState } from 'react';
import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from './api';
import type { TabConfig } from './auth';
import type { Host, ThemeName } from './host';
import { useTexts, type MessageKey } from './i18n';
import { languageFrom, type TabLanguage } from './language';
import type { MeView, TabPage } from './shapes';
import { useLoad } from './useLoad';
import { PreviewBar } from './PreviewBar';
import { ErrorBar, Loading } from '../components/States';
import { RecognitionPage } from '../pages/RecognitionPage';
import type { PageProps } from '../pages/pageProps';

// The pages most people never open load on demand.
const TeamPage = lazy(() => import('../pages/TeamPage'));
const OrganisationPage = lazy(() => import('../pages/OrganisationPage'));
const SettingsPage = lazy(() => import('../pages/SettingsPage'));

const PAGE_LABELS: Record<TabPage, MessageKey> = {
  recognition: 'nav.recognition',
  team: 'nav.team',
  organisation: 'nav.organisation',
  settings: 'nav.settings',
};

const useStyles = makeStyles({
  app: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  mark: {
    display: 'grid',
    placeItems: 'center',
    width: '32px',
    height: '32px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightBold,
  },
  names: { display: 'flex', flexDirection: 'column' },
  nav: {
    padding: `0 ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: { padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`, maxWidth: '1280px' },
});

function pageFromHash(pages: TabPage[]): TabPage {
  const wanted = window.location.hash.replace(/^#\/?/, '');
  return pages.find((page) => page === wanted) ?? pages[0] ?? 'recognition';
}

export interface ShellProps {
  boot: { host: Host; config: TabConfig } | { failed: unknown };
  api: Api | undefined;
  theme: ThemeName;
  onTheme(theme: ThemeName): void;
  previewAs: string | undefined;
  onPreviewAs(key: string): void;
  onLanguage(language: TabLanguage): void;
  queryLocale: string | undefined;
}

/** The page's frame: a header with who is looking, the navigation of the pages they may open, the page. */
export function Shell(props: ShellProps) {
  const { t } = useTexts();
  const styles = useStyles();
  const { boot, api } = props;
  const preview = !('failed' in boot) && boot.config.mode === 'preview';
  const waiting = preview && !props.previewAs;
  const me = useLoad<MeView>(
    () => (api && !waiting ? api.get<MeView>('me') : new Promise<MeView>(() => undefined)),
    `${props.previewAs ?? ''}|${api ? 1 : 0}`,
  );
  const pages = me.state === 'ready' ? me.data.pages : [];
  const [page, setPage] = useState<TabPage>('recognition');

  useEffect(() => {
    if (me.state !== 'ready') return;
    const host = 'failed' in boot ? undefined : boot.host;
    props.onLanguage(
      languageFrom([props.queryLocale, me.data.language, host?.kind === 'teams' ? host.locale : undefined]),
    );
    setPage(pageFromHash(me.data.pages));
    // Only when a new viewer arrives.
  }, [me.state === 'ready' ? me.data : undefined]);

  useEffect(() => {
    const follow = () => setPage(pageFromHash(pages));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [pages]);

  const choose = (next: TabPage) => {
    setPage(next);
    window.history.replaceState(null, '', `#${next}`);
  };

  const pageProps: PageProps | undefined =
    me.state === 'ready' && api && !('failed' in boot) ? { api, me: me.data, host: boot.host } : undefined;

  return (
    <div className={styles.app}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <span className={styles.mark} aria-hidden>
            M
          </span>
          <div className={styles.names}>
            <Text weight="semibold" size={400}>
              {t('app.name')}
            </Text>
            {me.state === 'ready' && me.data.name ? (
              <Text size={200}>{t('app.greeting', { name: me.data.name })}</Text>
            ) : null}
          </div>
        </div>
        {preview && api ? (
          <PreviewBar
            theme={props.theme}
            onTheme={props.onTheme}
            previewAs={props.previewAs}
            onPreviewAs={props.onPreviewAs}
          />
        ) : null}
      </header>
      {pages.length > 0 ? (
        <nav className={styles.nav} aria-label={t('nav.label')}>
          <TabList selectedValue={page} onTabSelect={(_, data) => choose(data.value as TabPage)}>
            {pages.map((name) => (
              <Tab key={name} value={name}>
                {t(PAGE_LABELS[name])}
              </Tab>
            ))}
          </TabList>
        </nav>
      ) : null}
      <main className={styles.main}>
        {'failed' in boot ? (
          <ErrorBar error={boot.failed} />
        ) : me.state === 'error' ? (
          <ErrorBar error={me.error} onRetry={me.reload} />
        ) : !pageProps ? (
          <Loading label={t('state.loading')} rows={6} />
        ) : (
          <Suspense fallback={<Loading label={t('state.loading')} rows={6} />}>
            {page === 'recognition' ? <RecognitionPage {...pageProps} /> : null}
            {page === 'team' ? <TeamPage {...pageProps} /> : null}
            {page === 'organisation' ? <OrganisationPage {...pageProps} /> : null}
            {page === 'settings' ? <SettingsPage {...pageProps} /> : null}
          </Suspense>
        )}
      </main>
    </div>
  );
}
