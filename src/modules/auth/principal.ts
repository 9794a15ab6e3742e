/** Roles of DESIGN.md / issue 3. `admin` may do everything. */
export const ROLES = ['admin', 'manager', 'analyst', 'clerk', 'approver'] as const;
export type TRole = (typeof ROLES)[number];

/**
 * Who is acting: a signed-in user (session or personal access token) or the local operator
 * running the CLI on the store itself. Services take a Principal and check scope with it.
 */
export interface Principal {
  /** app_user id; null for the CLI operator. */
  userId: number | null;
  username: string;
  roles: readonly TRole[];
  /** Ids of the org units at the roots of the user's subtrees; 'ALL' reads and writes everywhere. */
  scope: readonly number[] | 'ALL';
  via: 'session' | 'token' | 'cli';
}

/** The CLI operator: whoever can open the store directly already has all of it. */
export const CLI_PRINCIPAL: Principal = {
  userId: null,
  username: 'cli',
  roles: ['admin'],
  scope: 'ALL',
  via: 'cli',
};

export function hasRole(principal: Principal, ...roles: TRole[]): boolean {
  return principal.roles.includes('admin') || roles.some((role) => principal.roles.includes(role));
}
