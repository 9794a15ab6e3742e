import { CheckCircleFilled } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import type { TAnalyticsRow, TTargetStatus } from '../../api/analytics.js';
import { useI18n } from '../../i18n/i18n.js';
import { significanceExplanation, significanceLabel } from './analytics-format.js';

const STATUS_COLOR: Record<TTargetStatus, string> = {
  MET: 'success',
  ON_TRACK: 'processing',
  AT_RISK: 'warning',
  OFF_TRACK: 'error',
  MISSED: 'error',
  UNKNOWN: 'default',
};

/** The target attainment as a coloured tag (目标完成情况). */
export function TargetStatusTag({ status }: { status: TTargetStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {t(`indicator.status.${status}`)}
    </Tag>
  );
}

/**
 * A significant change gets a marked label; one that is not gets muted text; both explain
 * themselves in a tooltip ("a change this size happens by chance").
 */
export function SignificanceMark({ row }: { row: Pick<TAnalyticsRow, 'significant' | 'pValue'> }) {
  const { t } = useI18n();
  if (row.significant === null) return null;
  const tip = significanceExplanation(row, t);
  return (
    <Tooltip title={tip}>
      {row.significant ? (
        <Typography.Text strong data-significant="true" style={{ color: '#0958d9' }}>
          <CheckCircleFilled /> {significanceLabel(true, t)}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" data-significant="false">
          {significanceLabel(false, t)}
        </Typography.Text>
      )}
    </Tooltip>
  );
}

/** GOOD / BAD / FLAT against the target's direction, as a small tag. */
export function DirectionTag({ direction }: { direction: TAnalyticsRow['direction'] }) {
  const { t } = useI18n();
  if (direction === null) return <>—</>;
  const color = direction === 'GOOD' ? 'green' : direction === 'BAD' ? 'red' : 'default';
  return <Tag color={color}>{t(`indicator.direction.${direction}`)}</Tag>;
}
