/**
 * How analytics numbers read in the UI (pure, tested): values with the indicator's decimals and
 * unit, a change in the glossary's register (千分点 / 百分点 for ‰ / % indicators), p-values,
 * probabilities, intervals and what significance means in plain words.
 */
import type { TAnalyticsRow, TIndicatorInfo } from '../../api/analytics.js';
import type { TLanguage, TMessageParams } from '../../i18n/messages.js';
import type { TMessageKey } from '../../i18n/zh-CN.js';

/** The catalog lookup the formatters need. */
export type TTranslate = (key: TMessageKey, params?: TMessageParams) => string;

/** What the indicator's indicator info needs for formatting. */
export type TFormatIndicator = Pick<TIndicatorInfo, 'unit' | 'decimals'>;

const DASH = '—';

/** `value` with `decimals` fixed digits and the locale's grouping; '—' when missing. */
export function formatNumber(
  value: number | null | undefined,
  decimals: number,
  language: TLanguage,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** The value with the indicator's decimals and unit: "11.84‰", "105.3"; '—' when missing. */
export function formatValue(
  value: number | null | undefined,
  indicator: TFormatIndicator,
  language: TLanguage,
): string {
  const text = formatNumber(value, indicator.decimals, language);
  return text === DASH || !indicator.unit ? text : `${text}${indicator.unit}`;
}

/** A 95% (or 80%) interval as "11.2–12.5" in the indicator's decimals; '—' when missing. */
export function formatInterval(
  interval: readonly [number, number] | null | undefined,
  indicator: TFormatIndicator,
  language: TLanguage,
): string {
  if (!interval) return DASH;
  const [low, high] = interval;
  return `${formatNumber(low, indicator.decimals, language)}–${formatNumber(high, indicator.decimals, language)}`;
}

/** How a change of this indicator is counted: per-mille points, percentage points or its own unit. */
export function changeRegister(unit: string | null): 'perMille' | 'percent' | 'plain' {
  if (unit === '‰') return 'perMille';
  if (unit === '%') return 'percent';
  return 'plain';
}

/**
 * A change against last year in words: "下降0.15个千分点" / "down 0.15 points per mille",
 * "上升1.20个百分点" / "up 1.20 percentage points", "持平" / "unchanged" when it rounds to zero.
 */
export function describeChange(
  change: number | null | undefined,
  indicator: TFormatIndicator,
  t: TTranslate,
  language: TLanguage,
): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return DASH;
  // A change that rounds to zero at the shown decimals reads as unchanged, not "down 0.00".
  if (Math.abs(change) < 0.5 * 10 ** -indicator.decimals) return t('indicator.change.flat');
  const amount = formatNumber(Math.abs(change), indicator.decimals, language);
  const register = changeRegister(indicator.unit);
  const key: TMessageKey =
    change > 0 ? `indicator.change.up.${register}` : `indicator.change.down.${register}`;
  return t(key, { amount });
}

/** A count (numerator, denominator) with grouping; one decimal when it is not whole. */
export function formatCount(value: number | null | undefined, language: TLanguage): string {
  if (value === null || value === undefined) return DASH;
  return formatNumber(value, Number.isInteger(value) ? 0 : 1, language);
}

/** A p-value as "0.042" or "<0.001"; '—' when missing. */
export function formatPValue(pValue: number | null | undefined): string {
  if (pValue === null || pValue === undefined) return DASH;
  return pValue < 0.001 ? '<0.001' : pValue.toFixed(3);
}

/** A probability as a whole percentage, "85%"; '—' when missing. */
export function formatProbability(probability: number | null | undefined): string {
  if (probability === null || probability === undefined) return DASH;
  return `${Math.round(probability * 100)}%`;
}

/** Short significance label: "差异显著" / "significant", "差异无统计学意义" / "not significant", or ''. */
export function significanceLabel(significant: boolean | null, t: TTranslate): string {
  if (significant === null) return '';
  return t(significant ? 'indicator.significant' : 'indicator.notSignificant');
}

/** The plain-language explanation of a row's significance (a tooltip), with its p-value. */
export function significanceExplanation(
  row: Pick<TAnalyticsRow, 'significant' | 'pValue'>,
  t: TTranslate,
): string {
  if (row.significant === null) return t('indicator.tip.noTest');
  const key: TMessageKey = row.significant ? 'indicator.tip.significant' : 'indicator.tip.notSignificant';
  return t(key, { p: formatPValue(row.pValue) });
}
