import { Breadcrumb, Space, Switch, Typography } from 'antd';
import { getOrgUnit, listOrgUnits } from '../../api/metadata.js';
import { useApi } from '../../api/use-api.js';
import { localName } from '../../components/local-name.js';
import { PeriodPicker } from '../../components/period-picker.js';
import { useI18n } from '../../i18n/i18n.js';
import { parsePeriodId } from '../../periods.js';
import type { TSelection } from './use-analytics-selection.js';

/** "2026年1—10月累计" / "January–October 2026", or the single month. */
export function usePeriodText(selection: TSelection): string {
  const { t, language } = useI18n();
  const period = parsePeriodId(selection.period);
  if (period?.type !== 'Monthly') return selection.period;
  const name = new Date(Date.UTC(period.year, period.index - 1, 1)).toLocaleString(language, {
    month: 'long',
    timeZone: 'UTC',
  });
  const month = language === 'en' ? name : period.index;
  return t(selection.ytd ? 'dashboard.periodYtd' : 'dashboard.periodMonth', { year: period.year, month });
}

/** The org units one can drill into below `orgUnit`: its children that have children. */
export function useDrillableChildren(orgUnit: string | undefined): Set<string> {
  const children = useApi((signal) => listOrgUnits(orgUnit, signal), [orgUnit], Boolean(orgUnit));
  return new Set((children.data ?? []).filter((unit) => unit.childCount > 0).map((unit) => unit.code));
}

/** The path from the root to the selected unit (each step goes back up), the period and the YTD switch. */
export function SelectionBar({
  selection,
  onOrgUnit,
  onPeriod,
}: {
  selection: TSelection;
  onOrgUnit(code: string): void;
  onPeriod(changes: { period?: string; ytd?: boolean }): void;
}) {
  const { t, language } = useI18n();
  const { orgUnit } = selection;
  const detail = useApi((signal) => getOrgUnit(orgUnit ?? '', signal), [orgUnit], Boolean(orgUnit));
  const path = detail.data ? [...detail.data.ancestors, detail.data] : [];
  const periodText = usePeriodText(selection);
  return (
    <Space wrap size="large" style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
      <Breadcrumb
        data-testid="drill-breadcrumb"
        items={path.map((unit, index) => ({
          key: unit.code,
          title:
            index === path.length - 1 ? (
              <Typography.Text strong>{localName(unit, language)}</Typography.Text>
            ) : (
              <a
                href={`?orgUnit=${unit.code}`}
                onClick={(event) => {
                  event.preventDefault();
                  onOrgUnit(unit.code);
                }}
              >
                {localName(unit, language)}
              </a>
            ),
        }))}
      />
      <Space wrap>
        <Typography.Text type="secondary" data-testid="period-text">
          {periodText}
        </Typography.Text>
        <PeriodPicker
          periodType="Monthly"
          value={selection.period}
          onChange={(period) => period && onPeriod({ period })}
        />
        <Space>
          <Switch data-testid="ytd-switch" checked={selection.ytd} onChange={(ytd) => onPeriod({ ytd })} />
          <span>{t('dashboard.ytd')}</span>
        </Space>
      </Space>
    </Space>
  );
}
