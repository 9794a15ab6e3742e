/** Year-end forecasts and target statuses (pure, seeded). */
export { forecastLevelYearEnd, monthlyChangeSpread, type TLevelForecastInput } from './level-forecast.js';
export { createSampler, seededUniform, type TSampler } from './random.js';
export { seasonalShare, type TShare } from './seasonal-share.js';
export {
  closedYearStatus,
  desiredSign,
  directionOf,
  openYearStatus,
  type TDirection,
  type TTargetRule,
  type TTargetSpec,
  type TTargetStatus,
  targetCondition,
} from './target-status.js';
export {
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  dispersionTheta,
  forecastYearEnd,
  probabilityOf,
  quantile,
  type TForecastInput,
  type TYearEndForecast,
} from './year-end-forecast.js';
