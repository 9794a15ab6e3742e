import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import type { TMetadataFile } from './metadata.schema.js';
import { checkMetadataFile, parseMetadataFile } from './metadata.validation.js';
import { buildMetadataFixture } from './testing/metadata-fixture.js';

const empty: TMetadataFile = {};

function errorsOf(input: unknown, stored: TMetadataFile = empty): string[] {
  return checkMetadataFile(parseMetadataFile(input), stored).map((e) => `${e.path}: ${e.message}`);
}

function parseErrors(input: unknown): string[] {
  try {
    parseMetadataFile(input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('INVALID_METADATA');
    return (error.details as { errors: { path: string; message: string }[] }).errors.map(
      (e) => `${e.path}: ${e.message}`,
    );
  }
  return [];
}

describe('parseMetadataFile', () => {
  it('fills in defaults', () => {
    const file = parseMetadataFile(buildMetadataFixture());
    expect(file.indicators?.[0]).toMatchObject({ factor: 1000, decimals: 2 });
    expect(file.dataElements?.[1]?.categories).toEqual([]);
    expect(file.dataSets?.[0]?.expiryDays).toBe(0);
  });

  it('names the JSON path of every schema error', () => {
    const fixture = buildMetadataFixture();
    const indicator = fixture.indicators?.[0] as Record<string, unknown>;
    indicator.factor = 'a thousand';
    (fixture.orgUnits?.[2] as Record<string, unknown>).nameEN = 'typo';
    const errors = parseErrors(fixture);
    expect(errors).toContain('indicators[0].factor: expected number, received string');
    expect(errors.some((e) => e.startsWith('orgUnits[2]: ') && e.includes('nameEN'))).toBe(true);
  });
});

describe('checkMetadataFile', () => {
  it('accepts the fixture', () => {
    expect(errorsOf(buildMetadataFixture())).toEqual([]);
  });

  it('reports duplicate codes with both positions', () => {
    const fixture = buildMetadataFixture();
    fixture.orgUnits?.push({ code: 'QS01', name: 'again', parent: 'QS' });
    expect(errorsOf(fixture)).toEqual(['orgUnits[7]: duplicate code "QS01" (also at orgUnits[1])']);
  });

  it('names a cycle in the org-unit tree', () => {
    const fixture = buildMetadataFixture();
    fixture.orgUnits![0]!.parent = 'QS0101';
    expect(errorsOf(fixture)).toContain(
      'orgUnits[0].parent: cycle in the org-unit tree: QS → QS0101 → QS01 → QS (each → its parent)',
    );
  });

  it('finds a cycle closed through units already in the store', () => {
    const stored = parseMetadataFile(buildMetadataFixture());
    const file = { orgUnits: [{ code: 'QS', name: '青山市', parent: 'QS0202' }] };
    expect(errorsOf(file, stored)).toEqual([
      'orgUnits[0].parent: cycle in the org-unit tree: QS → QS0202 → QS02 → QS (each → its parent)',
    ]);
  });

  it('reports unknown elements and org units of a data set and unknown parents', () => {
    const fixture = buildMetadataFixture();
    fixture.dataSets![0]!.dataElements.push('DEATHS');
    fixture.orgUnits![3]!.parent = 'QS09';
    expect(errorsOf(fixture)).toEqual([
      'orgUnits[3].parent: unknown org unit "QS09"',
      'dataSets[0].dataElements[2]: unknown data element "DEATHS"',
    ]);
  });

  it('resolves references to the store', () => {
    const stored = parseMetadataFile(buildMetadataFixture());
    const file = {
      indicators: [
        {
          code: 'SRB',
          name: '出生性别比',
          numerator: '#{BIRTHS[SEX=M]}',
          denominator: '#{BIRTHS[SEX=F]}',
          factor: 100,
          kind: 'sexRatio',
        },
      ],
    };
    expect(errorsOf(file, stored)).toEqual([]);
  });

  it('gives the path and position of an expression problem', () => {
    const fixture = buildMetadataFixture();
    fixture.indicators![0]!.numerator = '#{BIRHTS}';
    expect(errorsOf(fixture)).toEqual(['indicators[0].numerator: unknown data element "BIRHTS" at 3']);
  });

  it('requires a threshold for AT_MOST, AT_LEAST and CHANGE_BY', () => {
    const fixture = buildMetadataFixture();
    fixture.targets!.push({ indicator: 'CBR', orgUnit: 'QS01', year: 2026, rule: 'AT_MOST' });
    expect(errorsOf(fixture)).toEqual(['targets[1].threshold: required for rule AT_MOST']);
  });

  it('checks stored expressions against changed categories', () => {
    const stored = parseMetadataFile({
      ...buildMetadataFixture(),
      indicators: [
        {
          code: 'SRB',
          name: 'SRB',
          numerator: '#{BIRTHS[SEX=M]}',
          denominator: '#{BIRTHS}',
          kind: 'sexRatio',
        },
      ],
    });
    const file = { categories: [{ code: 'SEX', name: '性别', options: [{ code: 'F', name: '女' }] }] };
    expect(errorsOf(file, stored)).toEqual([
      expect.stringMatching(/^stored indicators\["SRB"\]\.numerator: .*"M".* at \d+$/),
    ]);
  });
});
