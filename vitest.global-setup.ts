import { buildTestTemplates } from './src/store/testing/test-templates.js';

/** Builds the migrated store templates that every integration test clones. */
export default async function setup(): Promise<void> {
  await buildTestTemplates();
}
