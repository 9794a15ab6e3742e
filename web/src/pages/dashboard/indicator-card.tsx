import { Card, Space, Statistic, Typography } from 'antd';
import type { TOverviewIndicator } from '../../api/analytics.js';
import { localName } from '../../components/local-name.js';
import { useI18n } from '../../i18n/i18n.js';
import { Link } from '../../router.js';
import {
  describeChange,
  formatInterval,
  formatNumber,
  formatProbability,
  formatValue,
} from './analytics-format.js';
import { SignificanceMark, TargetStatusTag } from './analytics-tags.js';

/**
 * One indicator for the selected unit: its value, the change against the same period last year in
 * the glossary's register with its significance, and the target's status and probability.
 */
export function IndicatorCard({
  item,
  isSelected,
  onSelect,
  detailsHref,
}: {
  item: TOverviewIndicator;
  isSelected: boolean;
  onSelect(): void;
  detailsHref: string;
}) {
  const { t, language } = useI18n();
  const { indicator, parent } = item;
  const change = describeChange(parent.change, indicator, t, language);
  return (
    <Card
      size="small"
      hoverable
      data-testid={`indicator-card-${indicator.code}`}
      onClick={onSelect}
      style={isSelected ? { borderColor: '#1677ff', boxShadow: '0 0 0 1px #1677ff' } : undefined}
      title={localName(indicator, language)}
      extra={
        <Link href={detailsHref} onClick={(event) => event.stopPropagation()}>
          {t('dashboard.details')}
        </Link>
      }
    >
      <Statistic
        value={formatNumber(parent.value, indicator.decimals, language)}
        suffix={parent.value === null ? undefined : (indicator.unit ?? undefined)}
        styles={{ content: { fontSize: 28 } }}
      />
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap size={8}>
          <span data-testid="card-change">
            {parent.change === null ? '—' : t('indicator.yoy', { change })}
          </span>
          <SignificanceMark row={parent} />
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.lastYear', { value: formatValue(parent.previous.value, indicator, language) })}
          {parent.ci95
            ? ` · ${t('dashboard.interval', { interval: formatInterval(parent.ci95, indicator, language) })}`
            : ''}
        </Typography.Text>
        {parent.target ? (
          <Space size={8} data-testid="card-target">
            <TargetStatusTag status={parent.target.status} />
            <Typography.Text type="secondary">
              {t('indicator.probability', { probability: formatProbability(parent.target.probability) })}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.noTarget')}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
