import type { FastifyInstance } from 'fastify';
import { createTestStore, type TestStore, type TestStoreKind } from '../../store/testing/test-store.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';

export interface TestApp {
  app: FastifyInstance;
  store: TestStore;
  /** Base URL of the server listening on a random port of 127.0.0.1. */
  baseUrl: string;
  close(): Promise<void>;
}

/** A real server on a free loopback port over a fresh test store (real HTTP in tests). */
export async function startTestApp(
  kind: TestStoreKind,
  options: { webRoot?: string } = {},
): Promise<TestApp> {
  const store = await createTestStore(kind);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', TIAODU_BODY_LIMIT_MB: '50' });
  const app = await buildApp({
    db: store.db,
    config,
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    store,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await store.dispose();
    },
  };
}
