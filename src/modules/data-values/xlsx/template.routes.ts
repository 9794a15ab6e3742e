import { PassThrough } from 'node:stream';
import { defineRoute, type RouteContext } from '../../../server/http.js';
import { XLSX_CONTENT_TYPE, ZTemplateQuery } from './template.schema.js';
import { buildTemplateSpec } from './template.service.js';
import { writeTemplate } from './template-writer.js';

/** GET /api/dataSets/:code/template.xlsx: the XLSX entry template of a data set for one period. */
export function registerTemplateRoutes(context: RouteContext): void {
  const { db } = context;
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/dataSets/:code/template.xlsx',
      summary: 'XLSX entry template: rows = org units, columns = data element × option combo × source',
      tag: 'data values',
      query: ZTemplateQuery,
      produces: [XLSX_CONTENT_TYPE],
    },
    async ({ query, params, reply, request, principal }) => {
      // Checked before streaming so that a bad request still gets a JSON error.
      const spec = await buildTemplateSpec(db, principal, params.code ?? '', query);
      const body = new PassThrough();
      writeTemplate(spec, body).catch((error: unknown) => {
        request.log.error({ err: error }, 'template writing failed');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      const fileName = `${spec.dataSet.code}_${spec.period}.xlsx`;
      reply.header('content-type', XLSX_CONTENT_TYPE);
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return reply.send(body);
    },
  );
}
