import { Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { TLanguage, TMessageParams } from '../i18n/messages.js';
import type { TMessageKey } from '../i18n/zh-CN.js';
import { parsePeriodId, pickablePeriods, type TPeriodType, type TPickerPeriod } from '../periods.js';

/** How a period reads in the UI: "2026年9月" / "September 2026", "2026年第39周" / "Week 39, 2026". */
export function periodLabel(
  period: TPickerPeriod,
  t: (key: TMessageKey, params?: TMessageParams) => string,
  language: TLanguage,
): string {
  const { year, index } = period;
  switch (period.type) {
    case 'Weekly':
      return t('period.week', { year, week: index });
    case 'Monthly': {
      const monthName = new Date(Date.UTC(year, index - 1, 1)).toLocaleString(language, {
        month: 'long',
        timeZone: 'UTC',
      });
      return t('period.month', { year, month: index, monthName });
    }
    case 'Quarterly':
      return t('period.quarter', { year, quarter: index });
    case 'Yearly':
      return t('period.year', { year });
  }
}

const YEARS_BACK = 10;

/** A year and a period of `periodType` in it; emits the DHIS2 period id. */
export function PeriodPicker({
  periodType,
  value,
  onChange,
}: {
  periodType: TPeriodType;
  value: string | undefined;
  onChange(period: string | undefined): void;
}) {
  const { t, language } = useI18n();
  const today = new Date().toISOString().slice(0, 10);
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(() => parsePeriodId(value ?? '')?.year ?? thisYear);
  const periods = pickablePeriods(periodType, year, today);
  const years = Array.from({ length: YEARS_BACK }, (_, i) => thisYear - i);
  if (periodType === 'Yearly') {
    return (
      <Select
        data-testid="period-select"
        style={{ width: 140 }}
        placeholder={t('entry.period')}
        value={value && parsePeriodId(value)?.type === 'Yearly' ? value : undefined}
        options={years.map((y) => ({ value: String(y), label: t('period.year', { year: y }) }))}
        onChange={(next: string) => onChange(next)}
      />
    );
  }
  return (
    <Space.Compact>
      <Select
        data-testid="period-year"
        style={{ width: 100 }}
        value={year}
        options={years.map((y) => ({ value: y, label: String(y) }))}
        onChange={(next: number) => {
          setYear(next);
          onChange(undefined);
        }}
      />
      <Select
        data-testid="period-select"
        style={{ width: 180 }}
        showSearch
        optionFilterProp="label"
        placeholder={t('entry.period')}
        value={value && parsePeriodId(value)?.type === periodType ? value : undefined}
        options={periods.map((period) => ({ value: period.id, label: periodLabel(period, t, language) }))}
        onChange={(next: string) => onChange(next)}
      />
    </Space.Compact>
  );
}
