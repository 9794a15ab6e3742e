/**
 * Target rules and statuses (DESIGN "Direction-agnostic targets"): one rule per indicator, org
 * unit and year, judged on the year's value. A closed year is MET or MISSED; the current year is
 * ON_TRACK (p ≥ 0.8), AT_RISK (0.5 ≤ p < 0.8) or OFF_TRACK (p < 0.5), p = P(rule met at year end).
 */
export type TTargetRule =
  | 'BELOW_PREVIOUS_YEAR'
  | 'ABOVE_PREVIOUS_YEAR'
  | 'AT_MOST'
  | 'AT_LEAST'
  | 'CHANGE_BY';
export type TTargetStatus = 'MET' | 'MISSED' | 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'UNKNOWN';
export type TDirection = 'GOOD' | 'BAD' | 'FLAT';

export interface TTargetSpec {
  rule: TTargetRule;
  threshold: number | null;
}

/**
 * The test a year-end value must pass, given last year's value; null when it cannot be judged
 * (no previous value for a relative rule, no threshold for an absolute one).
 */
export function targetCondition(
  spec: TTargetSpec,
  previousYear: number | null,
): ((value: number) => boolean) | null {
  const { rule, threshold } = spec;
  switch (rule) {
    case 'BELOW_PREVIOUS_YEAR':
      return previousYear === null ? null : (value) => value < previousYear;
    case 'ABOVE_PREVIOUS_YEAR':
      return previousYear === null ? null : (value) => value > previousYear;
    case 'AT_MOST':
      return threshold === null ? null : (value) => value <= threshold;
    case 'AT_LEAST':
      return threshold === null ? null : (value) => value >= threshold;
    case 'CHANGE_BY':
      if (threshold === null || previousYear === null) return null;
      // A fall of at least |d| when d < 0, a rise of at least d otherwise.
      return threshold < 0
        ? (value) => value - previousYear <= threshold
        : (value) => value - previousYear >= threshold;
  }
}

/** Which way the rule wants the value to move: -1 down, +1 up. */
export function desiredSign(spec: TTargetSpec): -1 | 1 {
  switch (spec.rule) {
    case 'BELOW_PREVIOUS_YEAR':
    case 'AT_MOST':
      return -1;
    case 'ABOVE_PREVIOUS_YEAR':
    case 'AT_LEAST':
      return 1;
    case 'CHANGE_BY':
      return (spec.threshold ?? 0) < 0 ? -1 : 1;
  }
}

/** GOOD/BAD when a significant change moves with/against the rule's direction; FLAT when not significant. */
export function directionOf(
  spec: TTargetSpec,
  change: number | null,
  significant: boolean,
): TDirection | null {
  if (change === null) return null;
  if (!significant || change === 0) return 'FLAT';
  return Math.sign(change) === desiredSign(spec) ? 'GOOD' : 'BAD';
}

/** Status of a closed year from its final value. */
export function closedYearStatus(isMet: boolean): TTargetStatus {
  return isMet ? 'MET' : 'MISSED';
}

/** Status of the current year from the probability of meeting the target. */
export function openYearStatus(probability: number): TTargetStatus {
  if (probability >= 0.8) return 'ON_TRACK';
  if (probability >= 0.5) return 'AT_RISK';
  return 'OFF_TRACK';
}
