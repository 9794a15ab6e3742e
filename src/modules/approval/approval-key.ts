import { AppError, isAppError, notFound } from '../../core/errors.js';
import { parsePeriod } from '../../core/periods/index.js';
import type { Period } from '../../core/periods/period-types.js';
import type { Queryable } from '../../store/db.js';
import type { Principal } from '../auth/principal.js';
import { assertOrgUnitsInScope } from '../auth/scope.js';
import {
  type ApprovalDataSet,
  type ApprovalOrgUnit,
  findDataSet,
  findOrgUnit,
} from './approval.repository.js';
import type { TApprovalKey } from './approval.schema.js';

/** An approval key (data set, period, org unit codes) resolved to rows. */
export interface ResolvedApprovalKey {
  dataSet: ApprovalDataSet;
  period: Period;
  orgUnit: ApprovalOrgUnit;
}

/**
 * Resolves the codes of an approval or lock-exception key. NOT_FOUND for an unknown data set or
 * org unit; VALIDATION_FAILED for a bad period id or one of another type than the data set's.
 */
export async function resolveApprovalKey(db: Queryable, key: TApprovalKey): Promise<ResolvedApprovalKey> {
  const dataSet = await findDataSet(db, key.dataSet);
  if (!dataSet) throw notFound('data set', key.dataSet);
  const orgUnit = await findOrgUnit(db, key.orgUnit);
  if (!orgUnit) throw notFound('org unit', key.orgUnit);
  let period: Period;
  try {
    period = parsePeriod(key.period);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('VALIDATION_FAILED', `period: ${reason}`, { field: 'period', reason });
  }
  if (period.type !== dataSet.periodType) {
    const reason = `period ${period.id} is ${period.type}; data set ${dataSet.code} is ${dataSet.periodType}`;
    throw new AppError('VALIDATION_FAILED', `period: ${reason}`, { field: 'period', reason });
  }
  return { dataSet, period, orgUnit };
}

/** Whether an org unit lies in the principal's scope (the non-throwing form of the scope check). */
export async function isInScope(db: Queryable, principal: Principal, orgUnitId: number): Promise<boolean> {
  try {
    await assertOrgUnitsInScope(db, principal, [orgUnitId]);
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') return false;
    throw error;
  }
}
