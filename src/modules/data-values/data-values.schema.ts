import { z } from 'zod';

/**
 * One data value as it arrives from any format (DHIS2 JSON, CSV, XLSX, the form), before
 * validation. `line` is the 1-based row number in the file that conflicts refer to.
 */
export interface TRawDataValueRow {
  line: number;
  dataElement: string;
  period: string;
  orgUnit: string;
  /** Option combo code (`M.3P`, `default`); empty means `default`. */
  categoryOptionCombo: string;
  /** Source code (DHIS2's attribute option combo); empty means `STAT`. */
  attributeOptionCombo: string;
  value: string;
  comment?: string | undefined;
  followup?: boolean | undefined;
  deleted?: boolean | undefined;
}

/** A conflict of an import: which row, which field, and why (DHIS2's ImportConflict). */
export const ZImportConflict = z.object({
  object: z.string().describe('the offending identifier or value'),
  property: z
    .string()
    .describe(
      'the field: dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value, file',
    ),
  value: z.string().describe('the reason, in words'),
  row: z.number().int().describe('1-based line in the file (0 = the whole file)'),
});
export type TImportConflict = z.infer<typeof ZImportConflict>;

/** DHIS2's import summary. */
export const ZImportSummary = z.object({
  status: z.enum(['SUCCESS', 'WARNING', 'ERROR']),
  description: z.string(),
  dryRun: z.boolean(),
  importCount: z.object({
    imported: z.number().int(),
    updated: z.number().int(),
    ignored: z.number().int(),
    deleted: z.number().int(),
  }),
  conflicts: z.array(ZImportConflict),
  /** Conflicts not listed because the list was capped. */
  conflictsTruncated: z.number().int().default(0),
  /** This import's id: the audit trail records it with every value the import changed. */
  importJobId: z.string().optional(),
});
export type TImportSummary = z.infer<typeof ZImportSummary>;

/** Import options shared by the API, the CLI and the web app. */
export const ZImportOptions = z.object({
  dryRun: z.coerce.boolean().default(false),
  /** ATOMIC (default): nothing is written unless every row is valid. SKIP_INVALID: write the valid rows. */
  importStrategy: z.enum(['ATOMIC', 'SKIP_INVALID']).default('ATOMIC'),
  /** Restrict/validate against one data set (period type, assignment). */
  dataSet: z.string().optional(),
});
export type TImportOptions = z.infer<typeof ZImportOptions>;
