import { describe, expect, it } from 'vitest';
import { checkMetadataFile, parseMetadataFile } from '../src/modules/metadata/metadata.validation.js';
import { buildDemoMetadata } from './demo-metadata.js';

describe('buildDemoMetadata', () => {
  const file = parseMetadataFile(buildDemoMetadata({ targetYear: 2026 }));

  it('passes the metadata file schema and every reference and expression check', () => {
    expect(checkMetadataFile(file, parseMetadataFile({}))).toEqual([]);
  });

  it('holds the city, 10 counties and about 150 townships with Chinese and English names', () => {
    const units = file.orgUnits ?? [];
    expect(units.filter((unit) => unit.parent === null).map((unit) => unit.code)).toEqual(['QS']);
    expect(units.filter((unit) => unit.parent === 'QS')).toHaveLength(10);
    const townships = units.filter((unit) => unit.parent !== null && unit.parent !== 'QS');
    expect(townships.length).toBeGreaterThanOrEqual(140);
    expect(townships.every((unit) => /^QS\d{4}$/.test(unit.code) && unit.nameEn)).toBe(true);
    expect(
      townships.filter((unit) => unit.parent === 'QS01').every((unit) => unit.name.endsWith('街道')),
    ).toBe(true);
    expect(townships.find((unit) => unit.code === 'QS0501')?.nameEn).toBe('Chengguan Town');
  });

  it('defines the six core indicators and the double-decline targets for the city and every county', () => {
    expect((file.indicators ?? []).map((indicator) => indicator.code)).toEqual([
      'CBR',
      'POLICY_RATE',
      'SRB',
      'THIRD_PLUS',
      'LARC_COVERAGE',
      'ACCURACY',
    ]);
    const declines = (file.targets ?? []).filter((target) => target.rule === 'BELOW_PREVIOUS_YEAR');
    expect(declines).toHaveLength(22);
    expect(declines.every((target) => target.year === 2026)).toBe(true);
    expect(file.reconciliations?.[0]).toMatchObject({
      code: 'BIRTH_DSE',
      a: { source: 'STAT' },
      b: { source: 'HOSP' },
    });
  });
});
