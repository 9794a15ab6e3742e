import { Card, Col, Empty, Row, Spin, Typography } from 'antd';
import { getAnalyticsOverview, getAnalyticsSeries, type TOverviewIndicator } from '../../api/analytics.js';
import { getChildBoundaries } from '../../api/geo.js';
import { useApi } from '../../api/use-api.js';
import { ChoroplethMap } from '../../components/charts/choropleth-map.js';
import { RankingChart } from '../../components/charts/ranking-chart.js';
import { SeriesChart } from '../../components/charts/series-chart.js';
import { ErrorMessage } from '../../components/error-message.js';
import { localName } from '../../components/local-name.js';
import { useI18n } from '../../i18n/i18n.js';
import { COMPACT_COLUMNS } from '../indicators/indicator-columns.js';
import { IndicatorTable } from '../indicators/indicator-table.js';
import { IndicatorCard } from './indicator-card.js';
import { SelectionBar, useDrillableChildren } from './selection-bar.js';
import { selectionQuery, type TSelection, useAnalyticsSelection } from './use-analytics-selection.js';

/**
 * The landing page: a card per indicator for the selected unit and period, then the selected
 * indicator's monthly trend against last year, the sub-units' ranking with 95% intervals and
 * their map. Clicking a sub-unit (bar, region or row) drills down; the breadcrumb goes back up.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const { selection, update, rootError, hasNoOrgUnits } = useAnalyticsSelection();
  const { orgUnit, period, ytd } = selection;
  const overview = useApi(
    (signal) => getAnalyticsOverview({ orgUnit: orgUnit ?? '', period, ytd }, signal),
    [orgUnit, period, ytd],
    Boolean(orgUnit),
  );
  const drillable = useDrillableChildren(orgUnit);
  const drill = (code: string) => {
    if (drillable.has(code)) update({ orgUnit: code });
  };
  if (rootError) return <ErrorMessage error={rootError} />;
  if (hasNoOrgUnits) return <Empty description={t('dashboard.noOrgUnits')} />;
  const indicators = overview.data?.indicators ?? [];
  const selected = indicators.find((item) => item.indicator.code === selection.indicator) ?? indicators[0];
  return (
    <div data-testid="dashboard">
      <SelectionBar
        selection={selection}
        onOrgUnit={(code) => update({ orgUnit: code })}
        onPeriod={(changes) => update(changes, true)}
      />
      {overview.error ? <ErrorMessage error={overview.error} onRetry={overview.reload} /> : null}
      {overview.isLoading && !overview.data ? <Spin style={{ display: 'block', margin: 48 }} /> : null}
      {overview.data && indicators.length === 0 ? <Empty description={t('dashboard.noIndicators')} /> : null}
      <Row gutter={[16, 16]}>
        {indicators.map((item) => (
          <Col key={item.indicator.code} xs={24} sm={12} xl={8} xxl={8}>
            <IndicatorCard
              item={item}
              isSelected={item === selected}
              onSelect={() => update({ indicator: item.indicator.code }, true)}
              detailsHref={`/indicators/${encodeURIComponent(item.indicator.code)}?${selectionQuery(selection)}`}
            />
          </Col>
        ))}
      </Row>
      {selected && orgUnit ? (
        <IndicatorDetails
          item={selected}
          selection={{ ...selection, orgUnit }}
          drillable={drillable}
          onDrill={drill}
        />
      ) : null}
    </div>
  );
}

/** The selected indicator's trend, ranking, map and compact table. */
function IndicatorDetails({
  item,
  selection,
  drillable,
  onDrill,
}: {
  item: TOverviewIndicator;
  selection: TSelection & { orgUnit: string };
  drillable: Set<string>;
  onDrill(code: string): void;
}) {
  const { t, language } = useI18n();
  const { indicator, parent, rows } = item;
  const year = selection.period.slice(0, 4);
  const series = useApi(
    (signal) =>
      getAnalyticsSeries(
        { indicator: indicator.code, orgUnit: selection.orgUnit, from: `${year}01`, to: `${year}12` },
        signal,
      ),
    [indicator.code, selection.orgUnit, year],
  );
  const boundaries = useApi((signal) => getChildBoundaries(selection.orgUnit, signal), [selection.orgUnit]);
  const name = localName(indicator, language);
  const subUnits = rows.filter((row) => row.orgUnit !== parent.orgUnit);
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('dashboard.series', { indicator: name })}>
          {series.error ? <ErrorMessage error={series.error} /> : null}
          {series.data ? <SeriesChart series={series.data} /> : <Spin />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('dashboard.ranking', { indicator: name })}>
          {subUnits.length === 0 ? (
            <Empty description={t('dashboard.noSubUnits')} />
          ) : (
            <RankingChart indicator={indicator} parent={parent} rows={subUnits} onSelect={onDrill} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('dashboard.map', { indicator: name })}>
          {boundaries.error ? <ErrorMessage error={boundaries.error} /> : null}
          {boundaries.data && boundaries.data.features.length > 0 ? (
            <ChoroplethMap
              mapName={selection.orgUnit}
              boundaries={boundaries.data}
              indicator={indicator}
              rows={subUnits}
              onSelect={onDrill}
            />
          ) : boundaries.data ? (
            <Empty description={t('dashboard.noMap')} />
          ) : (
            <Spin />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={<Typography.Text type="secondary">{t('dashboard.drillHint')}</Typography.Text>}
        >
          <IndicatorTable
            indicator={indicator}
            parent={parent}
            rows={subUnits}
            columns={COMPACT_COLUMNS}
            canSelect={(code) => drillable.has(code)}
            onSelect={onDrill}
          />
        </Card>
      </Col>
    </Row>
  );
}
