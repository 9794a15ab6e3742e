import { InboxOutlined } from '@ant-design/icons';
import { Button, Card, Form, Progress, Radio, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { uploadDataValueSet } from '../api/import.js';
import type { TImportSummary } from '../api/types.js';
import { ErrorMessage } from '../components/error-message.js';
import { ImportSummaryView } from '../components/import-summary-view.js';
import { useI18n } from '../i18n/i18n.js';

type TStrategy = 'ATOMIC' | 'SKIP_INVALID';

/** Data import: pick a file, check it with a dry run, then import it for real. */
export function ImportPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [strategy, setStrategy] = useState<TStrategy>('ATOMIC');
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [summary, setSummary] = useState<TImportSummary | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const isUploading = progress !== undefined;

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setError(undefined);
    setSummary(undefined);
    setProgress(0);
    try {
      setSummary(
        await uploadDataValueSet(file, { dryRun, importStrategy: strategy, onProgress: setProgress }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <Card title={t('import.title')}>
      <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
      <Upload.Dragger
        data-testid="import-upload"
        accept=".json,.csv,.xlsx"
        maxCount={1}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setSummary(undefined);
          setError(undefined);
          return false; // no auto upload: the buttons below send the file
        }}
        onRemove={() => setFile(undefined)}
        fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.chooseFile')}</p>
      </Upload.Dragger>
      <Form layout="inline" style={{ margin: '16px 0' }}>
        <Form.Item label={t('import.strategy')}>
          <Radio.Group value={strategy} onChange={(event) => setStrategy(event.target.value as TStrategy)}>
            <Radio value="ATOMIC">{t('import.strategy.ATOMIC')}</Radio>
            <Radio value="SKIP_INVALID">{t('import.strategy.SKIP_INVALID')}</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
      <Space style={{ marginBottom: 16 }}>
        <Button data-testid="import-dry-run" disabled={!file || isUploading} onClick={() => void send(true)}>
          {t('import.dryRun')}
        </Button>
        <Button
          data-testid="import-run"
          type="primary"
          disabled={!file || isUploading}
          onClick={() => void send(false)}
        >
          {t('import.run')}
        </Button>
      </Space>
      {isUploading ? (
        <div data-testid="import-progress">
          <Typography.Text>{t('import.uploading')}</Typography.Text>
          <Progress percent={Math.round(progress * 100)} status="active" />
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {summary ? <ImportSummaryView summary={summary} /> : null}
    </Card>
  );
}
