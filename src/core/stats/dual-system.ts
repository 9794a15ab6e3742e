import { type TInterval, zFor } from './intervals.js';

/** A dual-system (capture–recapture) estimate of the true number of events. */
export interface TDualSystemEstimate {
  /** Chapman's estimate of the true total. */
  estimate: number;
  variance: number;
  standardError: number;
  /** Normal interval estimate ± z·SE (recapr `ciChapman`). */
  ci: TInterval;
  /** Lincoln–Petersen / Chandra Sekar–Deming n1·n2/m; Infinity when m = 0. */
  petersen: number;
  /** Share of the true total each source counted (n1/N, n2/N), and both together ((n1+n2−m)/N). */
  completeness: { source1: number; source2: number; combined: number };
  /** Estimated events missed by both sources: N − (n1 + n2 − m). */
  missedByBoth: number;
}

/**
 * Chapman's dual-system estimate from n1 events in source 1, n2 in source 2 and m linked in both,
 * with Seber's variance and a normal interval at `level`.
 */
export function chapmanEstimate(n1: number, n2: number, m: number, level = 0.95): TDualSystemEstimate {
  if (m < 0 || m > n1 || m > n2) throw new RangeError(`matched count ${m} must be between 0 and min(n1, n2)`);
  const estimate = ((n1 + 1) * (n2 + 1)) / (m + 1) - 1;
  const variance = ((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) ** 2 * (m + 2));
  const standardError = Math.sqrt(variance);
  const z = zFor(level);
  const counted = n1 + n2 - m;
  return {
    estimate,
    variance,
    standardError,
    ci: { low: estimate - z * standardError, high: estimate + z * standardError },
    petersen: m === 0 ? Number.POSITIVE_INFINITY : (n1 * n2) / m,
    completeness: {
      source1: estimate > 0 ? n1 / estimate : Number.NaN,
      source2: estimate > 0 ? n2 / estimate : Number.NaN,
      combined: estimate > 0 ? counted / estimate : Number.NaN,
    },
    missedByBoth: estimate - counted,
  };
}
