import { apiRequest, withQuery } from './client.js';
import type { TDataValueInput, TDataValueKey, TFormValues, TStoredDataValue } from './types.js';

/** One value of an entry form as `GET /api/dataValues` lists it. */
export type TFormValue = TFormValues['dataValues'][number];

/** Current values of a data set's form for one org unit and period. */
export async function listDataValues(
  query: { dataSet: string; period: string; orgUnit: string },
  signal?: AbortSignal,
): Promise<TFormValue[]> {
  const answer = await apiRequest<TFormValues>('GET', '/api/dataValues', {
    query,
    ...(signal ? { signal } : {}),
  });
  return answer.dataValues;
}

/**
 * Saves one value and returns it as stored (with its new version). Throws ApiError
 * VALIDATION_FAILED with `details.reason` when the value is refused, STALE_VERSION when
 * `version` is not the stored one any more.
 */
export function saveDataValue(value: TDataValueInput): Promise<TStoredDataValue> {
  return apiRequest('POST', '/api/dataValues', { body: value });
}

/** Deletes one value. */
export async function deleteDataValue(key: TDataValueKey): Promise<void> {
  await apiRequest('DELETE', '/api/dataValues', { query: { ...key } });
}

/** URL of the XLSX entry template of a data set for one period and org unit. */
export function templateUrl(dataSet: string, period: string, orgUnit: string): string {
  return withQuery(`/api/dataSets/${encodeURIComponent(dataSet)}/template.xlsx`, { period, orgUnit });
}
