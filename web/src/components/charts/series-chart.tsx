import { useMemo } from 'react';
import type { TSeriesAnswer } from '../../api/analytics.js';
import { useI18n } from '../../i18n/i18n.js';
import { EChart } from './echart.js';

/** Round to the indicator's decimals for tooltips and the axis (null stays a gap). */
function rounded(value: number | null, decimals: number): number | null {
  return value === null ? null : Number(value.toFixed(decimals));
}

/** This year's monthly values against the same months last year: two lines, gaps where data is missing. */
export function SeriesChart({ series }: { series: TSeriesAnswer }) {
  const { t, language } = useI18n();
  const option = useMemo(() => {
    const { decimals, unit } = series.indicator;
    const year = Number(series.points[0]?.month.slice(0, 4) ?? new Date().getFullYear());
    const monthLabel = (month: string) => {
      const index = Number(month.slice(4, 6));
      const name = new Date(Date.UTC(year, index - 1, 1)).toLocaleString(language, {
        month: 'short',
        timeZone: 'UTC',
      });
      return t('dashboard.monthShort', { month: language === 'en' ? name : index });
    };
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => (value == null ? '—' : `${value}${unit ?? ''}`),
      },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: series.points.map((point) => monthLabel(point.month)) },
      yAxis: { type: 'value', scale: true, name: unit ?? '' },
      series: [
        {
          name: t('dashboard.year', { year }),
          type: 'line',
          smooth: false,
          connectNulls: false,
          data: series.points.map((point) => rounded(point.value, decimals)),
        },
        {
          name: t('dashboard.year', { year: year - 1 }),
          type: 'line',
          lineStyle: { type: 'dashed' },
          data: series.points.map((point) => rounded(point.previous.value, decimals)),
        },
      ],
    };
  }, [series, t, language]);
  return <EChart option={option} testId="series-chart" height={300} />;
}
