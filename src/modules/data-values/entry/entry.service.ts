import type { z } from 'zod';
import { AppError, notFound } from '../../../core/errors.js';
import type { Db, Queryable } from '../../../store/db.js';
import { getFormApproval } from '../../approval/approval.service.js';
import {
  applicableDataSets,
  assertValueWritable,
  mayEditExpiredPeriods,
} from '../../approval/lock.service.js';
import { auditHowOf, setAuditActor } from '../../audit/audit-actor.js';
import type { Principal } from '../../auth/principal.js';
import { assertOrgUnitsInScope } from '../../auth/scope.js';
import { ensurePeriods } from '../../periods/period.repository.js';
import { checkValue } from '../value-rules.js';
import * as repository from './entry.repository.js';
import {
  type TDataValueInput,
  type TDataValueKey,
  type TDataValueKeyInput,
  type TFormValues,
  type TStoredDataValue,
  ZDataValueInput,
  ZDataValueKey,
} from './entry.schema.js';
import { checkKey, invalidField, parseEntryPeriod, type TEntryField } from './entry-validation.js';

/** Today as an ISO date (UTC), the default for the future-period check. */
function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Validates and stores one value (same rules as an import): inserts it with version 1 or updates
 * it with version + 1 and `last_updated = now()`. Returns the stored value. Throws
 * VALIDATION_FAILED `{field, reason}`, STALE_VERSION when `input.version` is no longer current,
 * FORBIDDEN when the org unit is outside the principal's scope. Audited as the principal's.
 */
export async function saveDataValue(
  db: Db,
  principal: Principal,
  input: TDataValueInput,
  options: { storedBy: string; today?: string },
): Promise<TStoredDataValue> {
  const entry = parseFields(ZDataValueInput, input);
  const key: TDataValueKey = ZDataValueKey.parse(entry);
  const period = parseEntryPeriod(key.period);
  const resolved = await repository.resolveKey(db, key);
  const today = options.today ?? isoToday();
  const ids = checkKey({ ...key, dataSet: entry.dataSet }, resolved, period, today);
  await assertOrgUnitsInScope(db, principal, [ids.orgUnitId]);
  const valueType = resolved.dataElement?.valueType ?? 'TEXT';
  const check = checkValue(valueType, entry.value);
  if (!check.ok) throw invalidField('value', check.reason);
  return db.transaction(async (tx) => {
    await setAuditActor(tx, { principal, how: auditHowOf(principal) });
    const dataSets = applicableDataSets(resolved.dataSets, entry.dataSet, period);
    await assertValueWritable(tx, {
      dataSets,
      orgUnitId: ids.orgUnitId,
      orgUnit: key.orgUnit,
      period,
      today,
      mayEditExpired: mayEditExpiredPeriods(principal),
    });
    const periodId = (await ensurePeriods(tx, [period])).get(period.id);
    if (periodId === undefined) throw new Error(`period ${period.id} was not stored`);
    const valueIds = { ...ids, periodId };
    const stored = await repository.upsertValue(tx, valueIds, {
      value: check.value,
      num: check.num,
      comment: entry.comment === '' ? null : entry.comment,
      followup: entry.followup,
      storedBy: options.storedBy,
      expectedVersion: entry.version,
    });
    if (!stored) throw await staleVersion(tx, valueIds, entry.version);
    return { ...key, ...stored };
  });
}

/**
 * Deletes one value by its key (codes). Returns what was stored; NOT_FOUND when there was none;
 * APPROVED_READ_ONLY or PERIOD_LOCKED when its period is approved or expired; FORBIDDEN outside
 * the principal's scope. Audited as the principal's.
 */
export async function deleteDataValue(
  db: Db,
  principal: Principal,
  keyInput: TDataValueKeyInput | Record<string, string | undefined>,
  options: { today?: string } = {},
): Promise<TStoredDataValue> {
  const key = parseFields(ZDataValueKey, keyInput);
  const period = parseEntryPeriod(key.period);
  const resolved = await repository.resolveKey(db, key);
  if (resolved.orgUnitId !== undefined) await assertOrgUnitsInScope(db, principal, [resolved.orgUnitId]);
  const deleted = await db.transaction(async (tx) => {
    await setAuditActor(tx, { principal, how: auditHowOf(principal) });
    if (resolved.orgUnitId !== undefined)
      await assertValueWritable(tx, {
        dataSets: applicableDataSets(resolved.dataSets, undefined, period),
        orgUnitId: resolved.orgUnitId,
        orgUnit: key.orgUnit,
        period,
        today: options.today ?? isoToday(),
        mayEditExpired: mayEditExpiredPeriods(principal),
      });
    return repository.deleteValue(tx, key);
  });
  if (!deleted) throw notFound('data value', describeKey(key));
  return { ...key, ...deleted };
}

/**
 * The current values of a data set's form for one org unit and period, with the approval that
 * covers it and its expiry lock (the form is read-only when approved or expired). NOT_FOUND when
 * the data set or org unit is unknown; VALIDATION_FAILED on a bad period id; FORBIDDEN outside
 * the principal's scope.
 */
export async function getFormValues(
  db: Queryable,
  principal: Principal,
  query: { dataSet: string; period: string; orgUnit: string },
): Promise<TFormValues> {
  const period = parseEntryPeriod(query.period);
  const known = await repository.selectExistence(db, query);
  if (!known.hasDataSet) throw notFound('data set', query.dataSet);
  if (known.orgUnitId === undefined) throw notFound('org unit', query.orgUnit);
  await assertOrgUnitsInScope(db, principal, [known.orgUnitId]);
  const values = await repository.selectFormValues(db, { ...query, period: period.id });
  return {
    dataSet: query.dataSet,
    period: period.id,
    orgUnit: query.orgUnit,
    dataValues: values.map(({ period: _p, orgUnit: _o, created: _c, ...value }) => value),
    ...(await getFormApproval(
      db,
      { dataSet: query.dataSet, orgUnit: query.orgUnit, period },
      { mayEditExpired: mayEditExpiredPeriods(principal) },
    )),
  };
}

/** `BIRTHS/202609/QS0101/M.1/STAT`: a key in one string for messages. */
export function describeKey(key: TDataValueKey): string {
  return [key.dataElement, key.period, key.orgUnit, key.categoryOptionCombo, key.attributeOptionCombo].join(
    '/',
  );
}

async function staleVersion(
  db: Queryable,
  ids: repository.ValueIds,
  expected: number | undefined,
): Promise<AppError> {
  const current = await repository.selectCurrent(db, ids);
  return new AppError(
    'STALE_VERSION',
    `the value changed meanwhile: version ${current?.version} is stored, not ${expected}`,
    { expected, current: current?.version, currentValue: current ?? null },
  );
}

const FIELDS: readonly TEntryField[] = [
  'dataElement',
  'period',
  'orgUnit',
  'categoryOptionCombo',
  'attributeOptionCombo',
  'dataSet',
  'value',
  'comment',
  'followup',
  'version',
];

/** Parses with `schema` or throws VALIDATION_FAILED naming the first bad field. */
function parseFields<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalidField(fieldOf(issue?.path[0]), issue?.message ?? 'invalid input');
}

function fieldOf(path: PropertyKey | undefined): TEntryField {
  return FIELDS.find((field) => field === path) ?? 'value';
}
