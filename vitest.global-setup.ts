import { buildTestTemplates, removeTestTemplates } from './src/store/testing/test-templates.js';

/** Builds the migrated store templates that every integration test clones; removes them after. */
export default async function setup(): Promise<() => Promise<void>> {
  await buildTestTemplates();
  return removeTestTemplates;
}
