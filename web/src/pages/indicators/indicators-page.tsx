import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { analyticsExportUrl, getIndicatorAnalytics } from '../../api/analytics.js';
import { listIndicators } from '../../api/metadata.js';
import { useApi } from '../../api/use-api.js';
import { ErrorMessage } from '../../components/error-message.js';
import { localName } from '../../components/local-name.js';
import { useI18n } from '../../i18n/i18n.js';
import { Link, usePathname } from '../../router.js';
import { SelectionBar, useDrillableChildren } from '../dashboard/selection-bar.js';
import {
  selectionQuery,
  type TSelection,
  useAnalyticsSelection,
} from '../dashboard/use-analytics-selection.js';
import { IndicatorTable } from './indicator-table.js';

/** `/indicators` lists the indicators; `/indicators/:code` shows one indicator's sub-unit table. */
export function IndicatorsPage() {
  const pathname = usePathname();
  const code = decodeURIComponent(pathname.replace(/^\/indicators\/?/, '').replace(/\/+$/, ''));
  return code ? <IndicatorDetailPage code={code} /> : <IndicatorListPage />;
}

function IndicatorListPage() {
  const { t, language } = useI18n();
  const { selection } = useAnalyticsSelection();
  const indicators = useApi((signal) => listIndicators(signal), []);
  if (indicators.error) return <ErrorMessage error={indicators.error} onRetry={indicators.reload} />;
  if (!indicators.data) return <Spin />;
  return (
    <Card
      title={t('nav.indicators')}
      extra={<Typography.Text type="secondary">{t('indicator.listHint')}</Typography.Text>}
    >
      <List
        data-testid="indicator-list"
        dataSource={indicators.data}
        locale={{ emptyText: <Empty description={t('dashboard.noIndicators')} /> }}
        renderItem={(indicator) => (
          <List.Item>
            <Space>
              <Link href={`/indicators/${encodeURIComponent(indicator.code)}?${selectionQuery(selection)}`}>
                {localName(indicator, language)}
              </Link>
              <Tag>{indicator.code}</Tag>
              {indicator.unit ? <Typography.Text type="secondary">{indicator.unit}</Typography.Text> : null}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function IndicatorDetailPage({ code }: { code: string }) {
  const { t, language } = useI18n();
  const { selection, update, rootError } = useAnalyticsSelection();
  const { orgUnit, period, ytd } = selection;
  const answer = useApi(
    (signal) =>
      getIndicatorAnalytics(
        { indicator: code, orgUnit: orgUnit ?? '', period, ytd, level: 'children' },
        signal,
      ),
    [code, orgUnit, period, ytd],
    Boolean(orgUnit),
  );
  const drillable = useDrillableChildren(orgUnit);
  const data = answer.data;
  return (
    <Card
      title={
        <Space>
          <Link href={`/indicators?${selectionQuery(selection)}`}>{t('indicator.back')}</Link>
          <span>/</span>
          <span data-testid="indicator-title">{data ? localName(data.indicator, language) : code}</span>
          {data?.indicator.unit ? (
            <Typography.Text type="secondary">({data.indicator.unit})</Typography.Text>
          ) : null}
        </Space>
      }
      extra={<ExportButton code={code} selection={selection} />}
    >
      <SelectionBar
        selection={selection}
        onOrgUnit={(next) => update({ orgUnit: next })}
        onPeriod={(changes) => update(changes, true)}
      />
      {rootError ? <ErrorMessage error={rootError} /> : null}
      {answer.error ? <ErrorMessage error={answer.error} onRetry={answer.reload} /> : null}
      {data ? (
        <IndicatorTable
          indicator={data.indicator}
          parent={data.parent}
          rows={data.rows}
          canSelect={(unit) => drillable.has(unit)}
          onSelect={(unit) => update({ orgUnit: unit })}
        />
      ) : answer.isLoading ? (
        <Spin />
      ) : null}
    </Card>
  );
}

function ExportButton({ code, selection }: { code: string; selection: TSelection }) {
  const { t, language } = useI18n();
  if (!selection.orgUnit) return null;
  const href = analyticsExportUrl({
    indicator: code,
    orgUnit: selection.orgUnit,
    period: selection.period,
    ytd: selection.ytd,
    language,
  });
  return (
    <Button data-testid="export-xlsx" icon={<DownloadOutlined />} href={href}>
      {t('indicator.export')}
    </Button>
  );
}
