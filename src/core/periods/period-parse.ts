import { AppError } from '../errors.js';
import { isoWeeksInYear } from './iso-weeks.js';
import { buildPeriod, MAX_PERIOD_YEAR, MIN_PERIOD_YEAR, periodIdOf, periodPosition } from './period-build.js';
import type { Period, PeriodType } from './period-types.js';

const EXPECTED = 'expected 2026, 2026Q3, 202609, 2026-09 or 2026W39';

// One pattern per period type; the digits are checked for range after the match.
const PATTERNS: ReadonlyArray<{ type: PeriodType; pattern: RegExp }> = [
  { type: 'Yearly', pattern: /^(\d{4})$/ },
  { type: 'Quarterly', pattern: /^(\d{4})Q(\d)$/ },
  { type: 'Monthly', pattern: /^(\d{4})-?(\d{2})$/ },
  { type: 'Weekly', pattern: /^(\d{4})W(\d{1,2})$/ },
];

/**
 * The period a DHIS2 id names, with its canonical id (`2026-09` → `202609`, `2026W01` → `2026W1`).
 * Throws INVALID_PERIOD with a message saying what is wrong.
 */
export function parsePeriod(id: string): Period {
  for (const { type, pattern } of PATTERNS) {
    const match = pattern.exec(id);
    if (!match) continue;
    const year = Number(match[1]);
    const index = match[2] === undefined ? 1 : Number(match[2]);
    checkYear(id, year);
    checkIndex(id, type, year, index);
    return buildPeriod(type, year, index);
  }
  throw invalid(id, `not a DHIS2 period id (${EXPECTED})`);
}

/** The period a DHIS2 id names, or undefined when the id is not valid. */
export function tryParsePeriod(id: string): Period | undefined {
  try {
    return parsePeriod(id);
  } catch {
    return undefined;
  }
}

/** True when `id` is a valid DHIS2 id of a supported period type (canonical or not). */
export function isPeriodId(id: string): boolean {
  return tryParsePeriod(id) !== undefined;
}

/** The period type an id names; throws INVALID_PERIOD like parsePeriod. */
export function periodTypeOf(id: string): PeriodType {
  return parsePeriod(id).type;
}

/** The canonical DHIS2 id of a period, derived from its type and start date (not its `id` field). */
export function formatPeriod(period: Pick<Period, 'type' | 'start'>): string {
  const { year, index } = periodPosition(period);
  return periodIdOf(period.type, year, index);
}

function checkYear(id: string, year: number): void {
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    throw invalid(id, `year must be ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR}`);
  }
}

function checkIndex(id: string, type: PeriodType, year: number, index: number): void {
  switch (type) {
    case 'Yearly':
      return;
    case 'Quarterly':
      if (index < 1 || index > 4) throw invalid(id, 'quarter must be 1–4');
      return;
    case 'Monthly':
      if (index < 1 || index > 12) throw invalid(id, 'month must be 01–12');
      return;
    case 'Weekly': {
      const weeks = isoWeeksInYear(year);
      if (index < 1 || index > weeks)
        throw invalid(id, `week must be 1–${weeks}: ${year} has ${weeks} ISO weeks`);
      return;
    }
  }
}

function invalid(id: string, reason: string): AppError {
  return new AppError('INVALID_PERIOD', `"${id}": ${reason}`, { period: id });
}
