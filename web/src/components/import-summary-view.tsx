import { Alert, Col, Row, Statistic, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import type { TImportConflict, TImportSummary } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';

const STATUS_ALERT = { SUCCESS: 'success', WARNING: 'warning', ERROR: 'error' } as const;

/** An import summary: status, the four counts, and the conflicts with row, field, value and reason. */
export function ImportSummaryView({ summary }: { summary: TImportSummary }) {
  const { t } = useI18n();
  const columns: ColumnsType<TImportConflict & { index: number }> = [
    {
      title: t('import.row'),
      dataIndex: 'row',
      key: 'row',
      width: 90,
      render: (row: number) => (row > 0 ? row : '—'),
    },
    {
      title: t('import.field'),
      dataIndex: 'property',
      key: 'property',
      width: 200,
      render: (field: string) => <Tag>{field}</Tag>,
    },
    { title: t('import.value'), dataIndex: 'object', key: 'object', width: 200 },
    { title: t('import.reason'), dataIndex: 'value', key: 'value' },
  ];
  const counts = summary.importCount;
  return (
    <div data-testid="import-summary" data-status={summary.status}>
      <Alert
        type={STATUS_ALERT[summary.status]}
        showIcon
        style={{ marginBottom: 16 }}
        title={`${summary.dryRun ? t('import.dryRunSummary') : t('import.summary')}: ${t(`import.status.${summary.status}`)}`}
        description={summary.description || undefined}
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={5}>
          <Statistic title={t('import.imported')} value={counts.imported} />
        </Col>
        <Col span={5}>
          <Statistic title={t('import.updated')} value={counts.updated} />
        </Col>
        <Col span={5}>
          <Statistic title={t('import.ignored')} value={counts.ignored} />
        </Col>
        <Col span={5}>
          <Statistic title={t('import.deleted')} value={counts.deleted} />
        </Col>
        <Col span={4}>
          <Statistic
            title={t('import.conflicts')}
            value={summary.conflicts.length + (summary.conflictsTruncated ?? 0)}
          />
        </Col>
      </Row>
      {summary.conflicts.length > 0 ? (
        <Table
          data-testid="conflicts-table"
          rowKey="index"
          size="small"
          bordered
          dataSource={summary.conflicts.map((conflict, index) => ({ ...conflict, index }))}
          columns={columns}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      ) : null}
      {summary.conflictsTruncated ? (
        <Alert type="info" title={t('import.truncated', { count: summary.conflictsTruncated })} />
      ) : null}
    </div>
  );
}
