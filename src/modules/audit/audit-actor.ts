import type { Queryable } from '../../store/db.js';
import type { Principal } from '../auth/principal.js';
import { setAuditSettings } from './audit.repository.js';

/** How a change reached the store: the entry form, an import job, another API call, the CLI. */
export type TAuditHow = 'form' | 'import' | 'api' | 'cli';

/** Who is changing data in the current transaction, and how. */
export interface AuditActor {
  principal: Principal;
  how: TAuditHow;
  /** The import's job id (how 'import'). */
  jobId?: string;
}

/**
 * Records the actor for the rest of the transaction `tx`: the audit triggers write its user id,
 * user name, how and job id into every audit row. Call it first in every write transaction;
 * outside a transaction the settings last only one statement and the rows read as unknown.
 */
export async function setAuditActor(tx: Queryable, actor: AuditActor): Promise<void> {
  await setAuditSettings(tx, {
    userId: actor.principal.userId,
    username: actor.principal.username,
    how: actor.how,
    jobId: actor.jobId ?? null,
  });
}

/** 'api' for a request with a bearer token, else `interactive` (the form or the CLI). */
export function auditHowOf(principal: Principal, interactive: TAuditHow = 'form'): TAuditHow {
  switch (principal.via) {
    case 'token':
      return 'api';
    case 'cli':
      return 'cli';
    case 'session':
      return interactive;
  }
}
