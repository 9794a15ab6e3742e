import type { TLanguage } from '../i18n/messages.js';

/** The name to show in `language`: the English name when English is on and one exists. */
export function localName(item: { name: string; nameEn?: string | null }, language: TLanguage): string {
  return language === 'en' && item.nameEn ? item.nameEn : item.name;
}
