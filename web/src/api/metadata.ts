import { apiRequest } from './client.js';
import type {
  TDataElement,
  TDataSetDetail,
  TDataSetSummary,
  TIndicator,
  TOrgUnit,
  TOrgUnitDetail,
} from './types.js';

/** The list in a list answer: the API wraps lists as `{items: [...]}`. */
export function unwrapList<T>(answer: T[] | { items: T[] }): T[] {
  return Array.isArray(answer) ? answer : answer.items;
}

/** Children of `parent`, or the roots when no parent is given. */
export async function listOrgUnits(parent?: string, signal?: AbortSignal): Promise<TOrgUnit[]> {
  const answer = await apiRequest<TOrgUnit[] | { items: TOrgUnit[] }>('GET', '/api/orgUnits', {
    query: { parent },
    ...(signal ? { signal } : {}),
  });
  return unwrapList(answer);
}

/** One org unit with its ancestors. */
export function getOrgUnit(code: string, signal?: AbortSignal): Promise<TOrgUnitDetail> {
  return apiRequest('GET', `/api/orgUnits/${encodeURIComponent(code)}`, signal ? { signal } : {});
}

/** Every data element. */
export async function listDataElements(signal?: AbortSignal): Promise<TDataElement[]> {
  return unwrapList(await apiRequest('GET', '/api/dataElements', signal ? { signal } : {}));
}

/** Every indicator. */
export async function listIndicators(signal?: AbortSignal): Promise<TIndicator[]> {
  return unwrapList(await apiRequest('GET', '/api/indicators', signal ? { signal } : {}));
}

/** Every data set. */
export async function listDataSets(signal?: AbortSignal): Promise<TDataSetSummary[]> {
  return unwrapList(await apiRequest('GET', '/api/dataSets', signal ? { signal } : {}));
}

/** One data set with its elements, option combos and assigned org units. */
export function getDataSet(code: string, signal?: AbortSignal): Promise<TDataSetDetail> {
  return apiRequest('GET', `/api/dataSets/${encodeURIComponent(code)}`, signal ? { signal } : {});
}
