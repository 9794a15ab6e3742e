import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { TMetadataFileInput } from '../../../metadata/metadata.schema.js';
import { buildMetadataFixture } from '../../../metadata/testing/metadata-fixture.js';

const COMBOS = ['M.1', 'M.2', 'M.3P', 'F.1', 'F.2', 'F.3P'];
const SOURCES = ['STAT', 'HOSP'];

/**
 * The fixture city grown to `townships` townships (level 3) under ten counties: the shape of the
 * demo (BIRTHS by sex × order from two sources, POP) at benchmark scale.
 */
export function buildScaleMetadata(townships: number): TMetadataFileInput {
  const file = buildMetadataFixture();
  const counties = Array.from({ length: 10 }, (_, index) => `QS${String(index + 1).padStart(2, '0')}`);
  for (const county of counties.slice(2))
    file.orgUnits?.push({ code: county, name: `县${county}`, parent: 'QS' });
  for (let index = 0; index < townships; index += 1) {
    const county = counties[index % counties.length] ?? 'QS01';
    file.orgUnits?.push({ code: `T${String(index).padStart(4, '0')}`, name: `乡镇${index}`, parent: county });
  }
  return file;
}

/** Codes of the generated townships (without the fixture's four). */
export function scaleTownships(townships: number): string[] {
  return Array.from({ length: townships }, (_, index) => `T${String(index).padStart(4, '0')}`);
}

/**
 * Writes a DHIS2 CSV of `rows` valid values for `buildScaleMetadata(townships)`, month after
 * month back from December 2025: per township 12 BIRTHS cells and POP from each source. Streams.
 */
export async function writeScaleCsv(
  path: string,
  options: { townships: number; rows: number; valueOffset?: number },
): Promise<void> {
  const out = createWriteStream(path);
  out.write('dataElement,period,orgUnit,categoryOptionCombo,attributeOptionCombo,value\n');
  let written = 0;
  const offset = options.valueOffset ?? 0;
  for (const line of scaleLines(scaleTownships(options.townships))) {
    if (written >= options.rows) break;
    if (!out.write(`${line}${(written * 7 + offset) % 97}\n`)) await once(out, 'drain');
    written += 1;
  }
  out.end();
  await once(out, 'finish');
}

function* scaleLines(townships: string[]): Generator<string> {
  for (let back = 0; ; back += 1) {
    const year = 2025 - Math.floor(back / 12);
    const period = `${year}${String(12 - (back % 12)).padStart(2, '0')}`;
    for (const township of townships) {
      for (const source of SOURCES) {
        for (const combo of COMBOS) yield `BIRTHS,${period},${township},${combo},${source},`;
        yield `POP,${period},${township},default,${source},`;
      }
    }
  }
}
