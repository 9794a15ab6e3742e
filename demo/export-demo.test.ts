import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../src/modules/data-values/import/index.js';
import { generateDemoCsv } from './export-demo.js';
import { generateDemoRows } from './generate-demo-data.js';

describe('generateDemoCsv', () => {
  it('writes DHIS2 CSV that the CSV reader reads back as the generated rows', async () => {
    const options = { today: '2026-05-15', counties: ['QS04'] };
    const read = [];
    for await (const row of readCsvRows(
      (async function* () {
        yield* generateDemoCsv(options);
      })(),
    ))
      read.push(row);
    const generated = [...generateDemoRows(options)];
    expect(read).toHaveLength(generated.length);
    const pick = ({
      dataElement,
      period,
      orgUnit,
      categoryOptionCombo,
      attributeOptionCombo,
      value,
    }: (typeof generated)[number]) =>
      [dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value].join(',');
    expect(read.map(pick)).toEqual(generated.map(pick));
  });
});
