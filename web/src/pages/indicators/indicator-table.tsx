import { Table } from 'antd';
import { type HTMLAttributes, useMemo } from 'react';
import type { TAnalyticsRow, TIndicatorInfo } from '../../api/analytics.js';
import { useI18n } from '../../i18n/i18n.js';
import { buildColumns, type TColumnId } from './indicator-columns.js';

const ALL_COLUMNS: TColumnId[] = [
  'orgUnit',
  'value',
  'numerator',
  'denominator',
  'ci95',
  'previous',
  'change',
  'pValue',
  'significant',
  'rank',
  'aboveParent',
  'direction',
  'target',
  'probability',
  'forecast',
];

/**
 * The parent (total, kept on top) and its sub-units with every field of the analytics answer;
 * every column sorts. Clicking a sub-unit's row calls `onSelect` (drill down) when it may.
 */
export function IndicatorTable({
  indicator,
  parent,
  rows,
  columns = ALL_COLUMNS,
  canSelect,
  onSelect,
}: {
  indicator: TIndicatorInfo;
  parent: TAnalyticsRow;
  rows: TAnalyticsRow[];
  columns?: readonly TColumnId[];
  canSelect?: (code: string) => boolean;
  onSelect?: (code: string) => void;
}) {
  const { t, language } = useI18n();
  const tableColumns = useMemo(
    () => buildColumns(columns, { indicator, parentCode: parent.orgUnit, t, language }),
    [columns, indicator, parent.orgUnit, t, language],
  );
  const data = useMemo(
    () => [parent, ...rows.filter((row) => row.orgUnit !== parent.orgUnit)],
    [parent, rows],
  );
  return (
    <Table<TAnalyticsRow>
      data-testid="indicator-table"
      size="small"
      rowKey="orgUnit"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={tableColumns}
      dataSource={data}
      onRow={(row) => {
        const isDrillable = row.orgUnit !== parent.orgUnit && (canSelect?.(row.orgUnit) ?? false);
        return {
          'data-org-unit': row.orgUnit,
          style: isDrillable ? { cursor: 'pointer' } : undefined,
          onClick: isDrillable ? () => onSelect?.(row.orgUnit) : undefined,
        } as HTMLAttributes<HTMLElement>;
      }}
    />
  );
}
