import { initialSchema } from './001-initial.js';
import { aggregatesSchema } from './002-aggregates.js';
import { geoSchema } from './003-geo.js';
import { authSchema } from './004-auth.js';
import { auditSchema } from './005-audit.js';
import { approvalSchema } from './006-approval.js';
import { analyticsRebuildSchema } from './007-analytics-rebuild.js';
import { analyticsVersionSchema } from './007-analytics-version.js';
import { dataValueReferencesSchema } from './008-data-value-references.js';
import { monthlyTreeMovesSchema } from './009-monthly-tree-moves.js';
import { analyticsVersionNotifySchema } from './010-analytics-version-notify.js';
import { importMergeMemorySchema } from './011-import-merge-memory.js';
import { monthlyUpsertOrderSchema } from './012-monthly-upsert-order.js';

/** Versioned migrations, applied in order, each once, in its own transaction. */
export const MIGRATIONS: ReadonlyArray<{ id: string; sql: string }> = [
  { id: '001-initial', sql: initialSchema },
  { id: '002-aggregates', sql: aggregatesSchema },
  { id: '003-geo', sql: geoSchema },
  { id: '004-auth', sql: authSchema },
  { id: '005-audit', sql: auditSchema },
  { id: '006-approval', sql: approvalSchema },
  { id: '007-analytics-rebuild', sql: analyticsRebuildSchema },
  { id: '007-analytics-version', sql: analyticsVersionSchema },
  { id: '008-data-value-references', sql: dataValueReferencesSchema },
  { id: '009-monthly-tree-moves', sql: monthlyTreeMovesSchema },
  { id: '010-analytics-version-notify', sql: analyticsVersionNotifySchema },
  { id: '011-import-merge-memory', sql: importMergeMemorySchema },
  { id: '012-monthly-upsert-order', sql: monthlyUpsertOrderSchema },
];
