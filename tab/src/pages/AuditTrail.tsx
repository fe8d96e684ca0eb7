import { Table, TableBody, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTexts, type Texts } from '../app/i18n';
import type { AuditEntryView } from '../app/shapes';
import { HeaderRow } from '../components/HeaderRow';
import { SETTING_CHOICES, SETTING_LABELS, weekdayName } from './settingWords';

const useStyles = makeStyles({
  heading: {
    margin: `${tokens.spacingVerticalXL} 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  value: { overflowWrap: 'anywhere' },
});

/** One audited value in words: on/off, a weekday, a listed choice, a list, a name, or as stored. */
function valueText(texts: Texts, entry: AuditEntryView, value: unknown): string {
  const { t, intl } = texts;
  if (value === undefined) return '—';
  if (value === null) return t('org.audit.nothing');
  if (typeof value === 'boolean') return t(value ? 'org.audit.on' : 'org.audit.off');
  if (Array.isArray(value)) {
    return value.length === 0
      ? t('org.audit.nothing')
      : (intl.formatList(value.map((item) => valueText(texts, entry, item))) as string);
  }
  if (typeof value === 'object') {
    const name = (value as { name?: unknown }).name;
    return typeof name === 'string' ? name : '—';
  }
  if (entry.subject === 'settings') {
    if (entry.field === 'digestDay' && typeof value === 'number') return weekdayName(texts, value);
    const choice = SETTING_CHOICES[entry.field]?.[String(value)];
    if (choice) return t(choice);
  }
  return typeof value === 'number' ? intl.formatNumber(value) : String(value);
}

/** What an entry changed: a setting by its label, an admin or a company value. */
function subjectText(texts: Texts, entry: AuditEntryView): string {
  if (entry.subject === 'admins') return texts.t('org.audit.admin');
  if (entry.subject === 'values') return texts.t('org.audit.value');
  const label = SETTING_LABELS[entry.field];
  return label ? texts.t(label) : entry.field;
}

/** The newest changes to the organisation's settings, admins and values: who, when, from what to what. */
export function AuditTrail({ entries }: { entries: AuditEntryView[] }) {
  const texts = useTexts();
  const { t, intl } = texts;
  const styles = useStyles();
  return (
    <section aria-labelledby="audit-trail-title">
      <h3 id="audit-trail-title" className={styles.heading}>
        {t('org.audit.title')}
      </h3>
      {entries.length === 0 ? (
        <Text>{t('org.audit.none')}</Text>
      ) : (
        <Table size="small" aria-labelledby="audit-trail-title">
          <HeaderRow
            labels={[
              t('org.audit.when'),
              t('org.audit.who'),
              t('org.audit.what'),
              t('org.audit.before'),
              t('org.audit.after'),
            ]}
          />
          <TableBody>
            {entries.map((entry, index) => (
              <TableRow key={`${entry.at}-${entry.subject}-${entry.field}-${index}`}>
                <TableCell>
                  {intl.formatDate(new Date(entry.at), { dateStyle: 'medium', timeStyle: 'short' })}
                </TableCell>
                <TableCell>
                  {t('org.audit.by', { name: entry.by.name || entry.by.id, via: entry.by.via })}
                </TableCell>
                <TableCell>{subjectText(texts, entry)}</TableCell>
                <TableCell className={styles.value}>{valueText(texts, entry, entry.from)}</TableCell>
                <TableCell className={styles.value}>{valueText(texts, entry, entry.to)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
