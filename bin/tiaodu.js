#!/usr/bin/env node
// Runs the compiled CLI from dist/ (made by `npm run build`); in a fresh checkout without a build
// it runs the TypeScript sources through tsx, so `npx tiaodu --help` works right after `npm install`.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
if (existsSync(compiled) && process.env.TIAODU_USE_SOURCE !== '1') {
  await import(pathToFileURL(compiled).href);
} else if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  console.error('tiaodu: neither dist/ nor src/ found — run `npm run build`');
  process.exit(1);
}
