/**
 * The uncertainty attached to an indicator value, by kind (DESIGN "Intervals and tests"):
 * rate → exact Poisson interval and conditional Poisson test on person-time; proportion →
 * Wilson interval and two-proportion z-test; sexRatio → Wilson on M/(M+F) mapped to a ratio and
 * the two-proportion test on the share male; plain → none.
 */
import {
  poissonRatePValue,
  rateInterval,
  sexRatioInterval,
  twoProportionTest,
  wilsonInterval,
} from '../../core/stats/index.js';

export type TIndicatorKind = 'rate' | 'proportion' | 'sexRatio' | 'plain';

/** Counts and their exposure (years of the range) behind one indicator value. */
export interface TCounts {
  numerator: number | null;
  denominator: number | null;
  /** Share of a year the range covers (person-time = denominator × yearShare for rates). */
  yearShare: number;
}

// Exact tests need whole counts; weekly values split into months can leave fractions.
const whole = (value: number): number => Math.max(0, Math.round(value));

/** 95% interval of the value in the indicator's unit, or null when it has none. */
export function indicatorInterval(
  kind: TIndicatorKind,
  factor: number,
  counts: TCounts,
): [number, number] | null {
  const { numerator, denominator } = counts;
  if (numerator === null || denominator === null || !(denominator > 0)) return null;
  switch (kind) {
    case 'rate': {
      const limits = rateInterval(whole(numerator), denominator * counts.yearShare, factor);
      return limits ? [limits.low, limits.high] : null;
    }
    case 'proportion': {
      const x = whole(numerator);
      const n = Math.max(x, whole(denominator));
      const limits = wilsonInterval(x, n);
      return limits ? [limits.low * factor, limits.high * factor] : null;
    }
    case 'sexRatio': {
      // numerator = males, denominator = females; the interval is males per `factor` females.
      const limits = sexRatioInterval(whole(numerator), whole(denominator));
      return limits ? [(limits.low * factor) / 100, (limits.high * factor) / 100] : null;
    }
    case 'plain':
      return null;
  }
}

/** Two-sided p-value that the value differs from the previous one, or null when untestable. */
export function changePValue(kind: TIndicatorKind, current: TCounts, previous: TCounts): number | null {
  const a = current;
  const b = previous;
  if (a.numerator === null || a.denominator === null || b.numerator === null || b.denominator === null)
    return null;
  if (!(a.denominator > 0 && b.denominator > 0)) return null;
  switch (kind) {
    case 'rate':
      return poissonRatePValue(
        whole(a.numerator),
        a.denominator * a.yearShare,
        whole(b.numerator),
        b.denominator * b.yearShare,
      );
    case 'proportion':
      return twoProportionTest(
        whole(a.numerator),
        Math.max(whole(a.numerator), whole(a.denominator)),
        whole(b.numerator),
        Math.max(whole(b.numerator), whole(b.denominator)),
      ).pValue;
    case 'sexRatio': {
      const maleA = whole(a.numerator);
      const maleB = whole(b.numerator);
      return twoProportionTest(maleA, maleA + whole(a.denominator), maleB, maleB + whole(b.denominator))
        .pValue;
    }
    case 'plain':
      return null;
  }
}
