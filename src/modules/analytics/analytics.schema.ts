/** Request and answer schemas of the analytics API (shared by the routes, the CLI and the web client). */
import { z } from 'zod';

const ZBooleanFlag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1');

/** `self`, `children`, or a number of levels below the org unit. */
export const ZLevel = z
  .union([z.literal('self'), z.literal('children'), z.coerce.number().int().min(1).max(6)])
  .default('children');

export const ZAnalyticsQuery = z.object({
  indicator: z.string().min(1),
  orgUnit: z.string().min(1),
  level: ZLevel,
  period: z.string().min(1),
  ytd: ZBooleanFlag.default(false),
});
export type TAnalyticsQuery = z.infer<typeof ZAnalyticsQuery>;

export const ZOverviewQuery = ZAnalyticsQuery.omit({ indicator: true });
export type TOverviewQuery = z.infer<typeof ZOverviewQuery>;

export const ZSeriesQuery = z.object({
  indicator: z.string().min(1),
  orgUnit: z.string().min(1),
  /** First and last month, DHIS2 monthly ids (`202601`). */
  from: z.string().regex(/^\d{6}$/, 'a monthly period id such as 202601'),
  to: z.string().regex(/^\d{6}$/, 'a monthly period id such as 202612'),
});
export type TSeriesQuery = z.infer<typeof ZSeriesQuery>;

const ZNullableNumber = z.number().nullable();

export const ZValueTriple = z.object({
  value: ZNullableNumber,
  numerator: ZNullableNumber,
  denominator: ZNullableNumber,
});

export const ZTargetAnswer = z.object({
  rule: z.enum(['BELOW_PREVIOUS_YEAR', 'ABOVE_PREVIOUS_YEAR', 'AT_MOST', 'AT_LEAST', 'CHANGE_BY']),
  threshold: ZNullableNumber,
  year: z.number(),
  status: z.enum(['MET', 'MISSED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'UNKNOWN']),
  /** P(rule met at year end); 1 or 0 for a closed year; null when it cannot be judged. */
  probability: ZNullableNumber,
  /** The previous full year's value the relative rules compare with. */
  previousYearValue: ZNullableNumber,
  forecast: z
    .object({ value: ZNullableNumber, ci80: z.tuple([z.number(), z.number()]).nullable() })
    .nullable(),
});
export type TTargetAnswer = z.infer<typeof ZTargetAnswer>;

export const ZAnalyticsRow = ZValueTriple.extend({
  orgUnit: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  previous: ZValueTriple,
  change: ZNullableNumber,
  pValue: ZNullableNumber,
  significant: z.boolean().nullable(),
  rank: z.number().nullable(),
  aboveParentAverage: z.boolean().nullable(),
  direction: z.enum(['GOOD', 'BAD', 'FLAT']).nullable(),
  target: ZTargetAnswer.nullable(),
});
export type TAnalyticsRow = z.infer<typeof ZAnalyticsRow>;

export const ZIndicatorInfo = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(['rate', 'proportion', 'sexRatio', 'plain']),
  factor: z.number(),
  unit: z.string().nullable(),
  decimals: z.number(),
});

export const ZPeriodInfo = z.object({ id: z.string(), start: z.string(), end: z.string(), ytd: z.boolean() });

export const ZAnalyticsAnswer = z.object({
  indicator: ZIndicatorInfo,
  period: ZPeriodInfo,
  parent: ZAnalyticsRow,
  rows: z.array(ZAnalyticsRow),
});
export type TAnalyticsAnswer = z.infer<typeof ZAnalyticsAnswer>;

export const ZOverviewAnswer = z.object({
  period: ZPeriodInfo,
  indicators: z.array(ZAnalyticsAnswer.omit({ period: true })),
});
export type TOverviewAnswer = z.infer<typeof ZOverviewAnswer>;

export const ZSeriesPoint = ZValueTriple.extend({ month: z.string(), previous: ZValueTriple });
export const ZSeriesAnswer = z.object({
  indicator: ZIndicatorInfo,
  orgUnit: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
  points: z.array(ZSeriesPoint),
});
export type TSeriesAnswer = z.infer<typeof ZSeriesAnswer>;
