import {
  Avatar,
  Button,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { FoodCakeRegular, HandWaveRegular, TrophyRegular } from '@fluentui/react-icons';
import { openLink, type Host } from '../app/host';
import { useTexts, type MessageKey } from '../app/i18n';
import type { NextMilestone, ReportRow } from '../app/shapes';
import { formatDay } from '../components/format';
import { HeaderRow } from '../components/HeaderRow';
import { botChatLink, type BotCommand } from './deepLink';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
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
  milestoneIcon: { fontSize: '20px', color: tokens.colorBrandForeground1, display: 'inline-flex' },
});

const ACTIONS: Array<{ command: BotCommand; label: MessageKey; labelFor: MessageKey }> = [
  { command: 'brief', label: 'team.action.brief', labelFor: 'team.action.briefFor' },
  { command: 'kudos', label: 'team.action.kudos', labelFor: 'team.action.kudosFor' },
  { command: 'note', label: 'team.action.note', labelFor: 'team.action.noteFor' },
];

function MilestoneCell({ icon, text }: { icon?: ReactNode; text: string }) {
  const styles = useStyles();
  return icon ? (
    <TableCellLayout
      media={
        <span className={styles.milestoneIcon} aria-hidden>
          {icon}
        </span>
      }
    >
      {text}
    </TableCellLayout>
  ) : (
    <span className={styles.muted}>{text}</span>
  );
}

function useMilestone() {
  const { t, intl } = useTexts();
  return (milestone: NextMilestone | undefined): { icon?: ReactNode; text: string } => {
    if (!milestone) return { text: t('team.milestone.none') };
    const date = formatDay(intl, milestone.date);
    if (milestone.kind === 'birthday')
      return { icon: <FoodCakeRegular />, text: t('team.milestone.birthday', { date }) };
    if (milestone.kind === 'anniversary') {
      return {
        icon: <TrophyRegular />,
        text: t('team.milestone.anniversary', { date, years: milestone.years ?? 0 }),
      };
    }
    return {
      icon: <HandWaveRegular />,
      text: t('team.milestone.checkIn', { date, days: milestone.days ?? 0 }),
    };
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
        <HeaderRow
          labels={[
            t('team.column.person'),
            t('team.column.lastRecognised'),
            t('team.column.kudos90'),
            t('team.column.milestone'),
            t('team.column.followUps'),
            t('team.column.actions'),
          ]}
        />
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
              <TableCell>{intl.formatNumber(row.kudos90)}</TableCell>
              <TableCell>
                <MilestoneCell {...milestone(row.nextMilestone)} />
              </TableCell>
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
