import { apiRequest } from './client.js';

/** `GET /api/health`: the server is up and its store answers. */
export interface THealth {
  status: 'ok';
  version: string;
  /** Which store the server runs on: embedded PGlite or a PostgreSQL server. */
  store: string;
}

/** The server's health, version and store kind. */
export function getHealth(signal?: AbortSignal): Promise<THealth> {
  return apiRequest('GET', '/api/health', signal ? { signal } : {});
}
