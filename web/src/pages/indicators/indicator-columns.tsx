import { QuestionCircleOutlined } from '@ant-design/icons';
import type { TableColumnType as ColumnType } from 'antd';
import { Space, Tooltip, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import type { TAnalyticsRow, TIndicatorInfo } from '../../api/analytics.js';
import { localName } from '../../components/local-name.js';
import type { TLanguage } from '../../i18n/messages.js';
import type { TMessageKey } from '../../i18n/zh-CN.js';
import {
  describeChange,
  formatCount,
  formatInterval,
  formatProbability,
  formatPValue,
  formatValue,
  type TTranslate,
} from '../dashboard/analytics-format.js';
import { DirectionTag, SignificanceMark, TargetStatusTag } from '../dashboard/analytics-tags.js';

/** Column ids of the sub-unit table (also `data-col` on each cell, for tests and exports). */
export type TColumnId =
  | 'orgUnit'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'ci95'
  | 'previous'
  | 'change'
  | 'pValue'
  | 'significant'
  | 'rank'
  | 'aboveParent'
  | 'direction'
  | 'target'
  | 'probability'
  | 'forecast';

/** The columns the dashboard's compact table shows. */
export const COMPACT_COLUMNS: TColumnId[] = [
  'orgUnit',
  'value',
  'ci95',
  'change',
  'significant',
  'rank',
  'target',
  'probability',
];

const TIPS: Partial<Record<TColumnId, TMessageKey>> = {
  ci95: 'indicator.tip.ci95',
  pValue: 'indicator.tip.pValue',
  rank: 'indicator.tip.rank',
  aboveParent: 'indicator.tip.aboveParent',
  direction: 'indicator.tip.direction',
  probability: 'indicator.tip.probability',
  forecast: 'indicator.tip.forecast',
};

interface TColumnContext {
  indicator: TIndicatorInfo;
  parentCode: string;
  t: TTranslate;
  language: TLanguage;
}

type TCell = {
  render(row: TAnalyticsRow): ReactNode;
  sortValue?(row: TAnalyticsRow): number | string | null;
};

function cells({ indicator, parentCode, t, language }: TColumnContext): Record<TColumnId, TCell> {
  const yesNo = (value: boolean | null) =>
    value === null ? '—' : t(value ? 'indicator.yes' : 'indicator.no');
  return {
    orgUnit: {
      render: (row) =>
        row.orgUnit === parentCode ? (
          <Typography.Text strong>{t('indicator.total', { name: localName(row, language) })}</Typography.Text>
        ) : (
          localName(row, language)
        ),
      sortValue: (row) => row.orgUnit,
    },
    value: { render: (row) => formatValue(row.value, indicator, language), sortValue: (row) => row.value },
    numerator: { render: (row) => formatCount(row.numerator, language), sortValue: (row) => row.numerator },
    denominator: {
      render: (row) => formatCount(row.denominator, language),
      sortValue: (row) => row.denominator,
    },
    ci95: {
      render: (row) => formatInterval(row.ci95, indicator, language),
      sortValue: (row) => row.ci95?.[0] ?? null,
    },
    previous: {
      render: (row) => formatValue(row.previous.value, indicator, language),
      sortValue: (row) => row.previous.value,
    },
    change: {
      render: (row) => describeChange(row.change, indicator, t, language),
      sortValue: (row) => row.change,
    },
    pValue: { render: (row) => formatPValue(row.pValue), sortValue: (row) => row.pValue },
    significant: {
      render: (row) => <SignificanceMark row={row} />,
      sortValue: (row) => (row.significant === null ? null : Number(row.significant)),
    },
    rank: {
      render: (row) => (row.orgUnit === parentCode ? '' : (row.rank ?? '—')),
      sortValue: (row) => row.rank,
    },
    aboveParent: {
      render: (row) => (row.orgUnit === parentCode ? '' : yesNo(row.aboveParentAverage)),
      sortValue: (row) => (row.aboveParentAverage === null ? null : Number(row.aboveParentAverage)),
    },
    direction: {
      render: (row) => <DirectionTag direction={row.direction} />,
      sortValue: (row) => row.direction,
    },
    target: {
      render: (row) => (row.target ? <TargetStatusTag status={row.target.status} /> : '—'),
      sortValue: (row) => row.target?.status ?? null,
    },
    probability: {
      render: (row) => formatProbability(row.target?.probability),
      sortValue: (row) => row.target?.probability ?? null,
    },
    forecast: {
      render: (row) => {
        const forecast = row.target?.forecast;
        if (!forecast || forecast.value === null) return '—';
        const interval = forecast.ci80 ? ` (${formatInterval(forecast.ci80, indicator, language)})` : '';
        return `${formatValue(forecast.value, indicator, language)}${interval}`;
      },
      sortValue: (row) => row.target?.forecast?.value ?? null,
    },
  };
}

/** Missing values sort last in either order; the parent row stays on top. */
function compareRows(cell: TCell, parentCode: string) {
  return (a: TAnalyticsRow, b: TAnalyticsRow, order?: 'ascend' | 'descend' | null) => {
    const flip = order === 'descend' ? -1 : 1;
    if (a.orgUnit === parentCode) return -flip;
    if (b.orgUnit === parentCode) return flip;
    const x = cell.sortValue?.(a) ?? null;
    const y = cell.sortValue?.(b) ?? null;
    if (x === null || y === null) return x === y ? 0 : (x === null ? 1 : -1) * flip;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  };
}

/** antd columns for `ids`, each sortable, with a plain-language tooltip on the header where one exists. */
export function buildColumns(
  ids: readonly TColumnId[],
  context: TColumnContext,
): ColumnType<TAnalyticsRow>[] {
  const all = cells(context);
  return ids.map((id) => {
    const cell = all[id];
    const tip = TIPS[id];
    const label = context.t(`indicator.col.${id}`);
    return {
      key: id,
      title: tip ? (
        <Space size={4}>
          {label}
          <Tooltip title={context.t(tip)}>
            <QuestionCircleOutlined style={{ color: '#8c8c8c' }} />
          </Tooltip>
        </Space>
      ) : (
        label
      ),
      render: (_value: unknown, row: TAnalyticsRow) => cell.render(row),
      sorter: cell.sortValue ? compareRows(cell, context.parentCode) : false,
      onCell: () => ({ 'data-col': id }) as HTMLAttributes<HTMLElement>,
      align:
        id === 'orgUnit' || id === 'target' || id === 'direction' || id === 'significant' ? 'left' : 'right',
    };
  });
}
