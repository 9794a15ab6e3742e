import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client.js';
import { uploadBoundaries } from '../api/geo.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorMessage } from './error-message.js';

type TUploadState =
  | { kind: 'idle' }
  | { kind: 'uploading' }
  | { kind: 'done'; imported: number; unknownCodes: string[] }
  | { kind: 'failed'; error: unknown };

/** Admin card: upload a GeoJSON FeatureCollection of org-unit boundaries keyed by `properties.code`. */
export function GeoJsonUpload() {
  const { t } = useI18n();
  const [state, setState] = useState<TUploadState>({ kind: 'idle' });

  async function upload(file: File): Promise<void> {
    setState({ kind: 'uploading' });
    try {
      const text = await file.text();
      let collection: unknown;
      try {
        collection = JSON.parse(text);
      } catch (error) {
        throw new ApiError('BAD_REQUEST', error instanceof Error ? error.message : String(error), 400);
      }
      const result = await uploadBoundaries(collection);
      setState({ kind: 'done', ...result });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  }

  return (
    <Card title={t('admin.geo.title')} data-testid="geojson-upload">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('admin.geo.help')}</Typography.Paragraph>
        <Upload
          accept=".geojson,.json,application/geo+json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={state.kind === 'uploading'} data-testid="geojson-file">
            {t('admin.geo.choose')}
          </Button>
        </Upload>
        {state.kind === 'done' ? (
          <Alert
            type={state.unknownCodes.length > 0 ? 'warning' : 'success'}
            data-testid="geojson-result"
            message={t('admin.geo.imported', { count: state.imported })}
            description={
              state.unknownCodes.length > 0
                ? t('admin.geo.unknownCodes', { codes: state.unknownCodes.join(', ') })
                : undefined
            }
          />
        ) : null}
        {state.kind === 'failed' ? <ErrorMessage error={state.error} /> : null}
      </Space>
    </Card>
  );
}
