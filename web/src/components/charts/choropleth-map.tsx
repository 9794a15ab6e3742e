import { useMemo } from 'react';
import type { TAnalyticsRow, TIndicatorInfo } from '../../api/analytics.js';
import type { TOrgUnitFeatureCollection } from '../../api/geo.js';
import { useI18n } from '../../i18n/i18n.js';
import { localName } from '../local-name.js';
import { EChart } from './echart.js';
import { echarts } from './echarts-setup.js';

type TGeoJsonInput = Parameters<typeof echarts.registerMap>[1];

/**
 * The sub-units' boundaries coloured by value (a continuous visualMap from the lowest to the
 * highest value). Regions are keyed by org-unit code; clicking one calls `onSelect` with it.
 */
export function ChoroplethMap({
  mapName,
  boundaries,
  indicator,
  rows,
  onSelect,
}: {
  /** A name unique to these boundaries (e.g. the parent's code): ECharts keeps maps by name. */
  mapName: string;
  boundaries: TOrgUnitFeatureCollection;
  indicator: TIndicatorInfo;
  rows: TAnalyticsRow[];
  onSelect?: (code: string) => void;
}) {
  const { language } = useI18n();
  const option = useMemo(() => {
    const name = `tiaodu-${mapName}`;
    echarts.registerMap(name, boundaries as unknown as TGeoJsonInput);
    const names = new Map(
      boundaries.features.map((feature) => [
        feature.properties.code,
        localName(feature.properties, language),
      ]),
    );
    const values = rows.flatMap((row) => (row.value === null ? [] : [row.value]));
    const fixed = (value: number) => Number(value.toFixed(indicator.decimals));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { name: string; value: unknown }) =>
          `${names.get(params.name) ?? params.name}: ${typeof params.value === 'number' && !Number.isNaN(params.value) ? `${params.value}${indicator.unit ?? ''}` : '—'}`,
      },
      visualMap: {
        type: 'continuous',
        min: values.length ? fixed(Math.min(...values)) : 0,
        max: values.length ? fixed(Math.max(...values)) : 1,
        left: 8,
        bottom: 8,
        calculable: true,
        precision: indicator.decimals,
        inRange: { color: ['#e6f4ff', '#69b1ff', '#0958d9'] },
      },
      series: [
        {
          type: 'map',
          map: name,
          nameProperty: 'code',
          roam: false,
          label: {
            show: true,
            // Dark text with a white halo reads on the lightest and the darkest fill alike.
            color: '#1f1f1f',
            textBorderColor: '#fff',
            textBorderWidth: 2,
            formatter: (params: { name: string }) => names.get(params.name) ?? params.name,
          },
          emphasis: { label: { show: true } },
          data: rows.map((row) => ({
            name: row.orgUnit,
            value: row.value === null ? null : fixed(row.value),
          })),
        },
      ],
    };
  }, [mapName, boundaries, indicator, rows, language]);
  return (
    <EChart
      option={option}
      testId="choropleth-map"
      height={340}
      onClick={(event) => {
        if (event.seriesType === 'map' && event.name) onSelect?.(event.name);
      }}
    />
  );
}
