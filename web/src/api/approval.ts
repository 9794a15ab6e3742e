import type {
  TApprovalAction,
  TApprovalKey,
  TApprovalStatus,
} from '../../../src/modules/approval/approval.schema.js';
import { apiRequest } from './client.js';

export type { TApprovalAction, TApprovalKey, TApprovalStatus };

/** The approval state of a data set and period seen from an org unit, and what the caller may do. */
export function getApprovalStatus(key: TApprovalKey, signal?: AbortSignal): Promise<TApprovalStatus> {
  return apiRequest('GET', '/api/dataApprovals', { query: { ...key }, ...(signal ? { signal } : {}) });
}

/**
 * Approves, unapproves, accepts or unaccepts; returns the new status. Throws ApiError
 * APPROVAL_NOT_READY (`details.waitingFor`), APPROVAL_STATE or FORBIDDEN when refused.
 */
export function changeApproval(action: TApprovalAction, key: TApprovalKey): Promise<TApprovalStatus> {
  return apiRequest('POST', `/api/dataApprovals/${action}`, { body: key });
}
