import { defineConfig } from 'vitest/config';

// Unit tests (src/core, pure) run fast; integration tests (*.int.test.ts) use real stores;
// e2e tests drive the built app in Chromium. Two cores: at most two test files at once.
export default defineConfig({
  test: {
    globalSetup: ['./vitest.global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'UTC' },
    include: ['src/**/*.test.ts', 'demo/**/*.test.ts', 'e2e/**/*.test.ts', 'web/src/**/*.test.ts'],
  },
});
