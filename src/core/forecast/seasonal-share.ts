/** The share of a year's total that its first k months held in past years. */
export interface TShare {
  /** Mean share after shrinkage (1 when the year is complete). */
  mean: number;
  /** Year-to-year standard deviation of the share, inflated for the estimate's own error. */
  sd: number;
  /** Mean annual total of past years (the forecast when no month has elapsed). */
  expectedTotal: number;
  /** How many past years the unit's own pattern rests on. */
  years: number;
  /** Weight of the unit's own pattern against the parent's (0–1). */
  weight: number;
}

// Annual events at which a unit's own seasonal pattern and its parent's weigh equally.
const SHRINKAGE_EVENTS = 400;
// Share sd when there is no history at all (months are then assumed equal).
const FALLBACK_SD = 0.05;

function sharesOf(
  history: readonly (readonly number[])[],
  months: number,
): { shares: number[]; totals: number[] } {
  const shares: number[] = [];
  const totals: number[] = [];
  for (const year of history) {
    const total = year.reduce((a, b) => a + b, 0);
    if (year.length !== 12 || !(total > 0)) continue;
    shares.push(year.slice(0, months).reduce((a, b) => a + b, 0) / total);
    totals.push(total);
  }
  return { shares, totals };
}

function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance =
    values.length > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * The seasonal share of the first `months` months: the unit's own past years, shrunk toward
 * the parent's by weight T/(T + 400) (T = the unit's total events over its past years); with no
 * usable years, the parent's, else months/12.
 */
export function seasonalShare(
  history: readonly (readonly number[])[],
  months: number,
  parentHistory?: readonly (readonly number[])[],
): TShare {
  const own = sharesOf(history, months);
  const expectedTotal = own.totals.length > 0 ? meanAndSd(own.totals).mean : 0;
  if (months >= 12) return { mean: 1, sd: 0, expectedTotal, years: own.shares.length, weight: 1 };
  const parent = sharesOf(parentHistory ?? [], months);
  const prior =
    parent.shares.length >= 2
      ? meanAndSd(parent.shares)
      : { mean: months / 12, sd: FALLBACK_SD * (own.shares.length > 0 ? 1 : 2) };
  if (own.shares.length === 0) return { ...prior, expectedTotal, years: 0, weight: 0 };
  const ownStats = meanAndSd(own.shares);
  const events = own.totals.reduce((a, b) => a + b, 0);
  const weight = events / (events + SHRINKAGE_EVENTS);
  const n = own.shares.length;
  // Few years estimate the sd poorly: pool with the prior's sd; then add the mean's own error.
  const yearSd = Math.sqrt(((n - 1) * ownStats.sd ** 2 + 2 * prior.sd ** 2) / (n + 1));
  const sd = yearSd * Math.sqrt(1 + 1 / n);
  return {
    mean: weight * ownStats.mean + (1 - weight) * prior.mean,
    sd,
    expectedTotal,
    years: n,
    weight,
  };
}
