/** The statistics core: intervals, exact tests and dual-system estimates (pure, no I/O). */

export { dpois, pnbinom, pnorm, ppois, qnorm } from './distributions.js';
export { chapmanEstimate, type TDualSystemEstimate } from './dual-system.js';
export { binomialP, binomialTwoSidedP, poissonTwoSidedP, type TAlternative } from './exact-tests.js';
export {
  byarInterval,
  clopperPearsonInterval,
  garwoodInterval,
  rateInterval,
  sexRatioInterval,
  type TInterval,
  type TRateMethod,
  wilsonInterval,
  zFor,
} from './intervals.js';
export {
  poissonCountTest,
  poissonRatePValue,
  poissonRateTest,
  type TPoissonCountTest,
  type TPoissonRateTest,
  type TTwoProportionTest,
  twoProportionTest,
} from './rate-tests.js';
