import { importDataValues } from '../src/modules/data-values/import/index.js';
import { importGeoJson } from '../src/modules/geo/geo.service.js';
import { importMetadata } from '../src/modules/metadata/metadata.service.js';
import type { Db } from '../src/store/db.js';
import { withBulkLoad } from './bulk-load.repository.js';
import { buildDemoGeoJson } from './demo-geo.js';
import { buildDemoMetadata, DEMO_SEED } from './demo-metadata.js';
import { generateDemoData, planDemo, resolveToday, type TDemoOptions } from './generate-demo-data.js';

/** What loading the demo wrote and how long it took. */
export interface TDemoLoadResult {
  orgUnits: number;
  values: number;
  boundaries: number;
  /** The months loaded, first and last (`202201`, `202610`). */
  firstPeriod: string;
  lastPeriod: string;
  milliseconds: number;
}

/**
 * Loads the demo city 青山市 (Qingshan) into an empty store: its metadata (targets for the year of
 * `today`), the generated monthly township values and the fictional boundaries. `counties`
 * limits the values (not the metadata) to a few counties, for fast tests.
 */
export async function loadDemo(
  db: Db,
  options: { log: (line: string) => void } & TDemoOptions,
): Promise<TDemoLoadResult> {
  const started = Date.now();
  const { log, ...demo } = options;
  const seed = demo.seed ?? DEMO_SEED;
  const today = resolveToday(demo.today);
  const metadata = buildDemoMetadata({ seed, targetYear: today.getUTCFullYear() });
  const imported = await importMetadata(db, metadata);
  const orgUnits = imported.stats.orgUnits.created;
  log(
    `demo: metadata imported (${orgUnits} org units, ${metadata.indicators?.length ?? 0} indicators) in ${seconds(started)} s`,
  );
  const { plan } = planDemo({ ...demo, seed, today });
  const firstPeriod = plan.periods[0] ?? '';
  const lastPeriod = plan.periods.at(-1) ?? '';
  log(`demo: generating and loading values ${firstPeriod}–${lastPeriod}…`);
  const summary = await withBulkLoad(db, () =>
    importDataValues(db, generateDemoData({ ...demo, seed, today }), {
      today: today.toISOString().slice(0, 10),
      storedBy: 'demo',
      onProgress: ({ rowsRead, phase }) => {
        if (phase !== 'copying') log(`demo: ${phase} ${rowsRead} values (${seconds(started)} s)`);
      },
    }),
  );
  if (summary.status === 'ERROR')
    throw new Error(`demo values refused: ${JSON.stringify(summary.conflicts.slice(0, 5))}`);
  const values = summary.importCount.imported;
  log(`demo: ${values} values loaded in ${seconds(started)} s`);
  const geo = await importGeoJson(db, buildDemoGeoJson(seed));
  log(`demo: ${geo.imported} boundaries loaded; done in ${seconds(started)} s`);
  return {
    orgUnits,
    values,
    boundaries: geo.imported,
    firstPeriod,
    lastPeriod,
    milliseconds: Date.now() - started,
  };
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
