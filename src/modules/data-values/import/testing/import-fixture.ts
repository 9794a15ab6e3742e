import { Readable } from 'node:stream';
import type { Db } from '../../../../store/db.js';
import { importMetadata } from '../../../metadata/metadata.service.js';
import { buildMetadataFixture } from '../../../metadata/testing/metadata-fixture.js';
import type { TImportSummary } from '../../data-values.schema.js';
import type { ImportDataValuesOptions } from '../import.service.js';
import { importDataValueFile, type TImportFormat } from '../import-file.js';

/** The date import tests treat as today: 202606 is the current month, 202607 the future. */
export const IMPORT_TODAY = '2026-06-15';

/**
 * The metadata fixture (青山市, BIRTHS by SEX×ORDER, POP, data set MONTHLY at the townships)
 * plus one element of every value type, a quarterly data set at the counties and an element in
 * no data set — imported through the metadata service.
 */
export async function installImportFixture(db: Db): Promise<void> {
  const file = buildMetadataFixture();
  file.dataElements?.push(
    { code: 'SHARE', name: '比例数', valueType: 'NUMBER', aggregation: 'SUM' },
    { code: 'PCT', name: '百分比', valueType: 'PERCENTAGE', aggregation: 'AVERAGE' },
    { code: 'DONE', name: '已完成', valueType: 'BOOLEAN', aggregation: 'LAST' },
    { code: 'LARC', name: '长效避孕', valueType: 'INTEGER', aggregation: 'SUM' },
    { code: 'NOTE', name: '备注', valueType: 'TEXT', aggregation: 'LAST' },
  );
  file.dataSets?.[0]?.dataElements.push('SHARE', 'PCT', 'DONE');
  file.dataSets?.push({
    code: 'QUARTERLY',
    name: '季报',
    periodType: 'Quarterly',
    dueDays: 15,
    dataElements: ['LARC'],
    orgUnitLevel: 2,
  });
  await importMetadata(db, file);
}

/** Imports `text` (or bytes) as a file of `format` with the fixture's today. */
export function importText(
  db: Db,
  format: TImportFormat,
  text: string | Buffer,
  options: ImportDataValuesOptions = {},
): Promise<TImportSummary> {
  return importDataValueFile(
    db,
    { stream: Readable.from([Buffer.from(text)]), format },
    { today: IMPORT_TODAY, ...options },
  );
}

/** A CSV file with the short DHIS2 header and one line per `[element, period, orgUnit, combo, source, value]`. */
export function csvOf(rows: ReadonlyArray<readonly string[]>, extraHeader: readonly string[] = []): string {
  const header = [
    'dataElement',
    'period',
    'orgUnit',
    'categoryOptionCombo',
    'attributeOptionCombo',
    'value',
    ...extraHeader,
  ];
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Every stored value as `ELEMENT PERIOD ORGUNIT COMBO SOURCE=value`, sorted. */
export async function listStoredValues(db: Db): Promise<string[]> {
  const rows = await db.query<{ line: string }>(
    `SELECT concat(de.code, ' ', p.iso, ' ', ou.code, ' ', oc.code, ' ', s.code, '=', dv.value,
                   CASE WHEN dv.comment IS NULL THEN '' ELSE ' #' || dv.comment END,
                   CASE WHEN dv.followup THEN ' !' ELSE '' END) AS line
     FROM data_value dv
     JOIN data_element de ON de.id = dv.data_element_id JOIN period p ON p.id = dv.period_id
     JOIN org_unit ou ON ou.id = dv.org_unit_id JOIN option_combo oc ON oc.id = dv.option_combo_id
     JOIN source s ON s.id = dv.source_id
     ORDER BY 1`,
  );
  return rows.map((row) => row.line);
}
