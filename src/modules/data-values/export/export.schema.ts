import { z } from 'zod';

/** Requests and rows of the data value export (DHIS2 dataValueSets, codes as identifiers). */

const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const ZList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()))
  .transform((items) => items.filter((item) => item !== ''));

/** What to export: one data set's values for periods (ids or a date range) and a place. */
export const ZExportQuery = z.object({
  dataSet: z.string().trim().min(1),
  /** Period ids, comma separated (`202601,202602`); or use startDate and endDate. */
  period: ZList.optional(),
  /** With endDate: every stored period lying inside [startDate, endDate]. */
  startDate: ZIsoDate.optional(),
  endDate: ZIsoDate.optional(),
  /** One org unit; with `children=true` also all its descendants. Left out: every org unit. */
  orgUnit: z.string().trim().min(1).optional(),
  children: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .transform((value) => value === true || value === 'true')
    .default(false),
  /** Only values of this source (attribute option combo). */
  source: z.string().trim().min(1).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type TExportQuery = z.infer<typeof ZExportQuery>;
export type TExportQueryInput = z.input<typeof ZExportQuery>;

/** One exported value (DHIS2's export DTO); comment and storedBy are left out when empty. */
export interface TExportedValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
  storedBy: string | null;
  created: string;
  lastUpdated: string;
  comment: string | null;
  followup: boolean;
}

/** DHIS2's CSV export header, exactly. */
export const CSV_HEADER =
  'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup';
