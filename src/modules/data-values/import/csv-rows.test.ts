import { describe, expect, it } from 'vitest';
import type { TRawDataValueRow } from '../data-values.schema.js';
import { readCsvRows } from './csv-rows.js';

async function rowsOf(text: string): Promise<TRawDataValueRow[]> {
  async function* chunks() {
    for (let index = 0; index < text.length; index += 5) yield text.slice(index, index + 5);
  }
  const rows: TRawDataValueRow[] = [];
  for await (const row of readCsvRows(chunks())) rows.push(row);
  return rows;
}

describe('readCsvRows', () => {
  it('matches DHIS2 columns case-insensitively in any order and numbers rows by file line', async () => {
    const rows = await rowsOf(
      'Value,DataElement,Period,OrgUnit,CatOptCombo,AttrOptCombo,Comment,FollowUp,Deleted\n' +
        '12,BIRTHS,202601,QS0101,M.1,HOSP,"two\nlines",true,\n' +
        '\n' +
        '7,POP,202601,QS0102,,,,,true\n',
    );
    expect(rows).toEqual([
      {
        line: 2,
        dataElement: 'BIRTHS',
        period: '202601',
        orgUnit: 'QS0101',
        categoryOptionCombo: 'M.1',
        attributeOptionCombo: 'HOSP',
        value: '12',
        comment: 'two\nlines',
        followup: true,
        deleted: false,
      },
      expect.objectContaining({ line: 5, dataElement: 'POP', categoryOptionCombo: '', deleted: true }),
    ]);
  });

  it('reads the full DHIS2 header with storedBy and lastUpdated', async () => {
    const rows = await rowsOf(
      'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup\r\n' +
        'POP,2026,QS,default,STAT,100,admin,2026-01-01,,false\r\n',
    );
    expect(rows).toEqual([expect.objectContaining({ line: 2, value: '100', attributeOptionCombo: 'STAT' })]);
  });

  it('refuses a header without a required column, naming it', async () => {
    await expect(rowsOf('dataElement,period,value\nPOP,2026,1\n')).rejects.toMatchObject({
      code: 'INVALID_IMPORT',
      details: {
        conflict: { object: 'orgUnit', property: 'file', value: 'missing required column: orgUnit', row: 1 },
      },
    });
  });

  it('refuses broken quoting with its line', async () => {
    await expect(rowsOf('dataElement,period,orgUnit,value\nPOP,2026,QS,"1\n')).rejects.toMatchObject({
      code: 'INVALID_IMPORT',
    });
  });

  it('reads plain lines and then quoted ones alike, and names the file line of broken quoting after them', async () => {
    const header = 'dataElement,period,orgUnit,value,comment\n';
    const plain = Array.from({ length: 40 }, (_, index) => `POP,2026,QS,${index},\n`).join('');
    const rows = await rowsOf(`${header}${plain}\nPOP,2026,QS,"7","a, ""b""\nc"\nPOP,2026,QS,8,x\r\n`);
    expect(rows).toHaveLength(42);
    expect(rows[39]).toMatchObject({ line: 41, value: '39', comment: undefined });
    expect(rows[40]).toMatchObject({ line: 43, value: '7', comment: 'a, "b"\nc' });
    // After newline-ended lines, \r stays in the field as csv-parse keeps it once it saw \n.
    expect(rows[41]).toMatchObject({ line: 45, value: '8', comment: 'x\r' });
    // The same line and message as csv-parse over the whole file gives.
    for (const broken of ['"1\n', '"1"x\n', '1"x\n'])
      await expect(rowsOf(`${header}${plain}POP,2026,QS,${broken}`)).rejects.toMatchObject({
        code: 'INVALID_IMPORT',
        details: { conflict: { row: 42, value: expect.stringContaining('at line 42') } },
      });
  });
});
