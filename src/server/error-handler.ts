import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, ERROR_STATUS } from '../core/errors.js';

/** Maps every thrown error to `{"error": {"code", "message", "details"}}` with the code's status. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details ?? null } });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(ERROR_STATUS.PAYLOAD_TOO_LARGE).send({
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          message: 'request body is larger than the server accepts',
          details: null,
        },
      });
    }
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(ERROR_STATUS.UNSUPPORTED_MEDIA_TYPE).send({
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: fastifyError.message, details: null },
      });
    }
    if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
      return reply.status(fastifyError.statusCode).send({
        error: { code: 'BAD_REQUEST', message: fastifyError.message, details: null },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'INTERNAL',
        message: `internal error (request ${request.id})`,
        details: { requestId: request.id },
      },
    });
  });
}
