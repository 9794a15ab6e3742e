import { Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';
import { deleteDataValue, saveDataValue, type TDataValueKey } from '../api/data-values.js';
import { useI18n } from '../i18n/i18n.js';
import { useErrorText } from './error-message.js';

type TCellStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; text: string };

/** The reason the server gave for a rejected value (`details.reason`), else its message. */
function serverReason(error: unknown): string {
  if (error instanceof ApiError) {
    const details = error.details as { reason?: unknown } | null;
    if (details && typeof details.reason === 'string') return details.reason;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The id e2e tests and labels use for a cell: `cell-DE-COMBO-SOURCE`. */
export function cellTestId(
  key: Pick<TDataValueKey, 'dataElement' | 'categoryOptionCombo' | 'attributeOptionCombo'>,
) {
  return `cell-${key.dataElement}-${key.categoryOptionCombo}-${key.attributeOptionCombo}`;
}

/**
 * One data-entry field. On blur a changed value is saved (an emptied one deleted); the field
 * turns green when saved and shows the validation error under it in red when refused.
 */
export function EntryCell({
  valueKey,
  initial,
  label,
}: {
  valueKey: TDataValueKey;
  initial: string;
  label: string;
}) {
  const { t } = useI18n();
  const describeError = useErrorText();
  const [value, setValue] = useState(initial);
  const [stored, setStored] = useState(initial);
  const [status, setStatus] = useState<TCellStatus>({ kind: 'idle' });
  useEffect(() => {
    setValue(initial);
    setStored(initial);
    setStatus({ kind: 'idle' });
  }, [initial]);

  const commit = async () => {
    const next = value.trim();
    if (next === stored) return;
    setStatus({ kind: 'saving' });
    try {
      if (next === '') await deleteDataValue(valueKey);
      else await saveDataValue({ ...valueKey, value: next });
      setStored(next);
      setStatus({ kind: 'saved' });
    } catch (error) {
      const { title } = describeError(error);
      const reason = serverReason(error);
      setStatus({ kind: 'error', text: reason && reason !== title ? `${title}: ${reason}` : title });
    }
  };

  const testId = cellTestId(valueKey);
  const isSaved = status.kind === 'saved';
  return (
    <div style={{ width: 128 }}>
      <Input
        data-testid={testId}
        aria-label={label}
        value={value}
        status={status.kind === 'error' ? 'error' : undefined}
        style={isSaved ? { borderColor: '#52c41a', background: '#f6ffed' } : undefined}
        onChange={(event) => setValue(event.target.value)}
        onBlur={() => void commit()}
        onPressEnter={(event) => event.currentTarget.blur()}
      />
      <div data-testid={`${testId}-status`} data-status={status.kind} style={{ minHeight: 18, fontSize: 12 }}>
        {status.kind === 'saving' ? (
          <Typography.Text type="secondary">{t('entry.saving')}</Typography.Text>
        ) : null}
        {isSaved ? <Typography.Text type="success">{t('entry.saved')}</Typography.Text> : null}
        {status.kind === 'error' ? <Typography.Text type="danger">{status.text}</Typography.Text> : null}
      </div>
    </div>
  );
}
