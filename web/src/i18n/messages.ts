import { en } from './en.js';
import { type TMessageKey, type TMessages, zhCN } from './zh-CN.js';

/** Languages of the UI; zh-CN is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];

/** Every catalog by language. */
export const CATALOGS: Record<TLanguage, TMessages> = { 'zh-CN': zhCN, en };

/** Placeholder values for `{name}` slots in a message. */
export type TMessageParams = Record<string, string | number>;

/** The message for `key` in `language` with `{name}` placeholders filled in. */
export function formatMessage(language: TLanguage, key: TMessageKey, params?: TMessageParams): string {
  const template = CATALOGS[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = params[name];
    return value === undefined ? slot : String(value);
  });
}

/** True when `key` is a catalog key (for codes that arrive from the server, like error codes). */
export function isMessageKey(key: string): key is TMessageKey {
  return Object.hasOwn(zhCN, key);
}

/** A language from a stored or browser value; zh-CN unless it is plainly English. */
export function parseLanguage(value: string | null | undefined): TLanguage {
  return value === 'en' ? 'en' : 'zh-CN';
}
