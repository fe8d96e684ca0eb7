import { useState } from 'react';
import {
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Api } from '../app/api';
import { useTexts } from '../app/i18n';
import type { MyDataView } from '../app/shapes';
import { useLoad } from '../app/useLoad';
import { formatDay } from '../components/format';
import { Page, Section } from '../components/Section';
import { Busy, ErrorBar, Loading } from '../components/States';
import { MySettingsForm } from './MySettingsForm';
import type { PageProps } from './pageProps';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  forget: { display: 'flex', flexDirection: 'column', alignItems: 'start', gap: tokens.spacingVerticalM },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
  },
});

function MyData({ api }: { api: Api }) {
  const { t, intl } = useTexts();
  const styles = useStyles();
  const data = useLoad(() => api.get<MyDataView>('my/data'), 'data');
  if (data.state === 'loading') return <Loading label={t('state.loading')} rows={5} />;
  if (data.state === 'error') return <ErrorBar error={data.error} onRetry={data.reload} />;
  const d = data.data;
  const facts: Array<[string, string]> = [
    [t('data.name'), d.name || t('data.unknown')],
    [t('data.manager'), d.manager ?? t('data.none')],
    [t('data.birthday'), d.birthday ?? t('data.none')],
    [t('data.hireDate'), d.hireDate ? formatDay(intl, d.hireDate) : t('data.none')],
    [t('data.timeZone'), d.timeZone ?? t('data.none')],
    [t('data.reports'), intl.formatNumber(d.reportCount)],
    [t('data.admin'), t(d.isAdmin ? 'data.yes' : 'data.no')],
    [t('data.kudosReceived'), intl.formatNumber(d.kudosReceived)],
    [t('data.kudosGiven'), intl.formatNumber(d.kudosGiven)],
    [t('data.celebrated'), intl.formatNumber(d.celebrated)],
    [t('data.conversations'), intl.formatNumber(d.conversations)],
    [t('data.notesAboutThem'), intl.formatNumber(d.notesAboutThem)],
  ];
  return (
    <Card>
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      <Text size={200}>{t('data.notesNote')}</Text>
    </Card>
  );
}

function ForgetMe({ api }: { api: Api }) {
  const { t } = useTexts();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<'idle' | 'busy' | 'done' | { error: unknown }>('idle');

  async function forget() {
    setState('busy');
    try {
      await api.post('my/forget', { confirm: true });
      setState('done');
      setOpen(false);
    } catch (error) {
      setState({ error });
      setOpen(false);
    }
  }

  return (
    <Card className={styles.forget}>
      <Text>{t('forget.lead')}</Text>
      {state === 'done' ? (
        <MessageBar intent="success">
          <MessageBarBody>{t('forget.done')}</MessageBarBody>
        </MessageBar>
      ) : (
        <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)} modalType="alert">
          <DialogTrigger disableButtonEnhancement>
            <Button appearance="secondary">{t('forget.button')}</Button>
          </DialogTrigger>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t('forget.confirmTitle')}</DialogTitle>
              <DialogContent>{t('forget.confirmBody')}</DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="secondary">{t('action.cancel')}</Button>
                </DialogTrigger>
                {state === 'busy' ? (
                  <Busy label={t('forget.busy')} />
                ) : (
                  <Button appearance="primary" className={styles.danger} onClick={forget}>
                    {t('forget.confirm')}
                  </Button>
                )}
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
      {typeof state === 'object' ? <ErrorBar error={state.error} /> : null}
    </Card>
  );
}

/** My settings and data: the same as `my settings`, `my data` and `forget me` in the chat. */
export default function SettingsPage({ api }: PageProps) {
  const { t } = useTexts();
  return (
    <Page title={t('my.title')} lead={t('my.lead')}>
      <Section title={t('my.settings.title')}>
        <MySettingsForm api={api} />
      </Section>
      <Section title={t('data.title')}>
        <MyData api={api} />
      </Section>
      <Section title={t('forget.title')}>
        <ForgetMe api={api} />
      </Section>
    </Page>
  );
}
