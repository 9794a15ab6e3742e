import { describe, expect, it } from 'vitest';
import type { TExportedValue } from './export.schema.js';
import { csvField, formatJson } from './export-format.js';

async function* batches(...lists: TExportedValue[][]): AsyncIterable<TExportedValue[]> {
  yield* lists;
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

const value: TExportedValue = {
  dataElement: 'POP',
  period: '2026',
  orgUnit: 'QS',
  categoryOptionCombo: 'default',
  attributeOptionCombo: 'STAT',
  value: '1',
  storedBy: null,
  created: '2026-01-01T00:00:00.000Z',
  lastUpdated: '2026-01-01T00:00:00.000Z',
  comment: null,
  followup: false,
};

describe('csvField', () => {
  it('quotes a field with a comma, quote or line break and doubles its quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });
});

describe('formatJson', () => {
  it('writes valid JSON across batches, and for no values at all', async () => {
    const text = await collect(formatJson(batches([value], [], [{ ...value, period: '2027' }])));
    expect((JSON.parse(text) as { dataValues: unknown[] }).dataValues).toHaveLength(2);
    expect(JSON.parse(await collect(formatJson(batches())))).toEqual({ dataValues: [] });
  });
});
