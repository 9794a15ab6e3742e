import { AppError, notFound } from '../../../core/errors.js';
import { parsePeriod } from '../../../core/periods/index.js';
import type { Queryable } from '../../../store/db.js';
import type { Principal } from '../../auth/principal.js';
import { assertOrgUnitsInScope } from '../../auth/scope.js';
import * as repository from './export.repository.js';
import {
  type TExportedValue,
  type TExportQuery,
  type TExportQueryInput,
  ZExportQuery,
} from './export.schema.js';
import { formatCsv, formatJson } from './export-format.js';

/** Values read per query while streaming an export. */
export const EXPORT_BATCH_SIZE = 5000;

/** An export ready to stream: its media type, a file name and the text in chunks. */
export interface DataValueExport {
  format: 'json' | 'csv';
  contentType: string;
  fileName: string;
  chunks: AsyncIterable<string>;
  /** Values written to `chunks` so far (all of them once it is consumed). */
  readonly valueCount: number;
}

/**
 * Checks an export request against the store (unknown data set, org unit or source: NOT_FOUND;
 * no period: VALIDATION_FAILED; bad period id: INVALID_PERIOD; an org unit outside the
 * principal's scope: FORBIDDEN) and returns the export, whose text is read from the store in
 * keyset batches only as it is consumed — only values of org units in the principal's scope.
 */
export async function exportDataValues(
  db: Queryable,
  principal: Principal,
  input: TExportQueryInput,
  options: { batchSize?: number } = {},
): Promise<DataValueExport> {
  const parsed = ZExportQuery.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'query');
    throw new AppError('VALIDATION_FAILED', `${field}: ${issue?.message}`, { field, reason: issue?.message });
  }
  const query = parsed.data;
  const scope = await resolveScope(db, principal, query);
  let valueCount = 0;
  async function* counted(): AsyncIterable<TExportedValue[]> {
    for await (const batch of readBatches(db, scope, options.batchSize)) {
      valueCount += batch.length;
      yield batch;
    }
  }
  const periodPart = query.period?.join('_') ?? `${query.startDate}_${query.endDate}`;
  const base = `${query.dataSet}_${periodPart}${query.orgUnit ? `_${query.orgUnit}` : ''}`;
  const isCsv = query.format === 'csv';
  return {
    format: query.format,
    contentType: isCsv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    fileName: `${base}.${query.format}`,
    chunks: isCsv ? formatCsv(counted()) : formatJson(counted()),
    get valueCount() {
      return valueCount;
    },
  };
}

/** Every value of the export in batches of EXPORT_BATCH_SIZE (the last may be short). */
export async function* readBatches(
  db: Queryable,
  scope: repository.ExportScope,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncIterable<TExportedValue[]> {
  if (scope.dataElementIds.length === 0 || scope.periodIds.length === 0) return;
  let cursor = repository.START_CURSOR;
  for (;;) {
    const rows = await repository.selectExportBatch(db, scope, cursor, batchSize);
    const last = rows.at(-1);
    if (!last) return;
    cursor = last.key;
    yield rows.map(({ key: _key, ...value }) => value);
    if (rows.length < batchSize) return;
  }
}

async function resolveScope(
  db: Queryable,
  principal: Principal,
  query: TExportQuery,
): Promise<repository.ExportScope> {
  const dataElementIds = await repository.selectDataSetElementIds(db, query.dataSet);
  if (!dataElementIds) throw notFound('data set', query.dataSet);
  const orgUnitId = query.orgUnit
    ? await repository.selectIdByCode(db, 'org_unit', query.orgUnit)
    : undefined;
  if (query.orgUnit && orgUnitId === undefined) throw notFound('org unit', query.orgUnit);
  if (orgUnitId !== undefined) await assertOrgUnitsInScope(db, principal, [orgUnitId]);
  const sourceId = query.source ? await repository.selectIdByCode(db, 'source', query.source) : undefined;
  if (query.source && sourceId === undefined) throw notFound('source', query.source);
  return {
    reader: principal,
    dataElementIds,
    periodIds: await resolvePeriods(db, query),
    orgUnitId,
    withChildren: query.children,
    sourceId,
  };
}

async function resolvePeriods(db: Queryable, query: TExportQuery): Promise<number[]> {
  if (query.period && query.period.length > 0) {
    const ids = query.period.map((id) => parsePeriod(id).id);
    return repository.selectPeriodIds(db, ids);
  }
  if (query.startDate && query.endDate) {
    if (query.startDate > query.endDate)
      throw invalidQuery('endDate', `endDate ${query.endDate} is before startDate ${query.startDate}`);
    return repository.selectPeriodIdsBetween(db, query.startDate, query.endDate);
  }
  throw invalidQuery('period', 'give period, or both startDate and endDate');
}

function invalidQuery(field: string, reason: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field}: ${reason}`, { field, reason });
}
