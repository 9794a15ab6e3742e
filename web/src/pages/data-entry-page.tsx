import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Segmented, Select, Space, Spin } from 'antd';
import { getApprovalStatus } from '../api/approval.js';
import { listDataValues, templateUrl } from '../api/data-values.js';
import { getDataSet, listDataSets } from '../api/metadata.js';
import { useApi } from '../api/use-api.js';
import { ApprovalBar, ReadOnlyNotice, readOnlyReasonOf } from '../components/approval-bar.js';
import { EntryGrid } from '../components/entry-grid.js';
import { ErrorMessage } from '../components/error-message.js';
import { localName } from '../components/local-name.js';
import { OrgUnitTreeSelect } from '../components/org-unit-tree-select.js';
import { PeriodPicker } from '../components/period-picker.js';
import { useI18n } from '../i18n/i18n.js';
import { navigate, useSearchParams } from '../router.js';

const DEFAULT_SOURCE = 'STAT';

/** The entry form's choices live in the URL (`?dataSet=&orgUnit=&period=&source=`) so a form can be linked. */
function useEntrySelection() {
  const params = useSearchParams();
  const selection = {
    dataSet: params.get('dataSet') ?? undefined,
    orgUnit: params.get('orgUnit') ?? undefined,
    period: params.get('period') ?? undefined,
    source: params.get('source') ?? DEFAULT_SOURCE,
  };
  const update = (changes: Partial<Record<keyof typeof selection, string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    navigate(`${window.location.pathname}?${next.toString()}`, { replace: true });
  };
  return { selection, update };
}

/** Data entry: choose data set × org unit × period, then type values; each field saves on blur. */
export function DataEntryPage() {
  const { t, language } = useI18n();
  const { selection, update } = useEntrySelection();
  const { dataSet: dataSetCode, orgUnit, period, source } = selection;
  const dataSets = useApi((signal) => listDataSets(signal), []);
  const dataSet = useApi(
    (signal) => getDataSet(dataSetCode ?? '', signal),
    [dataSetCode],
    Boolean(dataSetCode),
  );
  const isReady = Boolean(dataSet.data && orgUnit && period);
  const values = useApi(
    (signal) =>
      listDataValues({ dataSet: dataSetCode ?? '', orgUnit: orgUnit ?? '', period: period ?? '' }, signal),
    [dataSetCode, orgUnit, period],
    isReady,
  );
  const approval = useApi(
    (signal) =>
      getApprovalStatus({ dataSet: dataSetCode ?? '', orgUnit: orgUnit ?? '', period: period ?? '' }, signal),
    [dataSetCode, orgUnit, period],
    isReady,
  );
  const readOnlyReason = readOnlyReasonOf(approval.data, t, language);
  // The default source first: it is what most forms are typed for.
  const sources = [...(dataSet.data?.sources ?? [])].sort(
    (a, b) => Number(b.code === DEFAULT_SOURCE) - Number(a.code === DEFAULT_SOURCE),
  );
  const isAssigned = !dataSet.data?.orgUnits || !orgUnit || dataSet.data.orgUnits.includes(orgUnit);

  return (
    <Card title={t('entry.title')}>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('entry.dataSet')}>
          <Select
            data-testid="data-set-select"
            style={{ width: 220 }}
            loading={dataSets.isLoading}
            value={dataSetCode}
            placeholder={t('entry.dataSet')}
            options={(dataSets.data ?? []).map((ds) => ({ value: ds.code, label: localName(ds, language) }))}
            onChange={(code: string) => update({ dataSet: code, period: undefined })}
          />
        </Form.Item>
        <Form.Item label={t('entry.orgUnit')}>
          <OrgUnitTreeSelect
            value={orgUnit}
            onChange={(code) => update({ orgUnit: code })}
            placeholder={t('entry.orgUnit')}
          />
        </Form.Item>
        {dataSet.data ? (
          <Form.Item label={t('entry.period')}>
            <PeriodPicker
              key={dataSet.data.code}
              periodType={dataSet.data.periodType}
              value={period}
              onChange={(id) => update({ period: id })}
            />
          </Form.Item>
        ) : null}
        {sources.length > 1 ? (
          <Form.Item label={t('entry.source')}>
            <Segmented
              value={source}
              options={sources.map((s) => ({ value: s.code, label: localName(s, language) }))}
              onChange={(code) => update({ source: String(code) })}
            />
          </Form.Item>
        ) : null}
      </Form>
      {dataSets.error ? <ErrorMessage error={dataSets.error} onRetry={dataSets.reload} /> : null}
      {dataSet.error ? <ErrorMessage error={dataSet.error} onRetry={dataSet.reload} /> : null}
      {!isReady ? <Empty description={t('entry.chooseHint')} /> : null}
      {isReady && !isAssigned ? (
        <Alert type="warning" showIcon title={t('entry.notAssigned')} style={{ marginBottom: 16 }} />
      ) : null}
      {isReady && dataSet.data && orgUnit && period ? (
        <>
          <Space style={{ marginBottom: 16 }}>
            <Button
              data-testid="download-template"
              icon={<DownloadOutlined />}
              href={templateUrl(dataSet.data.code, period, orgUnit)}
              download
            >
              {t('entry.downloadTemplate')}
            </Button>
          </Space>
          {approval.data ? <ApprovalBar status={approval.data} onChanged={approval.reload} /> : null}
          {approval.error ? <ErrorMessage error={approval.error} onRetry={approval.reload} /> : null}
          {readOnlyReason ? <ReadOnlyNotice reason={readOnlyReason} /> : null}
          {values.error ? <ErrorMessage error={values.error} onRetry={values.reload} /> : null}
          {values.isLoading || !values.data ? (
            <Spin />
          ) : (
            <EntryGrid
              dataSet={dataSet.data}
              orgUnit={orgUnit}
              period={period}
              source={source}
              values={values.data}
              readOnlyReason={readOnlyReason}
            />
          )}
        </>
      ) : null}
    </Card>
  );
}
