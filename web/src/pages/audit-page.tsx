import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { listAuditEntries, type TAuditEntry, type TAuditFilter } from '../api/audit.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage } from '../components/error-message.js';
import { useI18n } from '../i18n/i18n.js';
import type { TMessageKey } from '../i18n/zh-CN.js';

const PAGE_SIZE = 50;
const HOW_COLORS: Record<TAuditEntry['how'], string> = {
  form: 'blue',
  import: 'purple',
  api: 'cyan',
  cli: 'gold',
  system: 'default',
};

interface TFilterValues {
  orgUnit?: string;
  dataElement?: string;
  period?: string;
  user?: string;
  job?: string;
  entity?: TAuditFilter['entity'];
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** `{"value":"13","comment":"补报"}` as `value 13 · comment 补报`; null as a dash. */
function describeValue(value: Record<string, unknown> | null): string {
  if (!value) return '—';
  return Object.entries(value)
    .map(
      ([field, content]) =>
        `${field} ${content === null ? '∅' : typeof content === 'object' ? JSON.stringify(content) : String(content)}`,
    )
    .join(' · ');
}

/** The order a key's codes read in (jsonb keeps its own order: shorter names first). */
const KEY_ORDER = [
  'dataElement',
  'period',
  'orgUnit',
  'optionCombo',
  'source',
  'indicator',
  'year',
  'dataSet',
];

/** The codes of an entry's key, joined in reading order: `BIRTHS 202601 QS0101 M.1 STAT`. */
function describeKey(key: Record<string, unknown>): string {
  const rank = (field: string) => (KEY_ORDER.includes(field) ? KEY_ORDER.indexOf(field) : KEY_ORDER.length);
  return Object.keys(key)
    .sort((a, b) => rank(a) - rank(b))
    .map((field) => String(key[field]))
    .join(' ');
}

/** Who changed what, when and how: a filterable table of the audit trail, newest first. */
export function AuditPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<TFilterValues>();
  const [filter, setFilter] = useState<TAuditFilter>({});
  const [page, setPage] = useState(1);
  const state = useApi(
    (signal) => listAuditEntries({ ...filter, page, pageSize: PAGE_SIZE }, signal),
    [JSON.stringify(filter), page],
  );

  const apply = (values: TFilterValues) => {
    const [from, to] = values.range ?? [null, null];
    setFilter({
      orgUnit: values.orgUnit?.trim() || undefined,
      dataElement: values.dataElement?.trim() || undefined,
      period: values.period?.trim() || undefined,
      user: values.user?.trim() || undefined,
      job: values.job?.trim() || undefined,
      entity: values.entity,
      from: from ? from.format('YYYY-MM-DD') : undefined,
      to: to ? to.format('YYYY-MM-DD') : undefined,
    });
    setPage(1);
  };
  const showJob = (job: string) => {
    form.setFieldsValue({ job });
    apply({ ...form.getFieldsValue(), job });
  };

  const columns = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      render: (at: string) => at.replace('T', ' ').slice(0, 19),
    },
    { title: t('audit.user'), dataIndex: 'username', key: 'username' },
    {
      title: t('audit.how'),
      key: 'how',
      render: (_: unknown, entry: TAuditEntry) => (
        <Space size={4} wrap>
          <Tag color={HOW_COLORS[entry.how]}>{t(`audit.how.${entry.how}` as TMessageKey)}</Tag>
          {entry.jobId ? (
            <Typography.Link data-testid="audit-job-link" onClick={() => showJob(entry.jobId ?? '')}>
              {entry.jobId.slice(0, 8)}
            </Typography.Link>
          ) : null}
        </Space>
      ),
    },
    { title: t('audit.entity'), dataIndex: 'entity', key: 'entity' },
    {
      title: t('audit.key'),
      key: 'key',
      render: (_: unknown, entry: TAuditEntry) => (
        <Typography.Text code>{describeKey(entry.key)}</Typography.Text>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: TAuditEntry['action']) => t(`audit.action.${action}` as TMessageKey),
    },
    {
      title: t('audit.oldValue'),
      key: 'oldValue',
      render: (_: unknown, entry: TAuditEntry) => describeValue(entry.oldValue),
    },
    {
      title: t('audit.newValue'),
      key: 'newValue',
      render: (_: unknown, entry: TAuditEntry) => describeValue(entry.newValue),
    },
  ];

  return (
    <Card title={t('audit.title')}>
      <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="orgUnit" label={t('audit.orgUnit')}>
          <Input allowClear placeholder="QS0101" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="dataElement" label={t('audit.dataElement')}>
          <Input allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="period" label={t('audit.period')}>
          <Input allowClear placeholder="202601" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="user" label={t('audit.user')}>
          <Input allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="entity" label={t('audit.entity')}>
          <Select
            allowClear
            style={{ width: 150 }}
            options={[
              'data_value',
              'org_unit',
              'data_element',
              'data_set',
              'indicator',
              'target',
              'user',
              'token',
            ].map((entity) => ({ value: entity, label: entity }))}
          />
        </Form.Item>
        <Form.Item name="range" label={t('audit.time')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="job" label={t('audit.job')}>
          <Input data-testid="audit-job-filter" allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('audit.filter')}
          </Button>
        </Form.Item>
      </Form>
      {state.error ? <ErrorMessage error={state.error} onRetry={state.reload} /> : null}
      <Table<TAuditEntry>
        data-testid="audit-table"
        rowKey="id"
        size="small"
        loading={state.isLoading}
        dataSource={state.data?.items ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('audit.empty') }}
        scroll={{ x: true }}
      />
      <Space style={{ marginTop: 16 }}>
        <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('audit.newer')}
        </Button>
        <Typography.Text>{t('audit.page', { page: String(page) })}</Typography.Text>
        <Button disabled={!state.data?.hasMore} onClick={() => setPage(page + 1)}>
          {t('audit.older')}
        </Button>
      </Space>
    </Card>
  );
}
