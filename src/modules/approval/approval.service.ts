import { AppError } from '../../core/errors.js';
import type { Period } from '../../core/periods/period-types.js';
import type { Db, Queryable } from '../../store/db.js';
import { auditHowOf, setAuditActor } from '../audit/audit-actor.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { assertOrgUnitsInScope } from '../auth/scope.js';
import { ensurePeriods } from '../periods/period.repository.js';
import {
  type ApprovalActor,
  type ApprovalIds,
  type ApprovalOrgUnit,
  type ApprovalRow,
  deleteUnacceptedApproval,
  findApproval,
  findApprovingUnit,
  findDataSet,
  findOrgUnit,
  findOrgUnitById,
  insertApproval,
  insertApprovalLog,
  listUnitsWithoutData,
  updateAccepted,
} from './approval.repository.js';
import type {
  TApprovalAction,
  TApprovalKey,
  TApprovalState,
  TApprovalStatus,
  TFormApproval,
  TOrgUnitRef,
  TPeriodLock,
} from './approval.schema.js';
import { isInScope, type ResolvedApprovalKey, resolveApprovalKey } from './approval-key.js';
import { listDataSetLocks } from './lock.repository.js';
import { isoToday, periodLockOf } from './lock.service.js';
import { lockPeriodForApproval } from './period-write-lock.js';

/**
 * Data approval in two levels (DHIS2's shape, simplified): the unit above the reporting units
 * (a county above its townships) approves a data set for a period once every reporting child has
 * data; the approving unit's parent (the city) accepts. Approved data is read-only.
 */

const APPROVER_ROLES = ['approver', 'manager'] as const;

/** Where an approval stands: the units involved and the stored row. */
interface ApprovalPlace {
  resolved: ResolvedApprovalKey;
  unit: ApprovalOrgUnit | undefined;
  parent: ApprovalOrgUnit | undefined;
  row: ApprovalRow | undefined;
}

async function findPlace(db: Queryable, key: TApprovalKey): Promise<ApprovalPlace> {
  const resolved = await resolveApprovalKey(db, key);
  const unit = await findApprovingUnit(db, resolved.dataSet.id, resolved.orgUnit.id);
  const parent = unit?.parentId ? await findOrgUnitById(db, unit.parentId) : undefined;
  const row = unit
    ? await findApproval(db, {
        dataSetId: resolved.dataSet.id,
        period: resolved.period.id,
        orgUnitId: unit.id,
      })
    : undefined;
  return { resolved, unit, parent, row };
}

function stateOf(place: Pick<ApprovalPlace, 'unit' | 'row'>): TApprovalState {
  if (!place.unit) return 'UNAPPROVABLE';
  if (!place.row) return 'UNAPPROVED';
  return place.row.accepted ? 'ACCEPTED' : 'APPROVED';
}

function refOf(unit: ApprovalOrgUnit | undefined): TOrgUnitRef | null {
  return unit ? { code: unit.code, name: unit.name, nameEn: unit.nameEn } : null;
}

function labelOf(unit: TOrgUnitRef): string {
  return `${unit.name} (${unit.code})`;
}

/**
 * The approval state of a data set and period as seen from an org unit (the approving unit
 * itself, or any unit below it), what the caller may do, whom it waits for, and the expiry lock.
 * FORBIDDEN when the org unit is outside the caller's scope.
 */
export async function getApprovalStatus(
  db: Queryable,
  key: TApprovalKey,
  principal: Principal,
  options: { today?: string } = {},
): Promise<TApprovalStatus> {
  const place = await findPlace(db, key);
  const { resolved, unit, parent, row } = place;
  await assertOrgUnitsInScope(db, principal, [resolved.orgUnit.id]);
  const state = stateOf(place);
  const waitingFor =
    unit && state === 'UNAPPROVED'
      ? await listUnitsWithoutData(db, {
          dataSetId: resolved.dataSet.id,
          period: resolved.period.id,
          orgUnitId: unit.id,
        })
      : [];
  const isApprover = hasRole(principal, ...APPROVER_ROLES);
  const mayApprove = isApprover && unit !== undefined && (await isInScope(db, principal, unit.id));
  const mayAccept = isApprover && parent !== undefined && (await isInScope(db, principal, parent.id));
  const [lock] = await listDataSetLocks(db, {
    dataSets: [resolved.dataSet.code],
    orgUnitId: resolved.orgUnit.id,
    period: resolved.period.id,
  });
  return {
    dataSet: resolved.dataSet.code,
    period: resolved.period.id,
    orgUnit: resolved.orgUnit.code,
    state,
    approvalOrgUnit: refOf(unit),
    acceptOrgUnit: unit ? refOf(parent) : null,
    approvedBy: row?.approvedBy ?? null,
    approvedAt: row?.approvedAt ?? null,
    acceptedBy: row?.acceptedBy ?? null,
    acceptedAt: row?.acceptedAt ?? null,
    waitingFor,
    canApprove: mayApprove && state === 'UNAPPROVED' && waitingFor.length === 0,
    canUnapprove: mayApprove && state === 'APPROVED',
    canAccept: mayAccept && state === 'APPROVED',
    canUnaccept: mayAccept && state === 'ACCEPTED',
    locked: periodLockOf(lock, {
      orgUnit: resolved.orgUnit.code,
      period: resolved.period,
      today: options.today ?? isoToday(),
    }),
  };
}

/**
 * What the entry form shows for one data set, org unit and period: the approval covering the org
 * unit (at it or above it) and the expiry lock. Unknown codes give UNAPPROVABLE and no lock.
 */
export async function getFormApproval(
  db: Queryable,
  key: { dataSet: string; orgUnit: string; period: Period },
  options: { today?: string; mayEditExpired?: boolean } = {},
): Promise<{ approval: TFormApproval; locked: TPeriodLock }> {
  const dataSet = await findDataSet(db, key.dataSet);
  const orgUnit = await findOrgUnit(db, key.orgUnit);
  const today = options.today ?? isoToday();
  if (!dataSet || !orgUnit)
    return {
      approval: { state: 'UNAPPROVABLE', orgUnit: null, by: null, at: null },
      locked: periodLockOf(undefined, { orgUnit: key.orgUnit, period: key.period, today }),
    };
  const [lock] = await listDataSetLocks(db, {
    dataSets: [dataSet.code],
    orgUnitId: orgUnit.id,
    period: key.period.id,
  });
  const covering = lock?.approval ?? null;
  const isApprovable =
    covering !== null || (await findApprovingUnit(db, dataSet.id, orgUnit.id)) !== undefined;
  const approval: TFormApproval = covering
    ? {
        state: covering.accepted ? 'ACCEPTED' : 'APPROVED',
        orgUnit: covering.orgUnit,
        by: covering.accepted ? covering.acceptedBy : covering.approvedBy,
        at: covering.accepted ? covering.acceptedAt : covering.approvedAt,
      }
    : { state: isApprovable ? 'UNAPPROVED' : 'UNAPPROVABLE', orgUnit: null, by: null, at: null };
  const locked = periodLockOf(lock, {
    orgUnit: orgUnit.code,
    period: key.period,
    today,
    mayEditExpired: options.mayEditExpired === true,
  });
  return { approval, locked };
}

/**
 * Approves, unapproves, accepts or unaccepts one data set and period for an approving org unit,
 * in one transaction with an entry in the approval log, and returns the new status. Throws
 * VALIDATION_FAILED when the org unit does not approve the data set, FORBIDDEN outside the caller's
 * scope (the approving unit for approve/unapprove, its parent for accept/unaccept),
 * APPROVAL_NOT_READY when a reporting child has no data, APPROVAL_STATE when the current state
 * does not allow the action.
 */
export async function changeApproval(
  db: Db,
  action: TApprovalAction,
  key: TApprovalKey,
  principal: Principal,
): Promise<TApprovalStatus> {
  const place = await findPlace(db, key);
  const { resolved } = place;
  const unit = place.unit;
  if (!unit || unit.id !== resolved.orgUnit.id) {
    const where = unit ? `: its data is approved by ${labelOf(unit)}` : '';
    const reason = `org unit ${resolved.orgUnit.code} does not approve data set ${resolved.dataSet.code}${where}`;
    throw new AppError('VALIDATION_FAILED', `orgUnit: ${reason}`, { field: 'orgUnit', reason });
  }
  const isAcceptance = action === 'accept' || action === 'unaccept';
  const actingUnit = isAcceptance ? place.parent : unit;
  if (!actingUnit)
    throw new AppError('APPROVAL_STATE', `${labelOf(unit)} has no unit above it to accept its approval`, {
      state: stateOf(place),
    });
  await assertOrgUnitsInScope(db, principal, [actingUnit.id]);
  const actor: ApprovalActor = { username: principal.username, userId: principal.userId };
  await db.transaction(async (tx) => {
    await setAuditActor(tx, { principal, how: auditHowOf(principal, 'api') });
    // After the writers of the period in flight; readiness is then judged on committed data.
    await lockPeriodForApproval(tx, resolved.period.id);
    if (action === 'approve') await assertReady(tx, resolved, unit);
    const periodId = (await ensurePeriods(tx, [resolved.period])).get(resolved.period.id);
    if (periodId === undefined) throw new Error(`period ${resolved.period.id} was not stored`);
    const ids: ApprovalIds = { dataSetId: resolved.dataSet.id, periodId, orgUnitId: unit.id };
    const isDone = await applyAction(tx, action, ids, actor);
    if (!isDone) {
      const row = await findApproval(tx, {
        dataSetId: ids.dataSetId,
        period: resolved.period.id,
        orgUnitId: unit.id,
      });
      throw stateError(action, { resolved, unit, parent: place.parent, row });
    }
    await insertApprovalLog(tx, ids, LOG_ACTION[action], actor);
  });
  return getApprovalStatus(db, key, principal);
}

const LOG_ACTION = {
  approve: 'APPROVE',
  unapprove: 'UNAPPROVE',
  accept: 'ACCEPT',
  unaccept: 'UNACCEPT',
} as const satisfies Record<TApprovalAction, string>;

/** Performs the state change; false when the stored state did not allow it. */
async function applyAction(
  tx: Queryable,
  action: TApprovalAction,
  ids: ApprovalIds,
  actor: ApprovalActor,
): Promise<boolean> {
  switch (action) {
    case 'approve':
      return insertApproval(tx, ids, actor);
    case 'unapprove':
      return deleteUnacceptedApproval(tx, ids);
    case 'accept':
      return updateAccepted(tx, ids, true, actor);
    case 'unaccept':
      return updateAccepted(tx, ids, false, actor);
  }
}

/** APPROVAL_NOT_READY naming every reporting child without data, unless there is none. */
async function assertReady(
  db: Queryable,
  resolved: ResolvedApprovalKey,
  unit: ApprovalOrgUnit,
): Promise<void> {
  const waitingFor = await listUnitsWithoutData(db, {
    dataSetId: resolved.dataSet.id,
    period: resolved.period.id,
    orgUnitId: unit.id,
  });
  if (waitingFor.length === 0) return;
  throw new AppError(
    'APPROVAL_NOT_READY',
    `${labelOf(unit)} cannot approve ${resolved.dataSet.code} for ${resolved.period.id} yet: ` +
      `no data from ${waitingFor.map(labelOf).join(', ')}`,
    { waitingFor },
  );
}

/** APPROVAL_STATE explaining why the action does not fit the current state. */
function stateError(action: TApprovalAction, place: ApprovalPlace): AppError {
  const state = stateOf(place);
  const what = `${place.resolved.dataSet.code} ${place.resolved.period.id} of ${place.unit ? labelOf(place.unit) : ''}`;
  const row = place.row;
  const approved = row ? `approved by ${row.approvedBy} at ${row.approvedAt}` : '';
  const accepted = row?.accepted ? `accepted by ${row.acceptedBy ?? ''} at ${row.acceptedAt ?? ''}` : '';
  const messages: Record<TApprovalState, string> = {
    UNAPPROVABLE: `${what} cannot be approved`,
    UNAPPROVED: `${what} is not approved`,
    APPROVED: `${what} is already ${approved}`,
    ACCEPTED:
      action === 'unapprove'
        ? `${what} was ${accepted}: it must be unaccepted before it can be unapproved`
        : `${what} is already ${accepted}`,
  };
  return new AppError('APPROVAL_STATE', `cannot ${action}: ${messages[state]}`, { action, state });
}
