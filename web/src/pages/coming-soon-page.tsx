import { Result } from 'antd';
import { useI18n } from '../i18n/i18n.js';
import type { TMessageKey } from '../i18n/zh-CN.js';

/** The friendly placeholder of a page that is not built yet. */
export function ComingSoonPage({ label }: { label: TMessageKey }) {
  const { t } = useI18n();
  return (
    <Result status="info" title={t('comingSoon.title')} subTitle={t('comingSoon.body', { page: t(label) })} />
  );
}
