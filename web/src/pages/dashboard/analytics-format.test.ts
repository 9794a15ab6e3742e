import { describe, expect, it } from 'vitest';
import { formatMessage, type TLanguage } from '../../i18n/messages.js';
import {
  changeRegister,
  describeChange,
  formatCount,
  formatInterval,
  formatProbability,
  formatPValue,
  formatValue,
  significanceExplanation,
  significanceLabel,
  type TTranslate,
} from './analytics-format.js';

const translate =
  (language: TLanguage): TTranslate =>
  (key, params) =>
    formatMessage(language, key, params);
const zh = translate('zh-CN');
const en = translate('en');
const CBR = { unit: '‰', decimals: 2 };
const SHARE = { unit: '%', decimals: 1 };
const SRB = { unit: null, decimals: 1 };

describe('describeChange', () => {
  it('counts a ‰ change in per-mille points, in both languages', () => {
    expect(describeChange(-0.15, CBR, zh, 'zh-CN')).toBe('下降0.15个千分点');
    expect(describeChange(-0.15, CBR, en, 'en')).toBe('down 0.15 points per mille');
    expect(describeChange(0.4, CBR, zh, 'zh-CN')).toBe('上升0.40个千分点');
  });

  it('counts a % change in percentage points', () => {
    expect(describeChange(1.23, SHARE, zh, 'zh-CN')).toBe('上升1.2个百分点');
    expect(describeChange(-2, SHARE, en, 'en')).toBe('down 2.0 percentage points');
  });

  it('uses the bare amount for an indicator without a ‰ or % unit', () => {
    expect(describeChange(-3.26, SRB, zh, 'zh-CN')).toBe('下降3.3');
    expect(describeChange(3.26, SRB, en, 'en')).toBe('up 3.3');
  });

  it('calls a change that rounds to zero unchanged and a missing one a dash', () => {
    expect(describeChange(0.004, CBR, zh, 'zh-CN')).toBe('持平');
    expect(describeChange(-0.004, CBR, en, 'en')).toBe('unchanged');
    expect(describeChange(null, CBR, en, 'en')).toBe('—');
  });

  it('reads as a year-on-year phrase through the catalog', () => {
    const change = describeChange(-0.15, CBR, zh, 'zh-CN');
    expect(zh('indicator.yoy', { change })).toBe('同比下降0.15个千分点');
    expect(en('indicator.yoy', { change: describeChange(-0.15, CBR, en, 'en') })).toBe(
      'down 0.15 points per mille year-on-year',
    );
  });
});

describe('changeRegister', () => {
  it('maps ‰ to per-mille points, % to percentage points and anything else to plain', () => {
    expect([changeRegister('‰'), changeRegister('%'), changeRegister(null), changeRegister('人')]).toEqual([
      'perMille',
      'percent',
      'plain',
      'plain',
    ]);
  });
});

describe('significance wording', () => {
  it('explains a change that is not significant as one that happens by chance', () => {
    expect(significanceExplanation({ significant: false, pValue: 0.4321 }, en)).toBe(
      'not significant (p = 0.432): a change this size happens by chance',
    );
    expect(significanceExplanation({ significant: false, pValue: 0.4321 }, zh)).toBe(
      '差异无统计学意义(P = 0.432)：这样大小的变化可能是偶然产生的',
    );
  });

  it('labels a significant change and a row without a test', () => {
    expect(significanceLabel(true, zh)).toBe('差异显著');
    expect(significanceLabel(false, en)).toBe('not significant');
    expect(significanceLabel(null, en)).toBe('');
    expect(significanceExplanation({ significant: true, pValue: 0.0001 }, en)).toContain('p = <0.001');
    expect(significanceExplanation({ significant: null, pValue: null }, zh)).toBe(
      '缺少上年同期数据，无法检验差异',
    );
  });
});

describe('number formatting', () => {
  it('shows values with the indicator’s decimals and unit, grouped by locale', () => {
    expect(formatValue(11.8449, CBR, 'zh-CN')).toBe('11.84‰');
    expect(formatValue(105.25, SRB, 'en')).toBe('105.3');
    expect(formatValue(null, CBR, 'en')).toBe('—');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(1234.56, 'en')).toBe('1,234.6');
  });

  it('shows intervals, p-values and probabilities', () => {
    expect(formatInterval([10.5, 12.25], CBR, 'en')).toBe('10.50–12.25');
    expect(formatInterval(null, CBR, 'en')).toBe('—');
    expect(formatPValue(0.04567)).toBe('0.046');
    expect(formatPValue(0.0002)).toBe('<0.001');
    expect(formatProbability(0.856)).toBe('86%');
    expect(formatProbability(null)).toBe('—');
  });
});
