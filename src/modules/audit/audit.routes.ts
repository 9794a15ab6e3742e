import { defineRoute, type RouteContext } from '../../server/http.js';
import { ZAuditPage, ZAuditQuery } from './audit.schema.js';
import { listAuditEntries } from './audit.service.js';

/** GET /api/audit: who changed what, when and how, newest first. */
export function registerAuditRoutes(context: RouteContext): void {
  const { db } = context;
  defineRoute(
    context,
    {
      method: 'GET',
      access: ['admin', 'manager', 'approver'],
      url: '/api/audit',
      summary:
        'Audit trail: data value, metadata, target, user and token changes with old and new value, who and how (only your org units; users and tokens for admins)',
      tag: 'audit',
      query: ZAuditQuery,
      response: ZAuditPage,
    },
    ({ query, principal }) => listAuditEntries(db, principal, query),
  );
}
