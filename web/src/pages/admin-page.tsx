import { Card, Descriptions, Space, Spin, Tag } from 'antd';
import { getHealth } from '../api/system.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage } from '../components/error-message.js';
import { GeoJsonUpload } from '../components/geojson-upload.js';
import { useI18n } from '../i18n/i18n.js';

/** Administration: the server's status and the boundary upload for the map. */
export function AdminPage() {
  const { t } = useI18n();
  const health = useApi((signal) => getHealth(signal), []);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('admin.system')}>
        {health.error ? <ErrorMessage error={health.error} onRetry={health.reload} /> : null}
        {health.isLoading ? <Spin /> : null}
        {health.data ? (
          <Descriptions column={1} bordered size="small" data-testid="system-info">
            <Descriptions.Item label={t('admin.status')}>
              <Tag color="green">{t('admin.status.ok')}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.version')}>{health.data.version}</Descriptions.Item>
            <Descriptions.Item label={t('admin.store')}>
              {health.data.store === 'pglite' ? t('admin.store.pglite') : t('admin.store.postgres')}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.apiDocs')}>
              <a href="/api/openapi.json" target="_blank" rel="noreferrer">
                /api/openapi.json
              </a>
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
      <GeoJsonUpload />
    </Space>
  );
}
