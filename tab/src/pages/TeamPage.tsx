import { ChatSparkleRegular } from '@fluentui/react-icons';
import { useTexts } from '../app/i18n';
import type { TeamView } from '../app/shapes';
import { useLoad } from '../app/useLoad';
import { ChartCard } from '../components/ChartCard';
import { formatShare, formatWeek } from '../components/format';
import { Grid, Page, Section } from '../components/Section';
import { Stats } from '../components/Stat';
import { Empty, ErrorBar, LiveStatus, Loading } from '../components/States';
import { dayOf } from '../app/i18n';
import type { PageProps } from './pageProps';
import { ReportsTable } from './ReportsTable';

/** My team: the direct reports over 12 weeks, as charts, and a row per report. */
export default function TeamPage({ api, me, host }: PageProps) {
  const { t, intl } = useTexts();
  const team = useLoad(() => api.get<TeamView>('team'), 'team');
  const received = t('team.received');
  const given = t('team.given');
  const week = t('chart.week');

  let body;
  if (team.state === 'loading') body = <Loading label={t('state.loading')} rows={8} />;
  else if (team.state === 'error') body = <ErrorBar error={team.error} onRetry={team.reload} />;
  else {
    const { weeks, values, reports } = team.data;
    const latest = weeks[weeks.length - 1];
    const totalReceived = weeks.reduce((sum, w) => sum + w.received, 0);
    const totalValues = values.reduce((sum, v) => sum + v.count, 0);
    body = (
      <>
        <Stats
          items={[
            { label: t('team.stat.reports'), value: intl.formatNumber(reports.length) },
            { label: t('team.stat.received12'), value: intl.formatNumber(totalReceived) },
            { label: t('team.stat.coverage'), value: latest ? formatShare(intl, latest.coverage) : '–' },
          ]}
        />
        <Section title={t('team.trends')}>
          <Grid>
            <ChartCard
              title={t('team.chart.perWeek')}
              spec={{
                kind: 'stacked',
                points: weeks.map((w) => ({
                  label: formatWeek(intl, w.weekStart),
                  parts: [
                    { legend: received, value: w.received },
                    { legend: given, value: w.given },
                  ],
                })),
              }}
              table={{
                columns: [week, received, given],
                rows: weeks.map((w) => ({
                  key: w.weekStart,
                  cells: [
                    formatWeek(intl, w.weekStart),
                    intl.formatNumber(w.received),
                    intl.formatNumber(w.given),
                  ],
                })),
              }}
            />
            <ChartCard
              title={t('team.chart.coverage')}
              description={t('team.chart.coverageNote')}
              spec={{
                kind: 'line',
                series: [
                  {
                    legend: t('team.coverage'),
                    points: weeks.map((w) => ({ at: dayOf(w.weekStart), value: w.coverage })),
                  },
                ],
                formatDate: (date) => intl.formatDate(date, { day: 'numeric', month: 'short' }),
                formatPercent: (share) => formatShare(intl, share),
              }}
              table={{
                columns: [week, t('team.coverage')],
                rows: weeks.map((w) => ({
                  key: w.weekStart,
                  cells: [formatWeek(intl, w.weekStart), formatShare(intl, w.coverage)],
                })),
              }}
            />
            {values.length > 0 ? (
              <ChartCard
                title={t('team.chart.values')}
                spec={{
                  kind: 'donut',
                  points: values.map((v) => ({ label: v.value.name, value: v.count })),
                  centre: intl.formatNumber(totalValues),
                }}
                table={{
                  columns: [t('recognition.value'), t('chart.kudos')],
                  rows: values.map((v) => ({
                    key: v.value.id,
                    cells: [v.value.name, intl.formatNumber(v.count)],
                  })),
                }}
              />
            ) : (
              <Empty title={t('team.values.empty')} />
            )}
          </Grid>
        </Section>
        <Section title={t('team.reports')}>
          {me.botId ? null : <Empty title={t('team.noBot')} icon={<ChatSparkleRegular />} />}
          <ReportsTable reports={reports} {...(me.botId ? { botId: me.botId } : {})} host={host} />
        </Section>
      </>
    );
  }
  return (
    <Page title={t('team.title')} lead={t('team.lead')}>
      <LiveStatus text={team.state === 'ready' ? t('state.loaded') : ''} />
      {body}
    </Page>
  );
}
