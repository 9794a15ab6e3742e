import { Button, Result } from 'antd';
import { useI18n } from '../i18n/i18n.js';
import { navigate } from '../router.js';

/** The page for a path the app does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('notFound.back')}
        </Button>
      }
    />
  );
}
