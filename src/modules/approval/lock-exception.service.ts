import { AppError, notFound } from '../../core/errors.js';
import type { Db, Queryable } from '../../store/db.js';
import { auditHowOf, setAuditActor } from '../audit/audit-actor.js';
import type { Principal } from '../auth/principal.js';
import { assertOrgUnitsInScope } from '../auth/scope.js';
import { ensurePeriods } from '../periods/period.repository.js';
import type { TApprovalKey, TLockException, TLockExceptionQuery } from './approval.schema.js';
import { resolveApprovalKey } from './approval-key.js';
import { deleteLockException, insertLockException, listLockExceptions } from './lock-exception.repository.js';

/**
 * Lock exceptions (DHIS2's): an approver or admin re-opens an expired period of a data set for an
 * org unit and everything below it. Approval still wins: an exception never opens approved data.
 */

/**
 * Grants a lock exception and returns it. NOT_FOUND / VALIDATION_FAILED for a bad key, FORBIDDEN
 * outside the caller's scope, CONFLICT when the exception exists already.
 */
export async function grantLockException(
  db: Db,
  key: TApprovalKey,
  principal: Principal,
): Promise<TLockException> {
  const { dataSet, period, orgUnit } = await resolveApprovalKey(db, key);
  await assertOrgUnitsInScope(db, principal, [orgUnit.id]);
  const isNew = await db.transaction(async (tx) => {
    await setAuditActor(tx, { principal, how: auditHowOf(principal, 'api') });
    const periodId = (await ensurePeriods(tx, [period])).get(period.id);
    if (periodId === undefined) throw new Error(`period ${period.id} was not stored`);
    return insertLockException(
      tx,
      { dataSetId: dataSet.id, periodId, orgUnitId: orgUnit.id },
      { username: principal.username, userId: principal.userId },
    );
  });
  if (!isNew)
    throw new AppError(
      'CONFLICT',
      `a lock exception for ${dataSet.code} ${period.id} ${orgUnit.code} exists already`,
      { dataSet: dataSet.code, period: period.id, orgUnit: orgUnit.code },
    );
  const [granted] = await listLockExceptions(
    db,
    { dataSet: dataSet.code, period: period.id, orgUnit: orgUnit.code },
    principal,
  );
  if (!granted) throw new Error('the granted lock exception was not found');
  return granted;
}

/** Revokes a lock exception. NOT_FOUND when there is none; FORBIDDEN outside the caller's scope. */
export async function revokeLockException(db: Db, key: TApprovalKey, principal: Principal): Promise<void> {
  const { dataSet, period, orgUnit } = await resolveApprovalKey(db, key);
  await assertOrgUnitsInScope(db, principal, [orgUnit.id]);
  const isDeleted = await db.transaction(async (tx) => {
    await setAuditActor(tx, { principal, how: auditHowOf(principal, 'api') });
    return deleteLockException(tx, { dataSetId: dataSet.id, period: period.id, orgUnitId: orgUnit.id });
  });
  if (!isDeleted) throw notFound('lock exception', `${dataSet.code} ${period.id} ${orgUnit.code}`);
}

/** The lock exceptions matching the filters inside the caller's scope, newest first. */
export function listLockExceptionsInScope(
  db: Queryable,
  filter: TLockExceptionQuery,
  principal: Principal,
): Promise<TLockException[]> {
  return listLockExceptions(db, filter, principal);
}
