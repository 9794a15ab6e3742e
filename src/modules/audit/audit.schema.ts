import { z } from 'zod';

/** Requests and answers of the audit trail (server, CLI and web client share them). */

export const AUDIT_HOWS = ['form', 'import', 'api', 'cli', 'system'] as const;
export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;

/** Entities the audit trail records. */
export const AUDIT_ENTITIES = [
  'data_value',
  'org_unit',
  'category',
  'category_option',
  'source',
  'data_element',
  'data_set',
  'data_set_element',
  'data_set_org_unit',
  'constant',
  'indicator',
  'target',
  'reconciliation',
  'validation_rule',
  'user',
  'user_role',
  'user_org_unit',
  'token',
] as const;

/** Entities about users and their credentials: only admins see their audit rows. */
export const ACCOUNT_ENTITIES = ['user', 'user_role', 'user_org_unit', 'token'] as const;

const ZDateOrTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'an ISO date (2026-01-31) or date-time');

/** `GET /api/audit`. */
export const ZAuditQuery = z.object({
  orgUnit: z.string().trim().min(1).optional().describe('changes of this org unit and every unit below it'),
  dataElement: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('data values of this element (and the element itself)'),
  period: z.string().trim().min(1).optional().describe('data values of this period id (202601)'),
  user: z.string().trim().min(1).optional().describe('changes made by this user name'),
  job: z.string().trim().min(1).optional().describe('changes made by this import job (importJobId)'),
  entity: z.enum(AUDIT_ENTITIES).optional(),
  from: ZDateOrTime.optional().describe('at or after (a date: from its start)'),
  to: ZDateOrTime.optional().describe('at or before (a date: to its end)'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
export type TAuditQueryInput = z.input<typeof ZAuditQuery>;

/** One recorded change. */
export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string().describe('ISO 8601, UTC'),
  userId: z.number().int().nullable(),
  username: z.string(),
  how: z.enum(AUDIT_HOWS),
  jobId: z.string().nullable(),
  entity: z.enum(AUDIT_ENTITIES),
  /** Codes: {dataElement, period, orgUnit, optionCombo, source} for a value, {code} for metadata… */
  key: z.record(z.string(), z.unknown()),
  action: z.enum(AUDIT_ACTIONS),
  /** For an update only the fields that changed; null for a create. */
  oldValue: z.record(z.string(), z.unknown()).nullable(),
  /** For an update only the fields that changed; null for a delete. */
  newValue: z.record(z.string(), z.unknown()).nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

/** A page of changes, newest first. */
export const ZAuditPage = z.object({
  items: z.array(ZAuditEntry),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Whether a further page holds older changes. */
  hasMore: z.boolean(),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;
