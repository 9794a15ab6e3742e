import { Readable } from 'node:stream';
import { principalOf } from '../../../server/auth-hook.js';
import { parseInput, type RouteContext } from '../../../server/http.js';
import { ZExportQuery } from './export.schema.js';
import { exportDataValues } from './export.service.js';

/** GET /api/dataValueSets: streams a data set's values as DHIS2 JSON or CSV. */
export function registerExportRoutes(context: RouteContext): void {
  const { db } = context;
  context.openapi.add({
    method: 'GET',
    access: 'authenticated',
    url: '/api/dataValueSets',
    summary:
      'Export values of a data set (period or startDate+endDate, orgUnit with children) as JSON or CSV; only your org units',
    tag: 'data values',
    query: ZExportQuery,
    produces: ['application/json', 'text/csv'],
  });
  context.app.get('/api/dataValueSets', async (request, reply) => {
    // Everything that can fail with a 4xx is checked before the first byte is sent.
    const result = await exportDataValues(
      db,
      principalOf(request),
      parseInput(ZExportQuery, request.query, 'query'),
    );
    reply.header('content-type', result.contentType);
    reply.header('content-disposition', `attachment; filename="${encodeURIComponent(result.fileName)}"`);
    return reply.send(Readable.from(result.chunks));
  });
}
