import { z } from 'zod';
import { defineRoute, parseInput, type RouteContext } from '../../server/http.js';
import { ZCreateUserInput, ZPassword, ZUpdateUserInput, ZUser } from './auth.schema.js';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service.js';

const ZUserParams = z.object({ id: z.coerce.number().int().positive() });
const ZResetPasswordBody = z.object({
  password: ZPassword.optional().describe('none: a random one is set and returned'),
});
const ZResetPasswordAnswer = z.object({
  password: z.string().nullable().describe('the generated password, shown once'),
});

/** The admin page's users API (admin only). */
export async function registerUserRoutes(context: RouteContext): Promise<void> {
  const { db } = context;
  const tag = 'users';
  const access = ['admin'] as const;

  defineRoute(
    context,
    {
      method: 'GET',
      url: '/api/users',
      tag,
      access,
      summary: 'Every user with roles and org units',
      response: z.array(ZUser),
    },
    async () => listUsers(db),
  );
  defineRoute(
    context,
    {
      method: 'POST',
      url: '/api/users',
      tag,
      access,
      summary: 'Create a user (roles, org-unit codes, initial password)',
      body: ZCreateUserInput,
      response: ZUser,
    },
    async ({ body, principal, reply }) => {
      const user = await createUser(db, body, principal);
      return reply.status(201).send(user);
    },
  );
  defineRoute(
    context,
    { method: 'GET', url: '/api/users/:id', tag, access, summary: 'One user', response: ZUser },
    async ({ params }) => getUser(db, { id: parseInput(ZUserParams, params, 'params').id }),
  );
  defineRoute(
    context,
    {
      method: 'PUT',
      url: '/api/users/:id',
      tag,
      access,
      summary: 'Change roles, org units (replaced) or disabled; disabling ends the user’s sessions',
      body: ZUpdateUserInput,
      response: ZUser,
    },
    async ({ params, body, principal }) =>
      updateUser(db, { id: parseInput(ZUserParams, params, 'params').id }, body, principal),
  );
  defineRoute(
    context,
    {
      method: 'POST',
      url: '/api/users/:id/password',
      tag,
      access,
      summary: 'Reset a password (given, or random and returned once); ends the user’s sessions',
      body: ZResetPasswordBody,
      response: ZResetPasswordAnswer,
    },
    async ({ params, body, principal }) => {
      const where = { id: parseInput(ZUserParams, params, 'params').id };
      const password = await resetPassword(db, where, body.password, principal);
      return { password: body.password ? null : password };
    },
  );
}
