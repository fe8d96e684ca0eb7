import { Card, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    margin: 0,
  },
  card: { gap: tokens.spacingVerticalXS },
  pair: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  label: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** A few headline numbers, each with what it counts. */
export function Stats({ items }: { items: Array<{ label: string; value: string; note?: string }> }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      {items.map((item) => (
        <Card key={item.label} className={styles.card}>
          <dl className={styles.pair}>
            <dt className={styles.label}>{item.label}</dt>
            <dd className={styles.value}>{item.value}</dd>
            {item.note ? <dd className={styles.note}>{item.note}</dd> : null}
          </dl>
        </Card>
      ))}
    </div>
  );
}
