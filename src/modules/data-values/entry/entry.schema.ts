import { z } from 'zod';
import { ZFormApproval, ZPeriodLock } from '../../approval/approval.schema.js';

/** Requests and answers of single-value data entry (the form), codes as identifiers. */

const ZCodeText = z.string().trim().min(1);
const ZBooleanLike = z.union([z.boolean(), z.enum(['true', 'false']).transform((text) => text === 'true')]);

/** The key of one value: element, period, org unit, option combo (`default`) and source (`STAT`). */
export const ZDataValueKey = z.object({
  dataElement: ZCodeText,
  period: ZCodeText,
  orgUnit: ZCodeText,
  categoryOptionCombo: ZCodeText.default('default'),
  attributeOptionCombo: ZCodeText.default('STAT'),
});
export type TDataValueKey = z.infer<typeof ZDataValueKey>;
export type TDataValueKeyInput = z.input<typeof ZDataValueKey>;

/** One value typed into the form. `comment`/`followup` left out keep what is stored. */
export const ZDataValueInput = ZDataValueKey.extend({
  value: z.union([z.string(), z.number().transform(String), z.boolean().transform(String)]),
  comment: z.string().max(5000).nullable().optional(),
  followup: ZBooleanLike.optional(),
  /** Optional data set the value is entered through (restricts period type and assignment checks). */
  dataSet: ZCodeText.optional(),
  /** The version the client last saw; STALE_VERSION when the stored one has moved on. */
  version: z.number().int().positive().optional(),
});
export type TDataValueInput = z.input<typeof ZDataValueInput>;

/** A stored value as the API presents it. */
export const ZStoredDataValue = z.object({
  dataElement: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  categoryOptionCombo: z.string(),
  attributeOptionCombo: z.string(),
  value: z.string(),
  comment: z.string().nullable(),
  followup: z.boolean(),
  storedBy: z.string().nullable(),
  created: z.string().describe('ISO timestamp, UTC'),
  lastUpdated: z.string().describe('ISO timestamp, UTC'),
  version: z.number().int(),
});
export type TStoredDataValue = z.infer<typeof ZStoredDataValue>;

/** DELETE /api/dataValues: DHIS2's short names (de, pe, ou, co, cc) or the long ones. */
export const ZDataValueKeyQuery = z.object({
  de: z.string().optional(),
  pe: z.string().optional(),
  ou: z.string().optional(),
  co: z.string().optional(),
  cc: z.string().optional(),
  dataElement: z.string().optional(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  categoryOptionCombo: z.string().optional(),
  attributeOptionCombo: z.string().optional(),
});

/** The key named by a DELETE query (short names win), not yet validated. */
export function keyFromQuery(query: z.infer<typeof ZDataValueKeyQuery>): Record<string, string | undefined> {
  return {
    dataElement: query.de ?? query.dataElement,
    period: query.pe ?? query.period,
    orgUnit: query.ou ?? query.orgUnit,
    categoryOptionCombo: query.co ?? query.categoryOptionCombo,
    attributeOptionCombo: query.cc ?? query.attributeOptionCombo,
  };
}

/** GET /api/dataValues: one data set's form for one org unit and period. */
export const ZFormValuesQuery = z.object({
  dataSet: ZCodeText,
  period: ZCodeText,
  orgUnit: ZCodeText,
});

/** One value of the form (its key within the form plus what is stored). */
export const ZFormValue = ZStoredDataValue.omit({ period: true, orgUnit: true, created: true });

/** The form's current values. */
export const ZFormValues = z.object({
  dataSet: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  dataValues: z.array(ZFormValue),
  /** The approval covering the org unit: APPROVED or ACCEPTED make the form read-only. */
  approval: ZFormApproval,
  /** The data set's expiry lock for the period: `expired` makes the form read-only. */
  locked: ZPeriodLock,
});
export type TFormValues = z.infer<typeof ZFormValues>;
