import { describe, expect, it } from 'vitest';
import type { TRawDataValueRow } from '../data-values.schema.js';
import { readJsonRows } from './json-rows.js';

/** The rows of `text` cut into chunks of `size` characters (to cross every boundary). */
async function rowsOf(text: string, size = 7): Promise<TRawDataValueRow[]> {
  async function* chunks() {
    for (let index = 0; index < text.length; index += size) yield text.slice(index, index + size);
  }
  const rows: TRawDataValueRow[] = [];
  for await (const row of readJsonRows(chunks())) rows.push(row);
  return rows;
}

describe('readJsonRows', () => {
  it('reads each value with its 1-based index and fills set-level fields and defaults', async () => {
    const text = JSON.stringify({
      dataSet: 'MONTHLY',
      period: '202601',
      orgUnit: 'QS0101',
      dataValues: [
        { dataElement: 'BIRTHS', categoryOptionCombo: 'M.1', value: '12', comment: 'a "quoted" {brace}' },
        {
          dataElement: 'POP',
          period: '202602',
          orgUnit: 'QS0102',
          attributeOptionCombo: 'HOSP',
          value: 5000,
          followup: true,
        },
        { dataElement: 'POP', value: '1', deleted: true },
      ],
    });
    for (const size of [1, 3, 7, 1000]) {
      const rows = await rowsOf(text, size);
      expect(rows).toEqual([
        {
          line: 1,
          dataElement: 'BIRTHS',
          period: '202601',
          orgUnit: 'QS0101',
          categoryOptionCombo: 'M.1',
          attributeOptionCombo: '',
          value: '12',
          comment: 'a "quoted" {brace}',
          followup: false,
          deleted: false,
        },
        {
          line: 2,
          dataElement: 'POP',
          period: '202602',
          orgUnit: 'QS0102',
          categoryOptionCombo: '',
          attributeOptionCombo: 'HOSP',
          value: '5000',
          comment: undefined,
          followup: true,
          deleted: false,
        },
        expect.objectContaining({ line: 3, period: '202601', orgUnit: 'QS0101', deleted: true }),
      ]);
    }
  });

  it('reads a bare array of values as the dataValues array', async () => {
    const rows = await rowsOf('[{"dataElement":"POP","period":"2026","orgUnit":"QS","value":"1"}]');
    expect(rows.map((row) => row.dataElement)).toEqual(['POP']);
  });

  it('yields nothing for a document without values', async () => {
    expect(await rowsOf('{"dataValues": []}')).toEqual([]);
    expect(await rowsOf('{"period": "2026"}')).toEqual([]);
  });

  it('refuses a document cut short, naming the last value read', async () => {
    await expect(rowsOf('{"dataValues":[{"dataElement":"POP","value":"1"},{"dataEl')).rejects.toMatchObject({
      code: 'INVALID_IMPORT',
      details: {
        conflict: { property: 'file', row: 1, value: 'not valid JSON: the JSON document ends early' },
      },
    });
  });

  it('refuses an entry that is not an object or not JSON, at its row', async () => {
    await expect(rowsOf('{"dataValues":[{"value":"1"}, 5]}')).resolves.toHaveLength(1);
    await expect(rowsOf('{"dataValues":[{"value":"1"}, {"value": tru}]}')).rejects.toMatchObject({
      code: 'INVALID_IMPORT',
      details: { conflict: { row: 2 } },
    });
    await expect(rowsOf('{"dataValues":[[1]]}')).rejects.toMatchObject({ details: { conflict: { row: 1 } } });
    await expect(rowsOf('hello')).rejects.toMatchObject({ code: 'INVALID_IMPORT' });
  });
});
