import {
  Avatar,
  Button,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { openLink, type Host } from '../app/host';
import { useTexts, type MessageKey } from '../app/i18n';
import type { NextMilestone, ReportRow } from '../app/shapes';
import { formatDay } from '../components/format';
import { botChatLink, type BotCommand } from './deepLink';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  notes: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const ACTIONS: Array<{ command: BotCommand; label: MessageKey; labelFor: MessageKey }> = [
  { command: 'brief', label: 'team.action.brief', labelFor: 'team.action.briefFor' },
  { command: 'kudos', label: 'team.action.kudos', labelFor: 'team.action.kudosFor' },
  { command: 'note', label: 'team.action.note', labelFor: 'team.action.noteFor' },
];

function useMilestone() {
  const { t, intl } = useTexts();
  return (milestone: NextMilestone | undefined): string => {
    if (!milestone) return t('team.milestone.none');
    const date = formatDay(intl, milestone.date);
    if (milestone.kind === 'birthday') return t('team.milestone.birthday', { date });
    if (milestone.kind === 'anniversary')
      return t('team.milestone.anniversary', { date, years: milestone.years ?? 0 });
    return t('team.milestone.checkIn', { date, days: milestone.days ?? 0 });
  };
}

/** A row per direct report, with the viewer's own follow-ups and buttons that open the bot's chat. */
export function ReportsTable({ reports, botId, host }: { reports: ReportRow[]; botId?: string; host: Host }) {
  const { t, intl } = useTexts();
  const styles = useStyles();
  const milestone = useMilestone();
  return (
    <div className={styles.scroll}>
      <Table aria-label={t('team.reports')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('team.column.person')}</TableHeaderCell>
            <TableHeaderCell>{t('team.column.lastRecognised')}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{t('team.column.kudos90')}</TableHeaderCell>
            <TableHeaderCell>{t('team.column.milestone')}</TableHeaderCell>
            <TableHeaderCell>{t('team.column.followUps')}</TableHeaderCell>
            <TableHeaderCell>{t('team.column.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {reports.map((row) => (
            <TableRow key={row.person.id}>
              <TableCell>
                <TableCellLayout media={<Avatar name={row.person.name} color="colorful" size={28} />}>
                  {row.person.name}
                </TableCellLayout>
              </TableCell>
              <TableCell>
                {row.lastRecognisedOn ? (
                  formatDay(intl, row.lastRecognisedOn)
                ) : (
                  <span className={styles.muted}>{t('team.neverRecognised')}</span>
                )}
              </TableCell>
              <TableCell className={styles.number}>{intl.formatNumber(row.kudos90)}</TableCell>
              <TableCell>{milestone(row.nextMilestone)}</TableCell>
              <TableCell>
                {row.followUps.length === 0 ? (
                  <span className={styles.muted}>{t('team.noFollowUps')}</span>
                ) : (
                  <ul className={styles.notes}>
                    {row.followUps.map((note) => (
                      <li key={note.id}>
                        <Text className={styles.note}>{note.text}</Text>
                        {note.followUpOn ? (
                          <Text size={200} className={styles.muted}>
                            {' '}
                            {t('team.followUpOn', { date: formatDay(intl, note.followUpOn) })}
                          </Text>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
              <TableCell>
                <div className={styles.actions}>
                  {ACTIONS.map((action) => (
                    <Button
                      key={action.command}
                      size="small"
                      appearance={action.command === 'kudos' ? 'primary' : 'secondary'}
                      disabled={!botId}
                      aria-label={t(action.labelFor, { name: row.person.name })}
                      onClick={() =>
                        botId && void openLink(host, botChatLink(botId, action.command, row.person.name))
                      }
                    >
                      {t(action.label)}
                    </Button>
                  ))}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
