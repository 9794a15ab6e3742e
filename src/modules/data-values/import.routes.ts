import { Transform } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { defineRoute, type RouteContext } from '../../server/http.js';
import { ZImportOptions, ZImportSummary } from './data-values.schema.js';
import { importDataValueFile, type TImportFormat } from './import/index.js';

/** Query of POST /api/dataValueSets: DHIS2's parameters plus the file format. */
export const ZImportQuery = ZImportOptions.extend({
  dryRun: z.stringbool().default(false),
  format: z.enum(['json', 'csv', 'xlsx']).optional().describe('default: from the Content-Type'),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * POST /api/dataValueSets: imports a DHIS2 dataValueSets JSON, CSV or XLSX body, streamed (the
 * body is never held whole). 200 with the summary for SUCCESS and WARNING, 409 for ERROR.
 */
export async function registerImportRoutes(context: RouteContext): Promise<void> {
  const bodyLimit = context.config.TIAODU_BODY_LIMIT_MB * 1024 * 1024;
  // In its own scope so that only this route reads JSON bodies as streams.
  await context.app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', (_request, payload, done) => done(null, payload));
    defineRoute(
      { app: scope, openapi: context.openapi },
      {
        method: 'POST',
        access: ['clerk'],
        url: '/api/dataValueSets',
        summary:
          'Import data values (DHIS2 dataValueSets JSON, CSV or XLSX; atomic unless importStrategy=SKIP_INVALID)',
        tag: 'data-values',
        query: ZImportQuery,
        response: ZImportSummary,
      },
      async ({ query, request, reply, principal }) => {
        const { format, ...options } = query;
        const summary = await importDataValueFile(
          context.db,
          { stream: limitBytes(request, bodyLimit), format: format ?? formatOfRequest(request) },
          { ...options, principal, storedBy: principal.username },
        );
        return reply.status(summary.status === 'ERROR' ? 409 : 200).send(summary);
      },
    );
  });
}

/** The format the Content-Type names; octet-stream needs `format=`. */
function formatOfRequest(request: FastifyRequest): TImportFormat {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return 'json';
  if (type === 'text/csv') return 'csv';
  if (type === XLSX_TYPE) return 'xlsx';
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `cannot tell the file format from Content-Type "${type}": send application/json, text/csv or ${XLSX_TYPE}, or add format=json|csv|xlsx`,
  );
}

/** The request body as a stream that fails with PAYLOAD_TOO_LARGE past `limit` bytes. */
function limitBytes(request: FastifyRequest, limit: number): Transform {
  let seen = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit)
        callback(new AppError('PAYLOAD_TOO_LARGE', `the file is larger than ${limit / 1024 / 1024} MB`));
      else callback(null, chunk);
    },
  });
  const body = request.body as NodeJS.ReadableStream;
  body.on('error', (error) => limited.destroy(error));
  return body.pipe(limited);
}
