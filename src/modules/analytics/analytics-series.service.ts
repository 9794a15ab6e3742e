/** Monthly series of one indicator for one org unit, each month beside the same month a year earlier. */
import { notFound } from '../../core/errors.js';
import type { Queryable } from '../../store/db.js';
import type { Principal } from '../auth/principal.js';
import type { TSeriesAnswer, TSeriesQuery } from './analytics.schema.js';
import { assertOrgUnitReadable, invalidSeriesRange } from './analytics.service.js';
import { loadAnalyticsCatalog } from './analytics-catalog.js';
import { findOrgUnit } from './analytics-metadata.repository.js';
import { daysBetween, monthEnd } from './month-split.js';
import { loadMonthlyExpression, monthsBetween, shiftMonth } from './monthly-series.js';

const toMonth = (id: string): string => `${id.slice(0, 4)}-${id.slice(4, 6)}`;

/**
 * The series answer; rates are annualised per month (× days in year / days in month). FORBIDDEN
 * for an org unit outside the principal's scope (routes pass it; default the CLI operator).
 */
export async function getAnalyticsSeries(
  db: Queryable,
  query: TSeriesQuery,
  options: { principal?: Principal } = {},
): Promise<TSeriesAnswer> {
  await assertOrgUnitReadable(db, options.principal, query.orgUnit);
  const first = toMonth(query.from);
  const last = toMonth(query.to);
  const months = monthsBetween(first, last);
  if (first > last || months.length > 120) throw invalidSeriesRange(query.from, query.to);
  const orgUnit = await findOrgUnit(db, query.orgUnit);
  if (!orgUnit) throw notFound('org unit', query.orgUnit);
  const catalog = await loadAnalyticsCatalog(db, query.indicator);
  const indicator = catalog.indicators[0];
  if (!indicator) throw notFound('indicator', query.indicator);
  const load = (node: typeof indicator.numeratorNode) =>
    loadMonthlyExpression(db, catalog, node, [orgUnit.id], shiftMonth(first, -12), last);
  const numerators = (await load(indicator.numeratorNode)).get(orgUnit.id);
  const denominators = (await load(indicator.denominatorNode)).get(orgUnit.id);
  const triple = (month: string) => {
    const numerator = numerators?.get(month) ?? null;
    const denominator = denominators?.get(month) ?? null;
    const start = `${month}-01`;
    const year = month.slice(0, 4);
    const annualise =
      indicator.kind === 'rate'
        ? daysBetween(`${year}-01-01`, `${year}-12-31`) / daysBetween(start, monthEnd(start))
        : 1;
    const value =
      numerator === null || denominator === null || denominator === 0
        ? null
        : (numerator / denominator) * indicator.factor * annualise;
    return { value, numerator, denominator };
  };
  const { code, name, nameEn, kind, factor, unit, decimals } = indicator;
  return {
    indicator: { code, name, nameEn, kind, factor, unit, decimals },
    orgUnit: { code: orgUnit.code, name: orgUnit.name, nameEn: orgUnit.nameEn },
    points: months.map((month) => ({
      month: month.replace('-', ''),
      ...triple(month),
      previous: triple(shiftMonth(month, -12)),
    })),
  };
}
