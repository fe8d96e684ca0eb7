import {
  DonutChart,
  GroupedVerticalBarChart,
  HorizontalBarChart,
  LineChart,
  VerticalBarChart,
  VerticalStackedBarChart,
} from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import { useThemeName } from '../app/themeName';
import type { ChartSpec } from './chartSpec';

/** Fluent's data-visualisation palette, in the order series take it. */
const PALETTE = [
  tokens.colorPaletteBerryForeground2,
  tokens.colorPaletteTealForeground2,
  tokens.colorPaletteMarigoldForeground2,
  tokens.colorPaletteBlueForeground2,
  tokens.colorPaletteGrapeForeground2,
  tokens.colorPaletteLightGreenForeground2,
  tokens.colorPalettePumpkinForeground2,
  tokens.colorPaletteSteelForeground2,
];
/** In high contrast every palette token is the text colour: series need distinct bright colours there. */
const CONTRAST_PALETTE = [
  '#FFFF00',
  '#1AEBFF',
  '#3FF23F',
  '#FF8AFF',
  '#FFFFFF',
  '#FFA500',
  '#8EB6FF',
  '#FF5C5C',
];

/** Every legend shown, wrapping onto more lines rather than hiding behind an untranslated "+3 more". */
const LEGENDS = { enabledWrapLines: true };

/** At most about `count` of `dates`, evenly spaced, the last always kept: the axis' ticks. */
function everyFew(dates: Date[], count: number): Date[] {
  const step = Math.max(1, Math.ceil(dates.length / count));
  return dates.filter((_, index) => (dates.length - 1 - index) % step === 0);
}

/**
 * Draws one {@link ChartSpec} with Fluent UI's charts: loaded on demand (this module is a chunk of
 * its own), so the first paint does not wait for d3 and the charts.
 */
export default function ChartView({
  spec,
  title,
  height = 260,
}: {
  spec: ChartSpec;
  title: string;
  height?: number;
}) {
  const palette = useThemeName() === 'contrast' ? CONTRAST_PALETTE : PALETTE;
  const colour = (index: number) => palette[index % palette.length];
  switch (spec.kind) {
    case 'bars':
      return (
        <VerticalBarChart
          legendProps={LEGENDS}
          chartTitle={title}
          height={height}
          hideLegend
          barWidth="auto"
          maxBarWidth={56}
          wrapXAxisLables
          data={spec.points.map((point, index) => ({
            x: point.label,
            y: point.value,
            legend: point.label,
            color: colour(index),
          }))}
          roundCorners
        />
      );
    case 'stacked': {
      const legends = [...new Set(spec.points.flatMap((point) => point.parts.map((part) => part.legend)))];
      return (
        <VerticalStackedBarChart
          legendProps={LEGENDS}
          chartTitle={title}
          height={height}
          barWidth="auto"
          maxBarWidth={56}
          roundCorners
          data={spec.points.map((point) => ({
            xAxisPoint: point.label,
            chartData: point.parts.map((part) => ({
              legend: part.legend,
              data: part.value,
              color: colour(legends.indexOf(part.legend)),
            })),
          }))}
        />
      );
    }
    case 'grouped': {
      const legends = [...new Set(spec.points.flatMap((point) => point.parts.map((part) => part.legend)))];
      return (
        <GroupedVerticalBarChart
          legendProps={LEGENDS}
          chartTitle={title}
          height={height}
          maxBarWidth={24}
          roundCorners
          data={spec.points.map((point) => ({
            name: point.label,
            series: point.parts.map((part) => ({
              key: part.legend,
              legend: part.legend,
              data: part.value,
              color: colour(legends.indexOf(part.legend)),
            })),
          }))}
        />
      );
    }
    case 'line':
      return (
        <LineChart
          legendProps={LEGENDS}
          height={height}
          tickValues={everyFew(spec.series[0]?.points.map((point) => point.at) ?? [], 6)}
          hideTickOverlap
          margins={{ left: 52, right: 20, top: 20, bottom: 35 }}
          yMinValue={0}
          yMaxValue={100}
          yAxisTickFormat={(value: number) => spec.formatPercent(value / 100)}
          customDateTimeFormatter={spec.formatDate}
          data={{
            chartTitle: title,
            lineChartData: spec.series.map((series, index) => ({
              legend: series.legend,
              color: colour(index + 1),
              data: series.points.map((point) => ({
                x: point.at,
                y: Math.round(point.value * 1000) / 10,
                xAxisCalloutData: spec.formatDate(point.at),
                yAxisCalloutData: spec.formatPercent(point.value),
              })),
            })),
          }}
        />
      );
    case 'donut':
      return (
        <DonutChart
          legendProps={LEGENDS}
          height={height}
          innerRadius={height / 4}
          {...(spec.centre ? { valueInsideDonut: spec.centre } : {})}
          data={{
            chartData: spec.points.map((point, index) => ({
              legend: point.label,
              data: point.value,
              color: colour(index),
            })),
          }}
        />
      );
    case 'hbars':
      return (
        <HorizontalBarChart
          legendProps={LEGENDS}
          chartDataMode="fraction"
          data={spec.points.map((point, index) => ({
            chartTitle: point.label,
            chartData: [
              {
                legend: point.label,
                horizontalBarChartdata: { x: point.value, total: Math.max(point.total, 1) },
                color: colour(index),
              },
            ],
          }))}
        />
      );
  }
}
