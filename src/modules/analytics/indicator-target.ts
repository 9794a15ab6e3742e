/**
 * Target status of each org unit that has a target for the year: a closed year is judged on its
 * final value; the current year on the probability, from the year-end forecast of the indicator's
 * numerator (and of a count denominator), that the rule holds at year end.
 */
import {
  closedYearStatus,
  forecastLevelYearEnd,
  forecastYearEnd,
  openYearStatus,
  quantile,
  type TForecastInput,
  targetCondition,
} from '../../core/forecast/index.js';
import { parsePeriod } from '../../core/periods/index.js';
import type { Queryable } from '../../store/db.js';
import type { TTargetAnswer } from './analytics.schema.js';
import type { TAnalyticsCatalog, TParsedIndicator } from './analytics-catalog.js';
import type { TTargetRow } from './analytics-metadata.repository.js';
import { memoizedOutcome } from './forecast-outcome-memo.js';
import { evaluateIndicator, type TValueCache } from './indicator-values.js';
import { monthEnd } from './month-split.js';
import {
  isCountDenominator,
  isCountNumerator,
  loadMonthlyExpression,
  monthsBetween,
  type TMonthlyValues,
} from './monthly-series.js';

/** How many past years the seasonal pattern is learnt from. */
export const HISTORY_YEARS = 5;

export interface TTargetContext {
  db: Queryable;
  catalog: TAnalyticsCatalog;
  indicator: TParsedIndicator;
  /** Last day of the queried range; the forecast starts from the complete months up to it. */
  rangeEnd: string;
  /** Today's date (ISO); data after it does not exist yet. */
  today: string;
  parentId: number;
  cache: TValueCache;
}

/** Complete months of `year` up to `date` (0–12). */
export function completeMonths(year: number, date: string): number {
  if (date < `${year}-01-01`) return 0;
  if (date > `${year}-12-31`) return 12;
  const month = Number(date.slice(5, 7));
  return date === monthEnd(date) ? month : month - 1;
}

/** Target answers by org unit id for the given targets. */
export async function evaluateTargets(
  context: TTargetContext,
  targets: readonly TTargetRow[],
): Promise<Map<number, TTargetAnswer>> {
  const answers = new Map<number, TTargetAnswer>();
  if (targets.length === 0) return answers;
  const { db, catalog, indicator, cache } = context;
  const year = Number(context.rangeEnd.slice(0, 4));
  const orgUnitIds = targets.map((target) => target.orgUnitId);
  const closed = context.today > `${year}-12-31`;
  const [thisYear, lastYear, series] = await Promise.all([
    evaluateIndicator(db, catalog, indicator, orgUnitIds, {
      period: parsePeriod(String(year)),
      ytd: false,
      cache,
    }),
    evaluateIndicator(db, catalog, indicator, orgUnitIds, {
      period: parsePeriod(String(year - 1)),
      ytd: false,
      cache,
    }),
    closed ? null : loadSeries(context, year, [...orgUnitIds, context.parentId]),
  ]);
  const months = Math.min(completeMonths(year, context.rangeEnd), completeMonths(year, context.today));
  for (const target of targets) {
    const previousYearValue = lastYear.get(target.orgUnitId)?.value ?? null;
    const condition = targetCondition(target, previousYearValue);
    const base = { rule: target.rule, threshold: target.threshold, year, previousYearValue };
    const final = thisYear.get(target.orgUnitId);
    if (!condition) {
      answers.set(target.orgUnitId, { ...base, status: 'UNKNOWN', probability: null, forecast: null });
    } else if (closed || !series) {
      const value = final?.value ?? null;
      const met = value !== null && condition(value);
      answers.set(target.orgUnitId, {
        ...base,
        status: value === null ? 'UNKNOWN' : closedYearStatus(met),
        probability: value === null ? null : met ? 1 : 0,
        forecast: null,
      });
    } else {
      const simulation = simulationOf(
        context,
        series,
        target.orgUnitId,
        year,
        months,
        final?.denominator ?? null,
      );
      const outcome =
        simulation &&
        memoizedOutcome([simulation, target.rule, target.threshold, previousYearValue], () =>
          outcomeOf(drawsOf(simulation), condition),
        );
      answers.set(
        target.orgUnitId,
        outcome ? { ...base, ...outcome } : { ...base, status: 'UNKNOWN', probability: null, forecast: null },
      );
    }
  }
  return answers;
}

interface TSeries {
  numerator: TMonthlyValues;
  denominator: TMonthlyValues | null;
  /** The numerator is a level (AVERAGE/LAST items), not a count: the year is a mean of months. */
  isLevel: boolean;
}

async function loadSeries(context: TTargetContext, year: number, orgUnitIds: number[]): Promise<TSeries> {
  const { db, catalog, indicator } = context;
  const first = `${year - HISTORY_YEARS}-01`;
  const last = `${year}-12`;
  const isLevel = !isCountNumerator(catalog, indicator);
  const [numerator, denominator] = await Promise.all([
    loadMonthlyExpression(db, catalog, indicator.numeratorNode, orgUnitIds, first, last),
    isLevel || isCountDenominator(catalog, indicator)
      ? loadMonthlyExpression(db, catalog, indicator.denominatorNode, orgUnitIds, first, last)
      : null,
  ]);
  return { numerator, denominator, isLevel };
}

function forecastInputOf(
  values: TMonthlyValues,
  orgUnitId: number,
  parentId: number,
  year: number,
  months: number,
): TForecastInput {
  const yearsOf = (id: number): number[][] => {
    const perMonth = values.get(id);
    const years: number[][] = [];
    for (let y = year - HISTORY_YEARS; y < year; y++) {
      const row = monthsBetween(`${y}-01`, `${y}-12`).map((month) => perMonth?.get(month) ?? null);
      if (row.every((value) => value !== null)) years.push(row as number[]);
    }
    return years;
  };
  const current = monthsBetween(`${year}-01`, `${year}-12`)
    .slice(0, months)
    .map((month) => values.get(orgUnitId)?.get(month) ?? 0);
  return { history: yearsOf(orgUnitId), current, parentHistory: yearsOf(parentId) };
}

/** What one org unit's year-end simulation reads: plain data, so it also keys the outcome memo. */
type TSimulation =
  | { kind: 'level'; history: (number | null)[]; current: (number | null)[] }
  | { kind: 'ratio'; factor: number; numerator: TForecastInput; denominator: TForecastInput }
  | { kind: 'count'; factor: number; numerator: TForecastInput; yearDenominator: number };

/** The simulation of the indicator's year-end value, or null without a denominator. */
function simulationOf(
  context: TTargetContext,
  series: TSeries,
  orgUnitId: number,
  year: number,
  months: number,
  yearDenominator: number | null,
): TSimulation | null {
  const factor = context.indicator.factor;
  if (series.isLevel && series.denominator) {
    const ratio = (month: string): number | null => {
      const n = series.numerator.get(orgUnitId)?.get(month) ?? null;
      const d = series.denominator?.get(orgUnitId)?.get(month) ?? null;
      return n !== null && d !== null && d > 0 ? (n / d) * factor : null;
    };
    return {
      kind: 'level',
      history: monthsBetween(`${year - HISTORY_YEARS}-01`, `${year - 1}-12`).map(ratio),
      current: monthsBetween(`${year}-01`, `${year}-12`).slice(0, months).map(ratio),
    };
  }
  const numerator = forecastInputOf(series.numerator, orgUnitId, context.parentId, year, months);
  if (series.denominator) {
    const denominator = forecastInputOf(series.denominator, orgUnitId, context.parentId, year, months);
    return { kind: 'ratio', factor, numerator, denominator };
  }
  if (yearDenominator === null || !(yearDenominator > 0)) return null;
  return { kind: 'count', factor, numerator, yearDenominator };
}

/** Simulated year-end indicator values (sorted for 'level' and 'ratio'), or null without any. */
function drawsOf(simulation: TSimulation): number[] | null {
  switch (simulation.kind) {
    case 'level': {
      const draws = forecastLevelYearEnd(simulation);
      return draws ? Array.from(draws) : null;
    }
    case 'ratio': {
      const numerator = forecastYearEnd(simulation.numerator);
      const denominator = forecastYearEnd(simulation.denominator);
      // Both counts follow the same seasonal pattern: pair the sorted draws (comonotone).
      return Array.from(numerator.draws, (n, i) => {
        const d = denominator.draws[i] ?? 0;
        return d > 0 ? (n / d) * simulation.factor : Number.NaN;
      })
        .filter((value) => Number.isFinite(value))
        .sort((a, b) => a - b);
    }
    case 'count':
      return Array.from(
        forecastYearEnd(simulation.numerator).draws,
        (n) => (n / simulation.yearDenominator) * simulation.factor,
      );
  }
}

/** Status, probability and forecast from the draws; null without draws. */
function outcomeOf(
  draws: number[] | null,
  condition: (value: number) => boolean,
): Pick<TTargetAnswer, 'status' | 'probability' | 'forecast'> | null {
  if (!draws) return null;
  const probability = draws.filter(condition).length / draws.length;
  const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
  return {
    status: openYearStatus(probability),
    probability,
    forecast: { value: mean, ci80: [quantile(draws, 0.1), quantile(draws, 0.9)] },
  };
}
