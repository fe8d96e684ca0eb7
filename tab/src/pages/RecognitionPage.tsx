import { useEffect, useId, useState } from 'react';
import { StarRegular } from '@fluentui/react-icons';
import { Button, Dropdown, Label, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useTexts, type MessageKey } from '../app/i18n';
import type { KudosItem, RecognitionPage as RecognitionView, RecognitionPeriod } from '../app/shapes';
import { useLoad } from '../app/useLoad';
import { ChartCard } from '../components/ChartCard';
import { Page, Section } from '../components/Section';
import { Stats } from '../components/Stat';
import { Busy, Empty, ErrorBar, Loading } from '../components/States';
import { KudosList } from './KudosList';
import type { PageProps } from './pageProps';

const PERIODS: Record<RecognitionPeriod, MessageKey> = {
  '30d': 'recognition.period.30d',
  '90d': 'recognition.period.90d',
  '365d': 'recognition.period.365d',
  all: 'recognition.period.all',
};
const ALL_VALUES = '';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, alignItems: 'end' },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  more: { alignSelf: 'center' },
});

function query(period: RecognitionPeriod, value: string, cursor?: string): string {
  const params = new URLSearchParams({ period });
  if (value) params.set('value', value);
  if (cursor) params.set('cursor', cursor);
  return `recognition?${params.toString()}`;
}

/** My recognition: the kudos I received and gave, filtered by period and value, with a chart per value. */
export function RecognitionPage({ api, me }: PageProps) {
  const { t, intl } = useTexts();
  const styles = useStyles();
  const periodId = useId();
  const valueId = useId();
  const [period, setPeriod] = useState<RecognitionPeriod>('90d');
  const [value, setValue] = useState(ALL_VALUES);
  const first = useLoad(() => api.get<RecognitionView>(query(period, value)), `${period}|${value}`);
  const [more, setMore] = useState<{ items: KudosItem[]; next?: string }>({ items: [] });
  const [paging, setPaging] = useState<'idle' | 'busy' | { error: unknown }>('idle');

  useEffect(() => {
    setMore({ items: [] });
    setPaging('idle');
  }, [first.state === 'ready' ? first.data : undefined]);

  const view = first.state === 'ready' ? first.data : undefined;
  const items = view ? [...view.items, ...more.items] : [];
  const next = more.items.length > 0 ? more.next : view?.next;

  async function loadMore() {
    if (!next) return;
    setPaging('busy');
    try {
      const page = await api.get<RecognitionView>(query(period, value, next));
      setMore((previous) => ({
        items: [...previous.items, ...page.items],
        ...(page.next ? { next: page.next } : {}),
      }));
      setPaging('idle');
    } catch (error) {
      setPaging({ error });
    }
  }

  const valueName = me.values.find((v) => v.id === value)?.name ?? t('recognition.allValues');
  const received = t('kudos.received');
  const given = t('kudos.given');
  return (
    <Page title={t('recognition.title')} lead={t('recognition.lead')}>
      <div className={styles.filters} role="group" aria-label={t('recognition.filters')}>
        <div className={styles.field}>
          <Label id={periodId}>{t('recognition.period')}</Label>
          <Dropdown
            aria-labelledby={periodId}
            value={t(PERIODS[period])}
            selectedOptions={[period]}
            onOptionSelect={(_, data) => data.optionValue && setPeriod(data.optionValue as RecognitionPeriod)}
          >
            {(Object.keys(PERIODS) as RecognitionPeriod[]).map((key) => (
              <Option key={key} value={key}>
                {t(PERIODS[key])}
              </Option>
            ))}
          </Dropdown>
        </div>
        <div className={styles.field}>
          <Label id={valueId}>{t('recognition.value')}</Label>
          <Dropdown
            aria-labelledby={valueId}
            value={valueName}
            selectedOptions={[value]}
            onOptionSelect={(_, data) => setValue(data.optionValue ?? ALL_VALUES)}
          >
            <Option value={ALL_VALUES}>{t('recognition.allValues')}</Option>
            {me.values.map((v) => (
              <Option key={v.id} value={v.id}>
                {v.name}
              </Option>
            ))}
          </Dropdown>
        </div>
      </div>
      <div aria-live="polite" aria-busy={first.state === 'loading'}>
        {first.state === 'loading' ? <Loading label={t('state.loading')} rows={5} /> : null}
        {first.state === 'error' ? <ErrorBar error={first.error} onRetry={first.reload} /> : null}
        {view ? (
          <Stats
            items={[
              { label: received, value: intl.formatNumber(view.totals.received) },
              { label: given, value: intl.formatNumber(view.totals.given) },
            ]}
          />
        ) : null}
      </div>
      {view && view.counts.length > 0 ? (
        <ChartCard
          headingLevel={2}
          title={t('recognition.byValue')}
          spec={{
            kind: 'stacked',
            points: view.counts.map((count) => ({
              label: count.value.name,
              parts: [
                { legend: received, value: count.received },
                { legend: given, value: count.given },
              ],
            })),
          }}
          table={{
            columns: [t('recognition.value'), received, given],
            rows: view.counts.map((count) => ({
              key: count.value.id,
              cells: [count.value.name, intl.formatNumber(count.received), intl.formatNumber(count.given)],
            })),
          }}
        />
      ) : null}
      {view ? (
        <Section title={t('recognition.list')}>
          <span aria-live="polite">{t('recognition.showing', { count: items.length })}</span>
          {items.length === 0 ? (
            <Empty title={t('recognition.empty.title')} icon={<StarRegular />}>
              {t('recognition.empty.body')}
            </Empty>
          ) : (
            <KudosList items={items} viewerName={me.name} />
          )}
          {typeof paging === 'object' ? <ErrorBar error={paging.error} onRetry={loadMore} /> : null}
          {next ? (
            paging === 'busy' ? (
              <Busy label={t('state.loadingMore')} />
            ) : (
              <Button className={styles.more} appearance="secondary" onClick={loadMore}>
                {t('recognition.loadMore')}
              </Button>
            )
          ) : null}
        </Section>
      ) : null}
    </Page>
  );
}
