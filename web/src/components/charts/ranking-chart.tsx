import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import { useMemo } from 'react';
import type { TAnalyticsRow, TIndicatorInfo } from '../../api/analytics.js';
import { useI18n } from '../../i18n/i18n.js';
import { localName } from '../local-name.js';
import { EChart } from './echart.js';

/** Draws one 95% interval as a vertical whisker with caps at the category's centre. */
function renderErrorBar(_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) {
  const index = api.value(0);
  const low = api.coord([index, api.value(1)]);
  const high = api.coord([index, api.value(2)]);
  const size = api.size?.([1, 0]);
  const cap = (Array.isArray(size) ? (size[0] ?? 20) : 20) * 0.15;
  const style = { stroke: '#333', lineWidth: 1.2 };
  const line = (x1: number, y1: number, x2: number, y2: number) => ({
    type: 'line' as const,
    shape: { x1, y1, x2, y2 },
    style,
  });
  const [lowX = 0, lowY = 0] = low;
  const [highX = 0, highY = 0] = high;
  return {
    type: 'group' as const,
    children: [
      line(highX, highY, lowX, lowY),
      line(highX - cap, highY, highX + cap, highY),
      line(lowX - cap, lowY, lowX + cap, lowY),
    ],
  };
}

/**
 * Sub-units ranked by value (highest first) with their 95% intervals as error bars and the
 * parent's value as a reference line. Clicking a bar calls `onSelect` with the unit's code.
 */
export function RankingChart({
  indicator,
  parent,
  rows,
  onSelect,
}: {
  indicator: TIndicatorInfo;
  parent: TAnalyticsRow;
  rows: TAnalyticsRow[];
  onSelect?: (code: string) => void;
}) {
  const { t, language } = useI18n();
  const ranked = useMemo(
    () => [...rows].filter((row) => row.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0)),
    [rows],
  );
  const option = useMemo(() => {
    const { decimals, unit } = indicator;
    const fixed = (value: number) => Number(value.toFixed(decimals));
    const parentLine =
      parent.value === null
        ? undefined
        : {
            symbol: 'none',
            lineStyle: { color: '#cf1322', type: 'dashed' },
            label: {
              formatter: `${t('dashboard.parentAverage', { name: localName(parent, language) })} ${parent.value.toFixed(decimals)}`,
              position: 'insideEndTop',
            },
            data: [{ yAxis: fixed(parent.value) }],
          };
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 48, right: 24, top: 24, bottom: ranked.length > 8 ? 72 : 32 },
      xAxis: {
        type: 'category',
        data: ranked.map((row) => localName(row, language)),
        axisLabel: { interval: 0, rotate: ranked.length > 8 ? 40 : 0 },
      },
      yAxis: { type: 'value', scale: false, name: unit ?? '' },
      series: [
        {
          type: 'bar',
          name: language === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name,
          data: ranked.map((row) => ({ value: fixed(row.value ?? 0), code: row.orgUnit })),
          itemStyle: { color: '#1677ff' },
          barMaxWidth: 48,
          markLine: parentLine,
        },
        {
          type: 'custom',
          name: '95% CI',
          renderItem: renderErrorBar,
          encode: { x: 0, y: [1, 2] },
          data: ranked.map((row, index) => [
            index,
            ...(row.ci95 ?? [row.value ?? 0, row.value ?? 0]).map(fixed),
          ]),
          tooltip: { show: false },
          z: 10,
        },
      ],
    };
  }, [indicator, parent, ranked, t, language]);
  return (
    <EChart
      option={option}
      testId="ranking-chart"
      height={340}
      onClick={(event) => {
        const row = event.seriesType === 'bar' ? ranked[event.dataIndex] : undefined;
        if (row) onSelect?.(row.orgUnit);
      }}
    />
  );
}
