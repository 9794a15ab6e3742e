import type { Locale } from 'antd/es/locale/index.js';
import enUSModule from 'antd/locale/en_US.js';
import zhCNModule from 'antd/locale/zh_CN.js';
import type { TLanguage } from './messages.js';

// antd ships its locales as CommonJS with `exports.default`; depending on the bundler's interop
// the default import is the locale itself or the module object around it.
function unwrapDefault(module: Locale | { default: Locale }): Locale {
  return 'default' in module && typeof module.default === 'object' ? module.default : (module as Locale);
}

/** antd's own locale (pagination, date pickers, empty states) for a UI language. */
export const ANTD_LOCALES: Record<TLanguage, Locale> = {
  'zh-CN': unwrapDefault(zhCNModule),
  en: unwrapDefault(enUSModule),
};
