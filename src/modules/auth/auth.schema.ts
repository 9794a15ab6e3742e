import { z } from 'zod';
import { ROLES } from './principal.js';

/** Requests and answers of sign-in, users and tokens (server, CLI and web client share them). */

/** A user name: 1–64 characters without control characters; any other text is kept as typed. */
export const ZUsername = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'at most 64 characters')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

/** A password: 8–256 characters (the upper bound keeps hashing cheap to refuse). */
export const ZPassword = z.string().min(8, 'at least 8 characters').max(256, 'at most 256 characters');

export const ZRole = z.enum(ROLES);

/** `POST /api/auth/login`. The password is not length-checked here: a wrong one is just wrong. */
export const ZLoginInput = z.object({
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(1024),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

/** An org unit a user is assigned to (the root of a subtree they work in). */
export const ZUserOrgUnit = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: z.number().int(),
});
export type TUserOrgUnit = z.infer<typeof ZUserOrgUnit>;

/** A user as the admin page and `tiaodu user list` show it. */
export const ZUser = z.object({
  id: z.number().int(),
  username: z.string(),
  roles: z.array(ZRole),
  orgUnits: z.array(ZUserOrgUnit),
  disabled: z.boolean(),
  created: z.string().describe('ISO 8601'),
});
export type TUser = z.infer<typeof ZUser>;

/** `GET /api/auth/me` and the answer of a successful login. */
export const ZMe = z.object({
  user: z.object({ id: z.number().int().nullable(), username: z.string() }),
  roles: z.array(ZRole),
  orgUnits: z.array(ZUserOrgUnit),
  /** 'ALL' or the codes of the subtrees' roots. */
  scope: z.union([z.literal('ALL'), z.array(z.string())]),
  via: z.enum(['session', 'token', 'cli']),
  /** Send it back in `x-csrf-token` on every state-changing request (cookie sessions only). */
  csrfToken: z.string().nullable(),
});
export type TMe = z.infer<typeof ZMe>;

/** `POST /api/users`. */
export const ZCreateUserInput = z.object({
  username: ZUsername,
  password: ZPassword,
  roles: z.array(ZRole).min(1, 'at least one role'),
  orgUnits: z.array(z.string().min(1)).default([]).describe('org-unit codes'),
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

/** `PUT /api/users/:id`: change only what is given. */
export const ZUpdateUserInput = z.object({
  roles: z.array(ZRole).min(1, 'at least one role').optional(),
  orgUnits: z.array(z.string().min(1)).optional().describe('org-unit codes; replaces the assignment'),
  disabled: z.boolean().optional(),
});
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;

/** `POST /api/users/:id/password`. */
export const ZResetPasswordInput = z.object({ password: ZPassword });

/** A personal access token as listed (never the token itself). */
export const ZAccessToken = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  created: z.string(),
  expires: z.string().nullable(),
  revoked: z.string().nullable(),
  lastUsed: z.string().nullable(),
});
export type TAccessToken = z.infer<typeof ZAccessToken>;
