import { PeopleTeamRegular } from '@fluentui/react-icons';
import { dayOf, useTexts } from '../app/i18n';
import type { OrganisationView } from '../app/shapes';
import { useLoad } from '../app/useLoad';
import { ChartCard } from '../components/ChartCard';
import { formatShare, formatWeek } from '../components/format';
import { Grid, Page, Section } from '../components/Section';
import { Stats } from '../components/Stat';
import { Empty, ErrorBar, LiveStatus, Loading } from '../components/States';
import { ExportCsv } from './ExportCsv';
import type { PageProps } from './pageProps';
import { PeopleStatus } from './PeopleStatus';
import { TenantSettingsForm } from './TenantSettingsForm';

/** Organisation (admins): participation, coverage per team, values, people data, settings and export. */
export default function OrganisationPage({ api }: PageProps) {
  const { t, intl } = useTexts();
  const org = useLoad(() => api.get<OrganisationView>('organisation'), 'organisation');
  const week = t('chart.week');
  const givers = t('org.givers');
  const receivers = t('org.receivers');
  const share = t('org.share');

  let overview;
  if (org.state === 'loading') overview = <Loading label={t('state.loading')} rows={8} />;
  else if (org.state === 'error') overview = <ErrorBar error={org.error} onRetry={org.reload} />;
  else {
    const { weeks, teams, values, people } = org.data;
    const latest = weeks[weeks.length - 1];
    overview = (
      <>
        <Stats
          items={[
            { label: t('org.stat.people'), value: intl.formatNumber(people.count) },
            { label: t('org.stat.givers'), value: intl.formatNumber(latest?.givers ?? 0) },
            { label: t('org.stat.receivers'), value: intl.formatNumber(latest?.receivers ?? 0) },
            { label: t('org.stat.share'), value: latest ? formatShare(intl, latest.share) : '–' },
          ]}
        />
        <Section title={t('org.participation')}>
          <Grid>
            <ChartCard
              title={t('org.chart.participation')}
              spec={{
                kind: 'grouped',
                points: weeks.map((w) => ({
                  label: formatWeek(intl, w.weekStart),
                  parts: [
                    { legend: givers, value: w.givers },
                    { legend: receivers, value: w.receivers },
                  ],
                })),
              }}
              table={{
                columns: [week, givers, receivers, share],
                rows: weeks.map((w) => ({
                  key: w.weekStart,
                  cells: [
                    formatWeek(intl, w.weekStart),
                    intl.formatNumber(w.givers),
                    intl.formatNumber(w.receivers),
                    formatShare(intl, w.share),
                  ],
                })),
              }}
            />
            <ChartCard
              title={t('org.chart.share')}
              spec={{
                kind: 'line',
                series: [
                  { legend: share, points: weeks.map((w) => ({ at: dayOf(w.weekStart), value: w.share })) },
                ],
                formatDate: (date) => intl.formatDate(date, { day: 'numeric', month: 'short' }),
                formatPercent: (value) => formatShare(intl, value),
              }}
              table={{
                columns: [week, share],
                rows: weeks.map((w) => ({
                  key: w.weekStart,
                  cells: [formatWeek(intl, w.weekStart), formatShare(intl, w.share)],
                })),
              }}
            />
          </Grid>
        </Section>
        <Section title={t('org.teams')}>
          {teams.length === 0 ? (
            <Empty title={t('org.teams.empty')} icon={<PeopleTeamRegular />} />
          ) : (
            <ChartCard
              title={t('org.chart.teams')}
              description={t('org.chart.teamsNote')}
              spec={{
                kind: 'hbars',
                points: teams.map((team) => ({
                  label: t('org.teamOf', { manager: team.manager.name }),
                  value: team.recognised,
                  total: team.size,
                })),
              }}
              table={{
                columns: [
                  t('org.column.team'),
                  t('org.column.size'),
                  t('org.column.recognised'),
                  t('org.column.coverage'),
                ],
                rows: teams.map((team) => ({
                  key: team.manager.id,
                  cells: [
                    t('org.teamOf', { manager: team.manager.name }),
                    intl.formatNumber(team.size),
                    intl.formatNumber(team.recognised),
                    formatShare(intl, team.coverage),
                  ],
                })),
              }}
            />
          )}
        </Section>
        <Section title={t('org.values')}>
          {values.length === 0 ? (
            <Empty title={t('org.values.empty')} />
          ) : (
            <ChartCard
              title={t('org.chart.values')}
              spec={{ kind: 'bars', points: values.map((v) => ({ label: v.value.name, value: v.count })) }}
              table={{
                columns: [t('recognition.value'), t('chart.kudos')],
                rows: values.map((v) => ({
                  key: v.value.id,
                  cells: [v.value.name, intl.formatNumber(v.count)],
                })),
              }}
            />
          )}
        </Section>
        <Section title={t('org.people')}>
          <Grid>
            <PeopleStatus people={people} />
          </Grid>
        </Section>
      </>
    );
  }

  return (
    <Page title={t('org.title')} lead={t('org.lead')}>
      <LiveStatus text={org.state === 'ready' ? t('state.loaded') : ''} />
      {overview}
      <Section title={t('org.settings.title')}>
        <TenantSettingsForm api={api} />
      </Section>
      <Section title={t('org.export')}>
        <ExportCsv api={api} />
      </Section>
    </Page>
  );
}
