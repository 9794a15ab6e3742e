import type { Db } from '../src/store/db.js';

/** Loads the demo city's metadata and generated data (placeholder until the demo lands). */
export async function loadDemo(_db: Db, _options: { log: (line: string) => void }): Promise<void> {}
