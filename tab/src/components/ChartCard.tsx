import { Suspense, lazy, useId, useState, type ReactNode } from 'react';
import {
  Card,
  CardHeader,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { TableRegular } from '@fluentui/react-icons';
import { useTexts } from '../app/i18n';
import type { ChartSpec, ChartTable } from '../charts/chartSpec';
import { Loading, useVisuallyHidden } from './States';

const ChartView = lazy(() => import('../charts/ChartView'));

const useStyles = makeStyles({
  card: { minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  figure: {
    margin: 0,
    minHeight: '120px',
    // The charts' legends capitalise every word ("Learning & Growth"); value names are data, shown as written.
    '& .fui-legend__legend': { textTransform: 'none' },
  },
  // Cartesian charts and donuts fill their container's height; bars per team grow with the teams.
  sized: { height: '300px' },
  toggle: { whiteSpace: 'nowrap' },
  table: { marginTop: tokens.spacingVerticalS },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

/**
 * A chart in a card: a heading, the chart (its accessible name is the heading) and the same
 * numbers as a table, visually hidden until "Show as table" is pressed, so screen readers and
 * keyboards always reach the data.
 */
export function ChartCard(props: {
  title: string;
  description?: ReactNode;
  spec: ChartSpec;
  table: ChartTable;
  height?: number;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTexts();
  const styles = useStyles();
  const { hidden } = useVisuallyHidden();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <Card className={styles.card}>
      <CardHeader
        header={
          <Heading id={headingId} className={styles.heading}>
            {props.title}
          </Heading>
        }
        description={props.description ? <Text size={200}>{props.description}</Text> : undefined}
        action={
          <ToggleButton
            appearance="subtle"
            size="small"
            className={styles.toggle}
            icon={<TableRegular />}
            checked={asTable}
            onClick={() => setAsTable((shown) => !shown)}
            aria-label={t('chart.showTableOf', { chart: props.title })}
          >
            {t('chart.showTable')}
          </ToggleButton>
        }
      />
      {asTable ? null : (
        <figure
          className={mergeClasses(styles.figure, props.spec.kind !== 'hbars' && styles.sized)}
          aria-labelledby={headingId}
        >
          <Suspense fallback={<Loading label={t('state.loadingChart')} rows={4} />}>
            <ChartView
              spec={props.spec}
              title={props.title}
              {...(props.height ? { height: props.height } : {})}
            />
          </Suspense>
        </figure>
      )}
      <div className={asTable ? styles.table : hidden}>
        <Table size="small" aria-label={t('chart.tableOf', { chart: props.title })}>
          <TableHeader>
            <TableRow>
              {props.table.columns.map((column, index) => (
                <TableHeaderCell key={column} className={index > 0 ? styles.number : undefined}>
                  {column}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.table.rows.map((row) => (
              <TableRow key={row.key}>
                {row.cells.map((cell, index) => (
                  <TableCell key={index} className={index > 0 ? styles.number : undefined}>
                    {cell}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </Card>
  );
}
