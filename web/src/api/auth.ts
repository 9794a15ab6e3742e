import type { TAccessToken, TMe, TUser } from '../../../src/modules/auth/auth.schema.js';
import { apiRequest } from './client.js';

export type { TAccessToken, TMe, TUser };

/** A role of the server (src/modules/auth/principal.ts). */
export type TRole = TUser['roles'][number];
export const ROLES: readonly TRole[] = ['admin', 'manager', 'analyst', 'clerk', 'approver'];

/** `POST /api/auth/login`: sets the session cookies; answers who signed in. */
export function login(username: string, password: string): Promise<TMe> {
  return apiRequest('POST', '/api/auth/login', { body: { username, password } });
}

/** `POST /api/auth/logout`: ends the session. */
export async function logout(): Promise<void> {
  await apiRequest('POST', '/api/auth/logout');
}

/** `GET /api/auth/me`: the signed-in user (ApiError UNAUTHENTICATED when signed out). */
export function getMe(signal?: AbortSignal): Promise<TMe> {
  return apiRequest('GET', '/api/auth/me', signal ? { signal } : {});
}

/** `GET /api/users` (admin). */
export function listUsers(signal?: AbortSignal): Promise<TUser[]> {
  return apiRequest('GET', '/api/users', signal ? { signal } : {});
}

export interface TNewUser {
  username: string;
  password: string;
  roles: TRole[];
  orgUnits: string[];
}

/** `POST /api/users` (admin). */
export function createUser(user: TNewUser): Promise<TUser> {
  return apiRequest('POST', '/api/users', { body: user });
}

/** `PUT /api/users/:id` (admin): roles, org units (codes) or disabled. */
export function updateUser(
  id: number,
  changes: { roles?: TRole[]; orgUnits?: string[]; disabled?: boolean },
): Promise<TUser> {
  return apiRequest('PUT', `/api/users/${id}`, { body: changes });
}

/** `POST /api/users/:id/password` (admin): the given password, or a random one returned once. */
export function resetUserPassword(id: number, password?: string): Promise<{ password: string | null }> {
  return apiRequest('POST', `/api/users/${id}/password`, { body: password ? { password } : {} });
}
