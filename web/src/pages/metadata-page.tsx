import { Card, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { listDataElements, listDataSets, listIndicators } from '../api/metadata.js';
import type { TDataElement, TDataSetSummary, TIndicator } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage } from '../components/error-message.js';
import { localName } from '../components/local-name.js';
import { useI18n } from '../i18n/i18n.js';

/** Metadata browser: data elements, indicators and data sets in tabs. */
export function MetadataPage() {
  const { t } = useI18n();
  return (
    <Card title={t('metadata.title')}>
      <Tabs
        items={[
          { key: 'dataElements', label: t('metadata.dataElements'), children: <DataElementsTable /> },
          { key: 'indicators', label: t('metadata.indicators'), children: <IndicatorsTable /> },
          { key: 'dataSets', label: t('metadata.dataSets'), children: <DataSetsTable /> },
        ]}
      />
    </Card>
  );
}

function useNameColumns<T extends { code: string; name: string; nameEn: string | null }>(): ColumnsType<T> {
  const { t, language } = useI18n();
  return [
    { title: t('common.code'), dataIndex: 'code', key: 'code', render: (code: string) => <Tag>{code}</Tag> },
    { title: t('common.name'), key: 'name', render: (_, row) => localName(row, language) },
  ];
}

function DataElementsTable() {
  const { t } = useI18n();
  const state = useApi((signal) => listDataElements(signal), []);
  const columns: ColumnsType<TDataElement> = [
    ...useNameColumns<TDataElement>(),
    {
      title: t('metadata.valueType'),
      dataIndex: 'valueType',
      key: 'valueType',
      render: (type: TDataElement['valueType']) => t(`valueType.${type}`),
    },
    {
      title: t('metadata.aggregation'),
      dataIndex: 'aggregation',
      key: 'aggregation',
      render: (aggregation: TDataElement['aggregation']) => t(`aggregation.${aggregation}`),
    },
    {
      title: t('metadata.categories'),
      key: 'categories',
      render: (_, row) => (row.categories.length ? row.categories.map((c) => <Tag key={c}>{c}</Tag>) : '—'),
    },
  ];
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  return (
    <Table
      rowKey="code"
      size="small"
      pagination={{ hideOnSinglePage: true, pageSize: 50 }}
      loading={state.isLoading}
      dataSource={state.data}
      columns={columns}
    />
  );
}

function IndicatorsTable() {
  const { t } = useI18n();
  const state = useApi((signal) => listIndicators(signal), []);
  const expression = (text: string) => <Typography.Text code>{text}</Typography.Text>;
  const columns: ColumnsType<TIndicator> = [
    ...useNameColumns<TIndicator>(),
    { title: t('metadata.numerator'), dataIndex: 'numerator', key: 'numerator', render: expression },
    { title: t('metadata.denominator'), dataIndex: 'denominator', key: 'denominator', render: expression },
    { title: t('metadata.factor'), dataIndex: 'factor', key: 'factor', align: 'right' },
    {
      title: t('metadata.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: TIndicator['kind']) => t(`kind.${kind}`),
    },
    {
      title: t('metadata.unit'),
      dataIndex: 'unit',
      key: 'unit',
      render: (unit: string | null) => unit ?? '—',
    },
  ];
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  return (
    <Table
      rowKey="code"
      size="small"
      pagination={{ hideOnSinglePage: true, pageSize: 50 }}
      loading={state.isLoading}
      dataSource={state.data}
      columns={columns}
    />
  );
}

function DataSetsTable() {
  const { t } = useI18n();
  const state = useApi((signal) => listDataSets(signal), []);
  const columns: ColumnsType<TDataSetSummary> = [
    ...useNameColumns<TDataSetSummary>(),
    {
      title: t('metadata.periodType'),
      dataIndex: 'periodType',
      key: 'periodType',
      render: (type: TDataSetSummary['periodType']) => t(`periodType.${type}`),
    },
    { title: t('metadata.dueDays'), dataIndex: 'dueDays', key: 'dueDays', align: 'right' },
    {
      title: t('metadata.elements'),
      key: 'elements',
      render: (_, row) => row.dataElements.map((code) => <Tag key={code}>{code}</Tag>),
    },
    { title: t('metadata.assignedUnits'), dataIndex: 'orgUnitCount', key: 'orgUnitCount', align: 'right' },
  ];
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  return (
    <Table
      rowKey="code"
      size="small"
      pagination={{ hideOnSinglePage: true, pageSize: 50 }}
      loading={state.isLoading}
      dataSource={state.data}
      columns={columns}
    />
  );
}
