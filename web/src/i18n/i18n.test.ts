import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { formatMessage, isMessageKey, parseLanguage } from './messages.js';
import { zhCN } from './zh-CN.js';

describe('message catalogs', () => {
  it('have exactly the same keys in zh-CN and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('have no empty message in either language', () => {
    for (const catalog of [zhCN, en]) {
      for (const [key, text] of Object.entries(catalog)) expect(text, key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages, apart from the English month name', () => {
    const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      if (key === 'period.month') continue;
      expect(slots(en[key]), key).toEqual(slots(zhCN[key]));
    }
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('zh-CN', 'period.quarter', { year: 2026, quarter: 3 })).toBe('2026年第3季度');
    expect(formatMessage('en', 'common.count', {})).toBe('{count} items');
  });

  it('recognizes server error codes that have a catalog message', () => {
    expect(isMessageKey('error.VALIDATION_FAILED')).toBe(true);
    expect(isMessageKey('error.SOMETHING_NEW')).toBe(false);
  });

  it('defaults to zh-CN unless English was chosen', () => {
    expect(parseLanguage(null)).toBe('zh-CN');
    expect(parseLanguage('en')).toBe('en');
    expect(parseLanguage('fr')).toBe('zh-CN');
  });
});
