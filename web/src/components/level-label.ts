import type { TMessageParams } from '../i18n/messages.js';
import type { TMessageKey } from '../i18n/zh-CN.js';

/** The glossary name of an org-unit level: city, county (district), township (subdistrict). */
export function levelLabel(level: number, t: (key: TMessageKey, params?: TMessageParams) => string): string {
  if (level === 1) return t('level.1');
  if (level === 2) return t('level.2');
  if (level === 3) return t('level.3');
  return t('level.other', { level });
}
