import { AppError, notFound } from '../../core/errors.js';
import type { Queryable } from '../../store/db.js';
import type { Principal } from '../auth/principal.js';
import { assertOrgUnitsInScope } from '../auth/scope.js';
import { findOrgUnitId, selectAuditRows } from './audit.repository.js';
import { type TAuditPage, type TAuditQueryInput, ZAuditQuery } from './audit.schema.js';

/**
 * One page of the audit trail (newest first) filtered by `input`, limited to what the principal
 * may see: changes of org units in its scope and changes of no org unit (metadata); changes of
 * users and tokens only for admins. NOT_FOUND for an unknown `orgUnit`, FORBIDDEN for one outside
 * the scope, VALIDATION_FAILED for a bad filter.
 */
export async function listAuditEntries(
  db: Queryable,
  principal: Principal,
  input: TAuditQueryInput,
): Promise<TAuditPage> {
  const parsed = ZAuditQuery.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'query');
    throw new AppError('VALIDATION_FAILED', `${field}: ${issue?.message}`, { field, reason: issue?.message });
  }
  const query = parsed.data;
  if (query.orgUnit !== undefined) {
    const id = await findOrgUnitId(db, query.orgUnit);
    if (id === undefined) throw notFound('org unit', query.orgUnit);
    await assertOrgUnitsInScope(db, principal, [id]);
  }
  const rows = await selectAuditRows(
    db,
    principal,
    {
      orgUnit: query.orgUnit,
      dataElement: query.dataElement,
      period: query.period,
      user: query.user,
      job: query.job,
      entity: query.entity,
      from: query.from === undefined ? undefined : startOf(query.from),
      before: query.to === undefined ? undefined : endOf(query.to),
    },
    { limit: query.pageSize + 1, offset: (query.page - 1) * query.pageSize },
  );
  return {
    items: rows.slice(0, query.pageSize),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: rows.length > query.pageSize,
  };
}

const isDate = (value: string): boolean => value.length === 10;

/** The instant a date (UTC midnight) or date-time names; VALIDATION_FAILED when it names none. */
function instantOf(field: 'from' | 'to', value: string): number {
  const time = new Date(isDate(value) ? `${value}T00:00:00Z` : value).getTime();
  if (Number.isNaN(time))
    throw new AppError('VALIDATION_FAILED', `${field}: not a date: ${value}`, { field });
  return time;
}

/** A date's first instant (UTC), or the instant itself. */
function startOf(value: string): string {
  return new Date(instantOf('from', value)).toISOString();
}

/** The instant just after a date (UTC) or after the given instant (exclusive bound). */
function endOf(value: string): string {
  return new Date(instantOf('to', value) + (isDate(value) ? 86_400_000 : 1)).toISOString();
}
