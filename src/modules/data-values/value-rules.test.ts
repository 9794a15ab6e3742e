import { describe, expect, it } from 'vitest';
import { checkValue } from './value-rules.js';

describe('checkValue', () => {
  it('accepts a count and stores it as its canonical number', () => {
    expect(checkValue('INTEGER', ' 012 ')).toEqual({ ok: true, value: '12', num: 12 });
    expect(checkValue('INTEGER', '0')).toEqual({ ok: true, value: '0', num: 0 });
    expect(checkValue('INTEGER', '-0')).toEqual({ ok: true, value: '0', num: 0 });
  });

  it('refuses an empty value', () => {
    expect(checkValue('TEXT', '  ')).toEqual({ ok: false, reason: 'value is empty' });
  });

  it('refuses text, decimals and negatives where a count is expected', () => {
    expect(checkValue('INTEGER', 'abc')).toEqual({ ok: false, reason: '"abc" is not a number' });
    expect(checkValue('INTEGER', '1.5')).toEqual({ ok: false, reason: '"1.5" is not a whole number' });
    expect(checkValue('INTEGER', '-3')).toEqual({ ok: false, reason: '"-3" is negative' });
  });

  it('names thousands separators as the reason a number is refused', () => {
    for (const raw of ['1,234', '12,345,678', '1，234']) {
      const check = checkValue('INTEGER', raw);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.reason).toContain('thousands separators');
    }
  });

  it('accepts negative and decimal numbers for NUMBER', () => {
    expect(checkValue('NUMBER', '-2.50')).toEqual({ ok: true, value: '-2.5', num: -2.5 });
    expect(checkValue('NUMBER', '1e3')).toEqual({ ok: true, value: '1000', num: 1000 });
  });

  it('keeps percentages between 0 and 100', () => {
    expect(checkValue('PERCENTAGE', '99.5')).toEqual({ ok: true, value: '99.5', num: 99.5 });
    expect(checkValue('PERCENTAGE', '100')).toEqual({ ok: true, value: '100', num: 100 });
    expect(checkValue('PERCENTAGE', '100.1')).toEqual({ ok: false, reason: '"100.1" is outside 0–100' });
    expect(checkValue('PERCENTAGE', '-1')).toEqual({ ok: false, reason: '"-1" is negative' });
  });

  it('reads yes/no words as booleans and refuses anything else', () => {
    expect(checkValue('BOOLEAN', 'TRUE')).toEqual({ ok: true, value: 'true', num: 1 });
    expect(checkValue('BOOLEAN', '0')).toEqual({ ok: true, value: 'false', num: 0 });
    expect(checkValue('BOOLEAN', '否')).toEqual({ ok: true, value: 'false', num: 0 });
    expect(checkValue('BOOLEAN', 'maybe').ok).toBe(false);
  });

  it('stores text as given, without a number', () => {
    expect(checkValue('TEXT', ' 备注 ')).toEqual({ ok: true, value: '备注', num: null });
  });
});
