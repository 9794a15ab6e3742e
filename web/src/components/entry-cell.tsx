import { Input, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';
import { deleteDataValue, saveDataValue } from '../api/data-values.js';
import type { TDataValueKey } from '../api/types.js';
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

/** What a field starts from: the stored value and its version (none when nothing is stored). */
export interface TCellInitial {
  value: string;
  version: number | undefined;
}

/**
 * One data-entry field. On blur a changed value is saved (an emptied one deleted) with the version
 * last seen, so a concurrent change answers STALE_VERSION; the field turns green when saved and
 * shows the error under it in red when refused. With `readOnlyReason` (approved or locked data)
 * the field is disabled and a tooltip says why.
 */
export function EntryCell({
  valueKey,
  dataSet,
  initial,
  label,
  readOnlyReason,
}: {
  valueKey: TDataValueKey;
  dataSet: string;
  initial: TCellInitial;
  label: string;
  readOnlyReason?: string | undefined;
}) {
  const { t } = useI18n();
  const describeError = useErrorText();
  const [value, setValue] = useState(initial.value);
  const [stored, setStored] = useState(initial);
  const [status, setStatus] = useState<TCellStatus>({ kind: 'idle' });
  // Reset only when the stored value itself changes (the grid rebuilds `initial` objects on render).
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the value and version, not the object.
  useEffect(() => {
    setValue(initial.value);
    setStored(initial);
    setStatus({ kind: 'idle' });
  }, [initial.value, initial.version]);

  const commit = async () => {
    const next = value.trim();
    if (next === stored.value) return;
    setStatus({ kind: 'saving' });
    try {
      if (next === '') {
        await deleteDataValue(valueKey);
        setStored({ value: '', version: undefined });
      } else {
        const version = stored.version;
        const saved = await saveDataValue({
          ...valueKey,
          dataSet,
          value: next,
          ...(version ? { version } : {}),
        });
        setStored({ value: saved.value, version: saved.version });
      }
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
      {/* The tooltip sits on a wrapper: a disabled input does not receive pointer events. */}
      <Tooltip title={readOnlyReason}>
        <div data-testid={`${testId}-wrapper`}>
          <Input
            data-testid={testId}
            aria-label={label}
            value={value}
            disabled={readOnlyReason !== undefined}
            status={status.kind === 'error' ? 'error' : undefined}
            style={isSaved ? { borderColor: '#52c41a', background: '#f6ffed' } : undefined}
            onChange={(event) => setValue(event.target.value)}
            onBlur={() => void commit()}
            onPressEnter={(event) => event.currentTarget.blur()}
          />
        </div>
      </Tooltip>
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
