/**
 * Births of one township-month split by sex and birth order, and the two sources' independent
 * capture of them: every birth is in the statistics report with one probability and in the
 * hospital records with another, independently, so matched ≈ STAT × HOSP / true (the
 * dual-system estimate's assumption holds by construction).
 */
import type { DemoRandom } from './demo-random.js';

/** Birth counts by option combo of SEX × ORDER (`M.1` … `F.3P`). */
export type BirthCells = Record<string, number>;

/** The option combos of BIRTHS in category order (SEX slowest). */
export const BIRTH_COMBOS = ['M.1', 'M.2', 'M.3P', 'F.1', 'F.2', 'F.3P'] as const;

/** `births` split into sexes by the sex ratio (males per 100 females) and into birth orders. */
export function splitBirths(
  births: number,
  sexRatio: number,
  thirdPlusShare: number,
  random: DemoRandom,
): BirthCells {
  const males = random.binomial(births, sexRatio / (100 + sexRatio));
  // First births slightly outnumber second births among the rest.
  const firstShare = (1 - thirdPlusShare) * 0.52;
  const cells: BirthCells = {};
  for (const [sex, count] of [['M', males] as const, ['F', births - males] as const]) {
    const first = random.binomial(count, firstShare);
    const second = random.binomial(count - first, (1 - thirdPlusShare - firstShare) / (1 - firstShare));
    cells[`${sex}.1`] = first;
    cells[`${sex}.2`] = second;
    cells[`${sex}.3P`] = count - first - second;
  }
  return cells;
}

/** Each cell's births as STAT and HOSP record them, and how many both record. */
export function splitBySource(
  cells: BirthCells,
  statCapture: number,
  hospCapture: number,
  random: DemoRandom,
): { stat: BirthCells; hosp: BirthCells; matched: number } {
  const both = statCapture * hospCapture;
  const statOnly = statCapture * (1 - hospCapture);
  const hospOnly = (1 - statCapture) * hospCapture;
  const stat: BirthCells = {};
  const hosp: BirthCells = {};
  let matched = 0;
  for (const combo of BIRTH_COMBOS) {
    const count = cells[combo] ?? 0;
    // A multinomial split of each birth into both / STAT only / HOSP only / neither.
    const inBoth = random.binomial(count, both);
    const inStatOnly = random.binomial(count - inBoth, statOnly / (1 - both));
    const inHospOnly = random.binomial(count - inBoth - inStatOnly, hospOnly / (1 - both - statOnly));
    stat[combo] = inBoth + inStatOnly;
    hosp[combo] = inBoth + inHospOnly;
    matched += inBoth;
  }
  return { stat, hosp, matched };
}
