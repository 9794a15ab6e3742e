import { apiRequest, withQuery } from './client.js';
import { unwrapList } from './metadata.js';
import type { TDataValue } from './types.js';

/** The key of one value: which element, cell, source, unit and period. */
export type TDataValueKey = Omit<TDataValue, 'value' | 'comment'>;

/** Current values of a data set for one org unit and period. */
export async function listDataValues(
  query: { dataSet: string; period: string; orgUnit: string },
  signal?: AbortSignal,
): Promise<TDataValue[]> {
  const answer = await apiRequest<TDataValue[] | { items: TDataValue[] } | { dataValues: TDataValue[] }>(
    'GET',
    '/api/dataValues',
    { query, ...(signal ? { signal } : {}) },
  );
  return 'dataValues' in answer ? answer.dataValues : unwrapList(answer);
}

/** Saves one value; throws ApiError VALIDATION_FAILED with `details.reason` when it is not valid. */
export async function saveDataValue(value: TDataValue): Promise<void> {
  await apiRequest('POST', '/api/dataValues', { body: value });
}

/** Deletes one value. */
export async function deleteDataValue(key: TDataValueKey): Promise<void> {
  await apiRequest('DELETE', '/api/dataValues', { query: { ...key } });
}

/** URL of the XLSX entry template of a data set for one period and org unit. */
export function templateUrl(dataSet: string, period: string, orgUnit: string): string {
  return withQuery(`/api/dataSets/${encodeURIComponent(dataSet)}/template.xlsx`, { period, orgUnit });
}
