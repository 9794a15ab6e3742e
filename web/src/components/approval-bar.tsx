import { Alert, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { changeApproval, type TApprovalAction, type TApprovalStatus } from '../api/approval.js';
import { useI18n } from '../i18n/i18n.js';
import type { TMessageKey } from '../i18n/zh-CN.js';
import { ErrorMessage } from './error-message.js';
import { localName } from './local-name.js';

type TTranslate = (key: TMessageKey, params?: Record<string, string | number>) => string;

const STATE_COLORS: Record<TApprovalStatus['state'], string> = {
  UNAPPROVABLE: 'default',
  UNAPPROVED: 'default',
  APPROVED: 'blue',
  ACCEPTED: 'green',
};

/** A server timestamp as local `YYYY-MM-DD HH:mm`. */
function formatTime(iso: string | null): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
}

/**
 * Why the entry form is read-only (approved, accepted or past its expiry days without a lock
 * exception), in the UI language; undefined when values may be typed.
 */
export function readOnlyReasonOf(
  status: TApprovalStatus | undefined,
  t: TTranslate,
  language: 'zh-CN' | 'en',
): string | undefined {
  if (!status) return undefined;
  const unit = status.approvalOrgUnit ? localName(status.approvalOrgUnit, language) : '';
  switch (status.state) {
    case 'APPROVED':
      return t('approval.readOnlyApproved', { unit });
    case 'ACCEPTED':
      return t('approval.readOnlyAccepted', { unit });
    case 'UNAPPROVED':
    case 'UNAPPROVABLE':
      break;
  }
  if (!status.locked.expired) return undefined;
  return t('approval.readOnlyLocked', { date: status.locked.lockDate ?? '', days: status.locked.expiryDays });
}

const ACTION_LABELS: Record<TApprovalAction, TMessageKey> = {
  approve: 'approval.approve',
  unapprove: 'approval.unapprove',
  accept: 'approval.accept',
  unaccept: 'approval.unaccept',
};

/**
 * The approval bar above the entry grid: the state of the county's approval covering the form,
 * who approved or accepted it and when, whom it still waits for, and the buttons the caller's
 * rights allow (approve / unapprove / accept / unaccept). `onChanged` hears the new status.
 */
export function ApprovalBar({
  status,
  onChanged,
}: {
  status: TApprovalStatus;
  onChanged: (status: TApprovalStatus) => void;
}) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState<TApprovalAction | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  const unitRef = status.approvalOrgUnit;
  if (!unitRef && !status.locked.expired && !status.locked.hasException) return null;
  const unit = unitRef ? localName(unitRef, language) : '';

  const run = async (action: TApprovalAction) => {
    if (!unitRef) return;
    setBusy(action);
    setFailure(undefined);
    try {
      onChanged(
        await changeApproval(action, {
          dataSet: status.dataSet,
          period: status.period,
          orgUnit: unitRef.code,
        }),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(undefined);
    }
  };
  const button = (action: TApprovalAction, isAllowed: boolean, confirm: boolean) => {
    if (!isAllowed) return null;
    const element = (
      <Button
        key={action}
        data-testid={`approval-${action}`}
        size="small"
        type={action === 'approve' || action === 'accept' ? 'primary' : 'default'}
        loading={busy === action}
        disabled={busy !== undefined && busy !== action}
        onClick={confirm ? undefined : () => void run(action)}
      >
        {t(ACTION_LABELS[action])}
      </Button>
    );
    return confirm ? (
      <Popconfirm key={action} title={t('approval.confirmUnapprove')} onConfirm={() => run(action)}>
        {element}
      </Popconfirm>
    ) : (
      element
    );
  };

  const detail =
    status.state === 'ACCEPTED'
      ? t('approval.acceptedBy', { unit, by: status.acceptedBy ?? '', at: formatTime(status.acceptedAt) })
      : status.state === 'APPROVED'
        ? t('approval.approvedBy', { unit, by: status.approvedBy ?? '', at: formatTime(status.approvedAt) })
        : unitRef
          ? t('approval.notApproved', { unit })
          : '';
  return (
    <div data-testid="approval-bar" data-state={status.state} style={{ marginBottom: 16 }}>
      <Space wrap>
        <Typography.Text strong>{t('approval.title')}</Typography.Text>
        <Tag color={STATE_COLORS[status.state]} data-testid="approval-state">
          {t(`approval.state.${status.state}`)}
        </Tag>
        {status.locked.expired ? <Tag color="red">{t('approval.locked')}</Tag> : null}
        {status.locked.hasException ? <Tag color="gold">{t('approval.lockException')}</Tag> : null}
        <Typography.Text type="secondary">{detail}</Typography.Text>
        {button('approve', status.canApprove, false)}
        {button('unapprove', status.canUnapprove, true)}
        {button('accept', status.canAccept, false)}
        {button('unaccept', status.canUnaccept, true)}
      </Space>
      {status.state === 'UNAPPROVED' && status.waitingFor.length > 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid="approval-waiting">
          {t('approval.waitingFor', {
            units: status.waitingFor
              .map((ref) => localName(ref, language))
              .join(language === 'en' ? ', ' : '、'),
          })}
        </Typography.Paragraph>
      ) : null}
      {failure ? (
        <div style={{ marginTop: 8 }}>
          <ErrorMessage error={failure} />
        </div>
      ) : null}
    </div>
  );
}

/** The read-only notice above a locked or approved grid. */
export function ReadOnlyNotice({ reason }: { reason: string }) {
  return (
    <Alert data-testid="read-only-notice" type="info" showIcon title={reason} style={{ marginBottom: 16 }} />
  );
}
