import { principalOf } from '../../../server/auth-hook.js';
import { defineRoute, type RouteContext } from '../../../server/http.js';
import {
  keyFromQuery,
  ZDataValueInput,
  ZDataValueKeyQuery,
  ZFormValues,
  ZFormValuesQuery,
  ZStoredDataValue,
} from './entry.schema.js';
import { deleteDataValue, getFormValues, saveDataValue } from './entry.service.js';

/** POST/DELETE/GET /api/dataValues: single-value entry for the form. */
export function registerEntryRoutes(context: RouteContext): void {
  const { db } = context;
  // The service parses the body itself so that errors carry {field, reason} like every entry error.
  context.openapi.add({
    method: 'POST',
    access: ['clerk'],
    url: '/api/dataValues',
    summary: 'Save one data value (validated like an import); answers the stored value with its version',
    tag: 'data values',
    body: ZDataValueInput,
    response: ZStoredDataValue,
  });
  context.app.post('/api/dataValues', async (request) => {
    const principal = principalOf(request);
    return saveDataValue(db, principal, request.body as Parameters<typeof saveDataValue>[2], {
      storedBy: principal.username,
    });
  });

  defineRoute(
    context,
    {
      method: 'DELETE',
      access: ['clerk'],
      url: '/api/dataValues',
      summary: 'Delete one data value by de, pe, ou, co (option combo), cc (source), or a JSON body',
      tag: 'data values',
      query: ZDataValueKeyQuery,
      response: ZStoredDataValue,
    },
    async ({ query, body, principal }) => {
      const fromQuery = keyFromQuery(query);
      const isQueryEmpty = Object.values(fromQuery).every((value) => value === undefined);
      return deleteDataValue(
        db,
        principal,
        isQueryEmpty ? ((body ?? {}) as Record<string, string>) : fromQuery,
      );
    },
  );

  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/dataValues',
      summary: "A data set's current values for one org unit and period (the entry form)",
      tag: 'data values',
      query: ZFormValuesQuery,
      response: ZFormValues,
    },
    async ({ query, principal }) => getFormValues(db, principal, query),
  );
}
