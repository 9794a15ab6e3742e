import { AppError } from '../../core/errors.js';
import { addDays } from '../../core/periods/index.js';
import type { Period } from '../../core/periods/period-types.js';
import type { Queryable } from '../../store/db.js';
import type { Principal } from '../auth/principal.js';
import type { TPeriodLock } from './approval.schema.js';
import {
  type CoveringApproval,
  type DataSetLock,
  deleteLockedStagedRows,
  hasAnyLock,
  listDataSetLocks,
  type StagedLockOptions,
} from './lock.repository.js';
import { lockPeriodsForWriting } from './period-write-lock.js';

/**
 * Whether `principal` may write into expired periods: admins and the CLI operator (DHIS2's
 * F_EDIT_EXPIRED authority, which a superuser holds), so that a new deployment can load past years.
 * Approval still applies to them.
 */
export function mayEditExpiredPeriods(principal: Principal): boolean {
  return principal.roles.includes('admin');
}

/** Today as an ISO date (UTC). */
export function isoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The first day on which a period is closed by `expiryDays` (the period's last day plus
 * expiryDays plus one), or null when expiryDays is 0 (never locks).
 */
export function lockDateOf(period: Pick<Period, 'end'>, expiryDays: number): string | null {
  return expiryDays > 0 ? addDays(period.end, expiryDays + 1) : null;
}

/** Whether `expiryDays` have passed since the period's end on `today` (ISO dates). */
export function isExpired(period: Pick<Period, 'end'>, expiryDays: number, today: string): boolean {
  const lockDate = lockDateOf(period, expiryDays);
  return lockDate !== null && today >= lockDate;
}

/** The words of an expiry lock: since when, why, and who can unlock. */
export function expiredReason(input: {
  dataSet: string;
  period: Pick<Period, 'id' | 'end'>;
  expiryDays: number;
  orgUnit: string;
}): string {
  const since = lockDateOf(input.period, input.expiryDays) ?? '';
  return (
    `period ${input.period.id} of data set ${input.dataSet} is locked since ${since}, ` +
    `${input.expiryDays} days after the period ended: an approver or admin can unlock it by granting ` +
    `a lock exception for ${input.orgUnit}`
  );
}

/** The words of an approval lock: who approved (and accepted) it, and what reopens it. */
export function approvedReason(input: {
  dataSet: string;
  period: string;
  approvalOrgUnit: string;
  approvedBy: string | null;
  isAccepted: boolean;
}): string {
  const by = input.approvedBy ? ` by ${input.approvedBy}` : '';
  const then = input.isAccepted
    ? 'the approval was accepted above: it must be unaccepted, then unapproved, before values change'
    : 'values are read-only until an approver unapproves it';
  return `data set ${input.dataSet} for ${input.period} is approved for ${input.approvalOrgUnit}${by}: ${then}`;
}

/**
 * The data sets a value is written through: the named one, else every data set holding the
 * element with the period's type that the org unit reports.
 */
export function applicableDataSets(
  dataSets: ReadonlyArray<{ code: string; periodType: string; isAssigned: boolean }>,
  named: string | undefined,
  period: Pick<Period, 'type'>,
): string[] {
  return dataSets
    .filter((set) => (named === undefined || set.code === named) && set.periodType === period.type)
    .filter((set) => set.isAssigned)
    .map((set) => set.code);
}

/**
 * Refuses a write of one value: APPROVED_READ_ONLY when an approval at or above the org unit
 * covers a data set of the value for the period; PERIOD_LOCKED when a data set's expiry days have
 * passed and no lock exception covers the org unit. Resolves when the value may be written.
 * Call it inside the writing transaction: it first takes the period's write lock, so that no
 * approval can commit between this check and the write (`period-write-lock.ts`).
 */
export async function assertValueWritable(
  db: Queryable,
  input: {
    dataSets: readonly string[];
    orgUnitId: number;
    orgUnit: string;
    period: Period;
    today: string;
    /** Skip the expiry lock (see `mayEditExpiredPeriods`). */
    mayEditExpired: boolean;
  },
): Promise<void> {
  if (input.dataSets.length === 0) return;
  await lockPeriodsForWriting(db, [input.period.id]);
  const locks = await listDataSetLocks(db, {
    dataSets: input.dataSets,
    orgUnitId: input.orgUnitId,
    period: input.period.id,
  });
  const approved = locks.find((lock) => lock.approval !== null);
  if (approved?.approval) throw approvedError(approved.dataSet, input.period.id, approved.approval);
  const expired = locks.find(
    (lock) =>
      !input.mayEditExpired && !lock.hasException && isExpired(input.period, lock.expiryDays, input.today),
  );
  if (expired)
    throw new AppError(
      'PERIOD_LOCKED',
      expiredReason({ ...expired, period: input.period, orgUnit: input.orgUnit }),
      {
        dataSet: expired.dataSet,
        period: input.period.id,
        orgUnit: input.orgUnit,
        expiryDays: expired.expiryDays,
        lockDate: lockDateOf(input.period, expired.expiryDays),
        unlockBy: ['approver', 'admin'],
      },
    );
}

function approvedError(dataSet: string, period: string, approval: CoveringApproval): AppError {
  const message = approvedReason({
    dataSet,
    period,
    approvalOrgUnit: `${approval.orgUnitName} (${approval.orgUnit})`,
    approvedBy: approval.approvedBy,
    isAccepted: approval.accepted,
  });
  return new AppError('APPROVED_READ_ONLY', message, {
    dataSet,
    period,
    orgUnit: approval.orgUnit,
    state: approval.accepted ? 'ACCEPTED' : 'APPROVED',
    approvedBy: approval.approvedBy,
    approvedAt: approval.approvedAt,
  });
}

/** The expiry lock of one data set's lock row for an org unit and period. */
export function periodLockOf(
  lock: Pick<DataSetLock, 'dataSet' | 'expiryDays' | 'hasException'> | undefined,
  input: { orgUnit: string; period: Period; today: string; mayEditExpired?: boolean },
): TPeriodLock {
  if (!lock) return { expired: false, reason: null, lockDate: null, expiryDays: 0, hasException: false };
  const lockDate = lockDateOf(input.period, lock.expiryDays);
  const isPast = isExpired(input.period, lock.expiryDays, input.today);
  const expired = isPast && !lock.hasException && input.mayEditExpired !== true;
  return {
    expired,
    reason: expired ? expiredReason({ ...lock, period: input.period, orgUnit: input.orgUnit }) : null,
    lockDate,
    expiryDays: lock.expiryDays,
    hasException: lock.hasException,
  };
}

/** A staged import row refused by a lock, with the reason in words. */
export interface LockedImportRow {
  line: number;
  key: string;
  property: 'orgUnit' | 'period';
  reason: string;
}

/**
 * Removes from an import's staging table every row whose period is approved (at or above its org
 * unit) or expired without a lock exception, in SQL, and returns the first `limit` of them with
 * the reason and how many there are. One small query when nothing can be locked.
 */
export async function removeLockedStagedRows(
  db: Queryable,
  table: string,
  options: StagedLockOptions & { limit: number },
): Promise<{ total: number; listed: LockedImportRow[] }> {
  if (options.periods.length === 0 || !(await hasAnyLock(db, options))) return { total: 0, listed: [] };
  const locked = await deleteLockedStagedRows(db, table, options);
  return {
    total: locked.total,
    listed: locked.listed.map((row) => ({
      line: row.line,
      key: row.key,
      property: row.approvalOrgUnit === null ? 'period' : 'orgUnit',
      reason:
        row.approvalOrgUnit === null
          ? expiredReason({
              dataSet: row.dataSet,
              period: { id: row.period, end: row.periodEnd },
              expiryDays: row.expiryDays,
              orgUnit: row.orgUnit,
            })
          : approvedReason({
              dataSet: row.dataSet,
              period: row.period,
              approvalOrgUnit: row.approvalOrgUnit,
              approvedBy: row.approvedBy,
              isAccepted: row.approvalAccepted === true,
            }),
    })),
  };
}
