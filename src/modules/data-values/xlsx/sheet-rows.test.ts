import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cellText, columnNumber, readSheetRows, type SheetRow } from './sheet-rows.js';

async function rowsOf(xml: string, sharedStrings: string[] = [], chunkSize = 7): Promise<SheetRow[]> {
  // Small chunks split tags, entities and multi-byte characters across writes.
  const bytes = Buffer.from(xml, 'utf8');
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
  const rows: SheetRow[] = [];
  for await (const row of readSheetRows(Readable.from(chunks), sharedStrings)) rows.push(row);
  return rows;
}

describe('columnNumber', () => {
  it('reads the column letters of a cell reference', () => {
    expect([columnNumber('A1'), columnNumber('C4'), columnNumber('Z9'), columnNumber('AA10')]).toEqual([
      1, 3, 26, 27,
    ]);
    expect(columnNumber('XFD1048576')).toBe(16384);
  });
});

describe('cellText', () => {
  const shared = ['出生人数', '  QS0101 '];
  it('reads each cell type as the import reads it', () => {
    expect(cellText('s', '0', shared)).toBe('出生人数');
    expect(cellText('s', '1', shared)).toBe('QS0101');
    expect(cellText('n', '12', shared)).toBe('12');
    expect(cellText('n', '41000.0', shared)).toBe('41000');
    expect(cellText('n', '1E-3', shared)).toBe('0.001');
    expect(cellText('b', '1', shared)).toBe('true');
    expect(cellText('b', '0', shared)).toBe('false');
    expect(cellText('d', '2026-01-31T00:00:00Z', shared)).toBe('2026-01-31');
    expect(cellText('str', ' 7 ', shared)).toBe('7');
    expect(cellText('e', '#DIV/0!', shared)).toBe('#DIV/0!');
  });
  it('is undefined for an empty or blank cell', () => {
    expect(cellText('n', undefined, shared)).toBeUndefined();
    expect(cellText('str', '   ', shared)).toBeUndefined();
    expect(cellText('inlineStr', '', shared)).toBeUndefined();
  });
});

describe('readSheetRows', () => {
  it('streams rows with their numbers and cells by column, whatever the chunking', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="D1"><v>202601</v></c></row>
<row r="4" spans="1:5"><c r="A4" t="inlineStr"><is><t>QS0101</t></is></c><c r="C4"><f>10+2</f><v>12</v></c>
<c r="E4" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c></row>
<row><c t="inlineStr"><is><r><t>东</t></r><r><t>街</t></r><rPh sb="0" eb="1"><t>ドン</t></rPh></is></c><c/><c><v>3</v></c></row>
</sheetData></worksheet>`;
    for (const chunkSize of [1, 7, 4096]) {
      const rows = await rowsOf(xml, ['报告期'], chunkSize);
      expect(rows.map((row) => row.number)).toEqual([1, 4, 5]);
      expect(rows[0]!.cells).toEqual([undefined, '报告期', undefined, undefined, '202601']);
      expect(rows[1]!.cells).toEqual([undefined, 'QS0101', undefined, '12', undefined, 'a&b']);
      // A cell without a reference is the one right of the previous; phonetic readings are not text.
      expect(rows[2]!.cells).toEqual([undefined, '东街', undefined, '3']);
    }
  });

  it('reads a sheet whose elements carry a namespace prefix', async () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:sheetData><x:row r="2"><x:c r="B2"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(await rowsOf(xml)).toEqual([{ number: 2, cells: [undefined, undefined, '5'] }]);
  });

  it('fails on XML that is not well formed', async () => {
    await expect(rowsOf('<worksheet><sheetData><row r="1"></sheetData></worksheet>')).rejects.toThrow();
  });
});
