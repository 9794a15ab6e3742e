import { z } from 'zod';

/** Requests and answers of data approval and lock exceptions, codes as identifiers. */

const ZCodeText = z.string().trim().min(1);

/** The unit of approval: one data set, one period, one org unit (codes). */
export const ZApprovalKey = z.object({
  dataSet: ZCodeText,
  period: ZCodeText,
  orgUnit: ZCodeText,
});
export type TApprovalKey = z.infer<typeof ZApprovalKey>;

/** Actions that move an approval between states. */
export const APPROVAL_ACTIONS = ['approve', 'unapprove', 'accept', 'unaccept'] as const;
export type TApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/**
 * UNAPPROVABLE: no unit at or above the org unit approves this data set (e.g. the city);
 * UNAPPROVED → APPROVED (by the county's approver) → ACCEPTED (by the parent's approver).
 */
export const ZApprovalState = z.enum(['UNAPPROVABLE', 'UNAPPROVED', 'APPROVED', 'ACCEPTED']);
export type TApprovalState = z.infer<typeof ZApprovalState>;

const ZOrgUnitRef = z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() });
export type TOrgUnitRef = z.infer<typeof ZOrgUnitRef>;

/** Why a data set's period is, or is not, closed to entry by its expiry days. */
export const ZPeriodLock = z.object({
  expired: z.boolean().describe('true: entry and import are refused (expiry days passed, no exception)'),
  reason: z.string().nullable().describe('why, and who can unlock; null when open'),
  lockDate: z.string().nullable().describe('first day the period is locked (ISO date); null: never locks'),
  expiryDays: z.number().int().describe("the data set's expiryDays (0: never locks)"),
  hasException: z.boolean().describe('a lock exception keeps the period open for this org unit'),
});
export type TPeriodLock = z.infer<typeof ZPeriodLock>;

/** The approval state the entry form shows (the approval covering the org unit, if any). */
export const ZFormApproval = z.object({
  state: ZApprovalState,
  orgUnit: z.string().nullable().describe('code of the approving unit (the county)'),
  by: z.string().nullable().describe('who approved, or accepted when accepted'),
  at: z.string().nullable().describe('ISO timestamp, UTC'),
});
export type TFormApproval = z.infer<typeof ZFormApproval>;

/** GET /api/dataApprovals: the state of one approval and what the caller may do with it. */
export const ZApprovalStatus = z.object({
  dataSet: z.string(),
  period: z.string(),
  orgUnit: z.string().describe('the org unit asked about'),
  state: ZApprovalState,
  approvalOrgUnit: ZOrgUnitRef.nullable().describe('the unit that approves (the county); null: none'),
  acceptOrgUnit: ZOrgUnitRef.nullable().describe('the unit that accepts (its parent); null: none'),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  waitingFor: z.array(ZOrgUnitRef).describe('reporting units below the approving unit without data'),
  canApprove: z.boolean(),
  canUnapprove: z.boolean(),
  canAccept: z.boolean(),
  canUnaccept: z.boolean(),
  locked: ZPeriodLock,
});
export type TApprovalStatus = z.infer<typeof ZApprovalStatus>;

/** A lock exception: entry stays open for a data set, period and org-unit subtree. */
export const ZLockException = z.object({
  dataSet: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  orgUnitName: z.string(),
  createdBy: z.string(),
  created: z.string().describe('ISO timestamp, UTC'),
});
export type TLockException = z.infer<typeof ZLockException>;

/** GET /api/lockExceptions filters. */
export const ZLockExceptionQuery = z.object({
  dataSet: ZCodeText.optional(),
  period: ZCodeText.optional(),
  orgUnit: ZCodeText.optional(),
});
export type TLockExceptionQuery = z.infer<typeof ZLockExceptionQuery>;
