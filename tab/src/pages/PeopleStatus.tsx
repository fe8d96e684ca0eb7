import {
  Card,
  CardHeader,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTexts, type MessageKey } from '../app/i18n';
import type { OrganisationView } from '../app/shapes';
import { HeaderRow } from '../components/HeaderRow';
import { formatInstant, formatNames } from '../components/format';

/** Why an import refused a row, by the code the API gives (core/people/importStatus.ts RefusalCode). */
const REFUSAL_WORDS: Record<string, MessageKey> = {
  emptyFile: 'org.import.why.emptyFile',
  badHeader: 'org.import.why.badHeader',
  malformedRow: 'org.import.why.malformedRow',
  invalidValue: 'org.import.why.invalidValue',
  duplicate: 'org.import.why.duplicate',
  ownManager: 'org.import.why.ownManager',
  managerCycle: 'org.import.why.managerCycle',
  unknownEmail: 'org.import.why.unknownEmail',
  emailTaken: 'org.import.why.emailTaken',
  managerMismatch: 'org.import.why.managerMismatch',
  unknownManager: 'org.import.why.unknownManager',
  forgotten: 'org.import.why.forgotten',
};

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  reason: { overflowWrap: 'anywhere' },
});

/** What Moments knows about the people data: the last import and its refused rows, who it cannot reach. */
export function PeopleStatus({ people }: { people: OrganisationView['people'] }) {
  const { t, intl } = useTexts();
  const styles = useStyles();
  const last = people.lastImport;
  const { unreachable } = people;
  return (
    <>
      <Card>
        <CardHeader header={<h3 className={styles.heading}>{t('org.import.title')}</h3>} />
        <div className={styles.body}>
          {last ? (
            <>
              <Text>
                {t(last.source === 'csv' ? 'org.import.csv' : 'org.import.graph', {
                  date: formatInstant(intl, last.at),
                  added: last.added,
                  updated: last.updated,
                })}
              </Text>
              <Text>{t('org.import.refused', { count: last.refused.length })}</Text>
              {last.refused.length > 0 ? (
                <Table size="small" aria-label={t('org.import.refusedTable')}>
                  <HeaderRow labels={[t('org.import.line'), t('org.import.reason')]} />
                  <TableBody>
                    {last.refused.map((row) => (
                      <TableRow key={`${row.line}-${row.reason}`}>
                        <TableCell>{intl.formatNumber(row.line)}</TableCell>
                        <TableCell className={styles.reason}>
                          {t(REFUSAL_WORDS[row.reason] ?? 'org.import.why.other')}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              ) : null}
            </>
          ) : (
            <Text>{t('org.import.none')}</Text>
          )}
          <Text>{t('org.people.count', { count: people.count })}</Text>
        </div>
      </Card>
      <Card>
        <CardHeader header={<h3 className={styles.heading}>{t('org.reach.title')}</h3>} />
        <div className={styles.body}>
          <Text>
            {unreachable.count === 0
              ? t('org.reach.everyone')
              : t('org.reach.count', { count: unreachable.count })}
          </Text>
          {unreachable.first.length > 0 ? (
            <Text>
              {t('org.reach.first', {
                names: formatNames(
                  intl,
                  unreachable.first.map((person) => person.name),
                ),
              })}
            </Text>
          ) : null}
        </div>
      </Card>
    </>
  );
}
