import { defineRoute, type RouteContext } from '../../server/http.js';
import {
  APPROVAL_ACTIONS,
  type TApprovalAction,
  ZApprovalKey,
  ZApprovalStatus,
  ZLockException,
  ZLockExceptionQuery,
} from './approval.schema.js';
import { changeApproval, getApprovalStatus } from './approval.service.js';
import {
  grantLockException,
  listLockExceptionsInScope,
  revokeLockException,
} from './lock-exception.service.js';

const SUMMARIES: Record<TApprovalAction, string> = {
  approve:
    "Approve a data set's period for an approving org unit (a county) once its reporting units have data",
  unapprove: 'Withdraw an approval that is not accepted',
  accept: "Accept an approval (the approving unit's parent, e.g. the city)",
  unaccept: 'Withdraw an acceptance',
};

/** GET/POST /api/dataApprovals and GET/POST/DELETE /api/lockExceptions. */
export function registerApprovalRoutes(context: RouteContext): void {
  const { db } = context;
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/dataApprovals',
      summary: 'Approval state of a data set, period and org unit, and what the caller may do with it',
      tag: 'approval',
      query: ZApprovalKey,
      response: ZApprovalStatus,
    },
    async ({ query, principal }) => getApprovalStatus(db, query, principal),
  );
  for (const action of APPROVAL_ACTIONS) {
    defineRoute(
      context,
      {
        method: 'POST',
        access: ['approver', 'manager'],
        url: `/api/dataApprovals/${action}`,
        summary: SUMMARIES[action],
        tag: 'approval',
        body: ZApprovalKey,
        response: ZApprovalStatus,
      },
      async ({ body, principal }) => changeApproval(db, action, body, principal),
    );
  }

  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/lockExceptions',
      summary: 'Lock exceptions in your org units, newest first',
      tag: 'approval',
      query: ZLockExceptionQuery,
      response: ZLockException.array(),
    },
    async ({ query, principal }) => listLockExceptionsInScope(db, query, principal),
  );
  defineRoute(
    context,
    {
      method: 'POST',
      access: ['approver', 'manager'],
      url: '/api/lockExceptions',
      summary: 'Re-open an expired period of a data set for an org unit and the units below it',
      tag: 'approval',
      body: ZApprovalKey,
      response: ZLockException,
    },
    async ({ body, principal, reply }) => {
      const granted = await grantLockException(db, body, principal);
      reply.code(201);
      return granted;
    },
  );
  defineRoute(
    context,
    {
      method: 'DELETE',
      access: ['approver', 'manager'],
      url: '/api/lockExceptions',
      summary: 'Revoke a lock exception (dataSet, period, orgUnit in the query)',
      tag: 'approval',
      query: ZApprovalKey,
      response: ZApprovalKey,
    },
    async ({ query, principal }) => {
      await revokeLockException(db, query, principal);
      return query;
    },
  );
}
