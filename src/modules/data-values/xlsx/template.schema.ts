import { z } from 'zod';

/** GET /api/dataSets/:code/template.xlsx query. */
export const ZTemplateQuery = z.object({
  period: z.string().trim().min(1).describe('period id of the data set type, e.g. 202609'),
  orgUnit: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('only this org unit and its descendants (default: every assigned org unit)'),
  source: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('source codes, comma separated (default: the default source STAT)'),
});
export type TTemplateQuery = z.infer<typeof ZTemplateQuery>;

/** The XLSX media type. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
