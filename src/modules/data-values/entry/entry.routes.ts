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

/** Who stored a value: the request's user once authentication lands, until then the API itself. */
const STORED_BY = 'api';

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
  context.app.post('/api/dataValues', async (request) =>
    saveDataValue(db, request.body as Parameters<typeof saveDataValue>[1], { storedBy: STORED_BY }),
  );

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
    async ({ query, body }) => {
      const fromQuery = keyFromQuery(query);
      const isQueryEmpty = Object.values(fromQuery).every((value) => value === undefined);
      return deleteDataValue(db, isQueryEmpty ? ((body ?? {}) as Record<string, string>) : fromQuery);
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
    async ({ query }) => getFormValues(db, query),
  );
}
