import { ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { ANTD_LOCALES } from './antd-locales.js';
import { formatMessage, parseLanguage, type TLanguage, type TMessageParams } from './messages.js';
import type { TMessageKey } from './zh-CN.js';

const STORAGE_KEY = 'tiaodu.language';

interface I18nValue {
  language: TLanguage;
  setLanguage(language: TLanguage): void;
  t(key: TMessageKey, params?: TMessageParams): string;
}

const I18nContext = createContext<I18nValue | null>(null);

function readStoredLanguage(): TLanguage {
  try {
    return parseLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'zh-CN';
  }
}

function applyLanguage(language: TLanguage): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
}

/** Provides the current language, the `t` function and the matching antd locale. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<TLanguage>(() => {
    const initial = readStoredLanguage();
    applyLanguage(initial);
    return initial;
  });
  const setLanguage = useCallback((next: TLanguage) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the switch still works for this visit.
    }
    applyLanguage(next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ language, setLanguage, t: (key, params) => formatMessage(language, key, params) }),
    [language, setLanguage],
  );
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[language]}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}

/** The current language and the message lookup `t(key, params)`. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
