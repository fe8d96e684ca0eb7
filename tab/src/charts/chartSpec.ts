/** What a chart shows, independent of the chart library: the pages build these, charts/ draws them. */
export type ChartSpec =
  | { kind: 'bars'; points: Array<{ label: string; value: number }> }
  | { kind: 'stacked'; points: Array<{ label: string; parts: Array<{ legend: string; value: number }> }> }
  | { kind: 'grouped'; points: Array<{ label: string; parts: Array<{ legend: string; value: number }> }> }
  | {
      kind: 'line';
      /** Shares from 0 to 1, drawn as percentages. */
      series: Array<{ legend: string; points: Array<{ at: Date; value: number }> }>;
      formatDate(date: Date): string;
      formatPercent(share: number): string;
    }
  | { kind: 'donut'; points: Array<{ label: string; value: number }>; centre?: string }
  | { kind: 'hbars'; points: Array<{ label: string; value: number; total: number }> };

/** A chart's text alternative: the same numbers as a table. */
export interface ChartTable {
  columns: string[];
  rows: Array<{ key: string; cells: string[] }>;
}
