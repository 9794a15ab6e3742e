import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import type { TFormValue } from '../api/data-values.js';
import type { TDataSetDetail, TOptionCombo } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { EntryCell, type TCellInitial } from './entry-cell.js';
import { localName } from './local-name.js';

type TElement = TDataSetDetail['dataElements'][number];

/** Elements grouped by their disaggregation, so that each group shares one row of column heads. */
export function groupByCombos(elements: TElement[]): { combos: TOptionCombo[]; elements: TElement[] }[] {
  const groups = new Map<string, { combos: TOptionCombo[]; elements: TElement[] }>();
  for (const element of elements) {
    const signature = element.optionCombos.map((combo) => combo.code).join('|');
    const group = groups.get(signature) ?? { combos: element.optionCombos, elements: [] };
    group.elements.push(element);
    groups.set(signature, group);
  }
  return [...groups.values()];
}

const EMPTY_CELL: TCellInitial = { value: '', version: undefined };

/** The key of a value in the grid's lookup. */
export function valueLookupKey(dataElement: string, combo: string, source: string): string {
  return `${dataElement}|${combo}|${source}`;
}

/**
 * The entry grid of one data set, org unit, period and source: elements × option combos. With
 * `readOnlyReason` (approved or locked) every field is disabled with that reason as its tooltip.
 */
export function EntryGrid({
  dataSet,
  orgUnit,
  period,
  source,
  values,
  readOnlyReason,
}: {
  dataSet: TDataSetDetail;
  orgUnit: string;
  period: string;
  source: string;
  values: TFormValue[];
  readOnlyReason?: string | undefined;
}) {
  const { t, language } = useI18n();
  const lookup = new Map<string, TCellInitial>(
    values.map((v) => [
      valueLookupKey(v.dataElement, v.categoryOptionCombo, v.attributeOptionCombo),
      { value: v.value, version: v.version },
    ]),
  );
  return (
    <>
      {groupByCombos(dataSet.dataElements).map((group) => {
        const columns: ColumnsType<TElement> = [
          {
            title: t('entry.dataElement'),
            key: 'element',
            width: 220,
            render: (_, element) => (
              <span>
                {localName(element, language)}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {element.code}
                </Typography.Text>
              </span>
            ),
          },
          ...group.combos.map((combo) => ({
            title: combo.code === 'default' ? t('import.value') : localName(combo, language),
            key: combo.code,
            // Top-aligned so that a status line under one field does not shift its neighbours.
            onCell: () => ({ style: { verticalAlign: 'top' as const } }),
            render: (_: unknown, element: TElement) => {
              const key = {
                dataElement: element.code,
                categoryOptionCombo: combo.code,
                attributeOptionCombo: source,
              };
              return (
                <EntryCell
                  valueKey={{ ...key, period, orgUnit }}
                  initial={lookup.get(valueLookupKey(element.code, combo.code, source)) ?? EMPTY_CELL}
                  dataSet={dataSet.code}
                  label={`${localName(element, language)} ${localName(combo, language)}`}
                  readOnlyReason={readOnlyReason}
                />
              );
            },
          })),
        ];
        return (
          <Table
            key={group.combos.map((combo) => combo.code).join('|')}
            style={{ marginBottom: 16 }}
            rowKey="code"
            size="small"
            bordered
            pagination={false}
            dataSource={group.elements}
            columns={columns}
          />
        );
      })}
    </>
  );
}
