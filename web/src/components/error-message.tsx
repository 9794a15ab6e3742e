import { Alert, Button } from 'antd';
import { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { isMessageKey } from '../i18n/messages.js';

/** The catalog title for an error's code and the server's own words as the detail. */
export function useErrorText(): (error: unknown) => { title: string; detail: string } {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof ApiError) {
      const key = `error.${error.code}`;
      if (isMessageKey(key)) return { title: t(key), detail: error.message };
      return { title: error.message, detail: '' };
    }
    return { title: t('error.INTERNAL'), detail: error instanceof Error ? error.message : String(error) };
  };
}

/** An alert explaining a failed API call, with a retry button when one is given. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const describe = useErrorText();
  const { title, detail } = describe(error);
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={detail || undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
