/**
 * The analytics answers: one indicator for an org unit and its children (or any level below),
 * every indicator at once (overview), and a monthly series against the previous year.
 */
import { AppError, notFound } from '../../core/errors.js';
import { type Period, parsePeriod, samePeriodLastYear } from '../../core/periods/index.js';
import type { Queryable } from '../../store/db.js';
import { CLI_PRINCIPAL, type Principal } from '../auth/principal.js';
import { assertOrgUnitsInScope } from '../auth/scope.js';
import type {
  TAnalyticsAnswer,
  TAnalyticsQuery,
  TOverviewAnswer,
  TOverviewQuery,
} from './analytics.schema.js';
import { cachedAnswer } from './analytics-cache.js';
import { loadAnalyticsCatalog, type TAnalyticsCatalog, type TParsedIndicator } from './analytics-catalog.js';
import {
  findIndicator,
  findOrgUnit,
  listDescendants,
  listTargets,
  type TOrgUnitRow,
} from './analytics-metadata.repository.js';
import { presentRow, rankRows } from './analytics-rows.js';
import { evaluateTargets } from './indicator-target.js';
import { evaluateIndicator, rangeOf, type TValueCache, yearShare } from './indicator-values.js';
import type { TValueSource } from './item-values.js';

export interface TAnalyticsOptions {
  /**
   * Who asks: an org unit outside its scope is FORBIDDEN (its children are then inside too).
   * Routes always pass it; default the CLI operator (everything).
   */
  principal?: Principal;
  /** Today's date (ISO), for target statuses; defaults to the clock. */
  today?: string;
  /** Read raw values only (the benchmark's and the tests' reference). */
  from?: TValueSource;
  /** Reuse an answer computed at the same data version (default true; the benchmark turns it off). */
  cache?: boolean;
}

interface TScope {
  parent: TOrgUnitRow;
  rows: TOrgUnitRow[];
  period: Period;
  ytd: boolean;
}

/**
 * The indicator analytics answer for `query`; NOT_FOUND for an unknown indicator or org unit,
 * FORBIDDEN for an org unit outside the principal's scope.
 */
export async function getIndicatorAnalytics(
  db: Queryable,
  query: TAnalyticsQuery,
  options: TAnalyticsOptions = {},
): Promise<TAnalyticsAnswer> {
  await assertOrgUnitReadable(db, options.principal, query.orgUnit);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const key = JSON.stringify(['indicator', query, today, options.from ?? 'aggregate']);
  if (options.cache === false) return computeIndicatorAnalytics(db, query, { ...options, today });
  return cachedAnswer(db, key, () => computeIndicatorAnalytics(db, query, { ...options, today }));
}

async function computeIndicatorAnalytics(
  db: Queryable,
  query: TAnalyticsQuery,
  options: TAnalyticsOptions,
): Promise<TAnalyticsAnswer> {
  if (!(await findIndicator(db, query.indicator))) throw notFound('indicator', query.indicator);
  const scope = await resolveScope(db, query);
  const catalog = await loadAnalyticsCatalog(db, query.indicator);
  const indicator = catalog.indicators[0];
  if (!indicator) throw notFound('indicator', query.indicator);
  const answer = await analyseIndicator(db, catalog, indicator, scope, new Map(), options);
  return { ...answer, period: periodInfo(scope) };
}

/**
 * Every indicator for the org unit and its children (or `level`) in one answer; FORBIDDEN for an
 * org unit outside the principal's scope.
 */
export async function getAnalyticsOverview(
  db: Queryable,
  query: TOverviewQuery,
  options: TAnalyticsOptions = {},
): Promise<TOverviewAnswer> {
  await assertOrgUnitReadable(db, options.principal, query.orgUnit);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const key = JSON.stringify(['overview', query, today, options.from ?? 'aggregate']);
  if (options.cache === false) return computeOverview(db, query, { ...options, today });
  return cachedAnswer(db, key, () => computeOverview(db, query, { ...options, today }));
}

async function computeOverview(
  db: Queryable,
  query: TOverviewQuery,
  options: TAnalyticsOptions,
): Promise<TOverviewAnswer> {
  const scope = await resolveScope(db, query);
  const catalog = await loadAnalyticsCatalog(db);
  const cache: TValueCache = new Map();
  // Indicators are analysed concurrently; items they share are read once through `cache`.
  const indicators = await Promise.all(
    catalog.indicators.map((indicator) => analyseIndicator(db, catalog, indicator, scope, cache, options)),
  );
  return { period: periodInfo(scope), indicators };
}

/**
 * Resolves when `principal` may read the data of the org unit `code` (or the unit is unknown:
 * NOT_FOUND follows); FORBIDDEN otherwise. Units below an in-scope unit are in scope too.
 */
export async function assertOrgUnitReadable(
  db: Queryable,
  principal: Principal | undefined,
  code: string,
): Promise<void> {
  const reader = principal ?? CLI_PRINCIPAL;
  if (reader.scope === 'ALL') return;
  const unit = await findOrgUnit(db, code);
  if (unit) await assertOrgUnitsInScope(db, reader, [unit.id]);
}

async function resolveScope(db: Queryable, query: TOverviewQuery): Promise<TScope> {
  const parent = await findOrgUnit(db, query.orgUnit);
  if (!parent) throw notFound('org unit', query.orgUnit);
  const period = parsePeriod(query.period);
  const depth = query.level === 'self' ? 0 : query.level === 'children' ? 1 : query.level;
  const rows = depth === 0 ? [parent] : await listDescendants(db, parent.id, depth);
  return { parent, rows, period, ytd: query.ytd };
}

function periodInfo(scope: TScope) {
  const range = rangeOf(scope.period, scope.ytd);
  return { id: scope.period.id, start: range.start, end: range.end, ytd: scope.ytd };
}

async function analyseIndicator(
  db: Queryable,
  catalog: TAnalyticsCatalog,
  indicator: TParsedIndicator,
  scope: TScope,
  cache: TValueCache,
  options: TAnalyticsOptions,
): Promise<Omit<TAnalyticsAnswer, 'period'>> {
  const units = uniqueUnits([scope.parent, ...scope.rows]);
  const ids = units.map((unit) => unit.id);
  const from = options.from ?? 'aggregate';
  const previousPeriod = samePeriodLastYear(scope.period);
  const range = rangeOf(scope.period, scope.ytd);
  const year = Number(range.end.slice(0, 4));
  const [current, previous, targets] = await Promise.all([
    evaluateIndicator(db, catalog, indicator, ids, { period: scope.period, ytd: scope.ytd, from, cache }),
    evaluateIndicator(db, catalog, indicator, ids, { period: previousPeriod, ytd: scope.ytd, from, cache }),
    listTargets(db, [indicator.id], ids, year),
  ]);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const context = { db, catalog, indicator, rangeEnd: range.end, today, parentId: scope.parent.id, cache };
  const targetAnswers = await evaluateTargets(context, targets);
  const parentRule = targets.find((target) => target.orgUnitId === scope.parent.id) ?? null;
  const shares = { current: yearShare(range), previous: yearShare(rangeOf(previousPeriod, scope.ytd)) };
  const present = (unit: TOrgUnitRow) => {
    const own = targets.find((target) => target.orgUnitId === unit.id) ?? null;
    const input = {
      orgUnit: unit,
      current: current.get(unit.id),
      previous: previous.get(unit.id),
      target: targetAnswers.get(unit.id) ?? null,
      rule: own ?? parentRule,
    };
    return presentRow(indicator, input, shares);
  };
  const parent = present(scope.parent);
  const rows = scope.rows.map(present);
  if (scope.rows.length > 1 || scope.rows[0]?.id !== scope.parent.id) rankRows(rows, parent.value);
  return { indicator: indicatorInfo(indicator), parent, rows };
}

function uniqueUnits(units: TOrgUnitRow[]): TOrgUnitRow[] {
  return [...new Map(units.map((unit) => [unit.id, unit])).values()];
}

function indicatorInfo(indicator: TParsedIndicator) {
  const { code, name, nameEn, kind, factor, unit, decimals } = indicator;
  return { code, name, nameEn, kind, factor, unit, decimals };
}

/** Thrown for a series whose range runs backwards or longer than ten years. */
export function invalidSeriesRange(from: string, to: string): AppError {
  return new AppError(
    'BAD_REQUEST',
    `series range ${from}..${to} must run forwards and span at most 120 months`,
    { from, to },
  );
}
