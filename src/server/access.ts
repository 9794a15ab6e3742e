import { hasRole, type Principal, type TRole } from '../modules/auth/principal.js';

/**
 * Who may call a route: `public` (no credentials: health, login), `authenticated` (any signed-in
 * user; the service then limits the answer to the user's org units), or a list of roles (admin
 * always passes). Every route declares one; a route without a rule cannot be registered.
 */
export type RouteAccess = 'public' | 'authenticated' | readonly TRole[];

export function accessAllows(access: RouteAccess, principal: Principal | undefined): boolean {
  if (access === 'public') return true;
  if (!principal) return false;
  if (access === 'authenticated') return true;
  return hasRole(principal, ...access);
}
