import type { TAuditEntry, TAuditPage, TAuditQuery } from '../../../src/modules/audit/audit.schema.js';
import { apiRequest } from './client.js';

export type { TAuditEntry, TAuditPage };

/** The audit filters the page sends (every one optional). */
export type TAuditFilter = Partial<TAuditQuery>;

/** One page of the audit trail, newest first, filtered (only the caller's org units). */
export function listAuditEntries(query: TAuditFilter, signal?: AbortSignal): Promise<TAuditPage> {
  const params: Record<string, string | number | undefined> = {};
  for (const [key, value] of Object.entries(query)) if (value !== '') params[key] = value;
  return apiRequest('GET', '/api/audit', { query: params, ...(signal ? { signal } : {}) });
}
