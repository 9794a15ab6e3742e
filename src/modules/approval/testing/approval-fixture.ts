import type { Db } from '../../../store/db.js';
import { importMetadata } from '../../metadata/metadata.service.js';
import { buildMetadataFixture } from '../../metadata/testing/metadata-fixture.js';

/** Days after a period's end on which the fixture's MONTHLY data set locks. */
export const FIXTURE_EXPIRY_DAYS = 10;

/**
 * The metadata fixture (青山市; counties 东城区 QS01 and 西山县 QS02, each with two townships;
 * data set MONTHLY of BIRTHS and POP at the townships) with MONTHLY locking 10 days after each
 * period's end.
 */
export async function loadApprovalFixture(db: Db): Promise<void> {
  const file = buildMetadataFixture();
  const monthly = file.dataSets?.[0];
  if (monthly) monthly.expiryDays = FIXTURE_EXPIRY_DAYS;
  await importMetadata(db, file);
}

/** The monthly period id of the current UTC month (`202611`): open, since it has not ended. */
export function currentMonth(now = new Date()): string {
  return `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}
