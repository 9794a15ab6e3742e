import { ApiError, csrfHeaders, toApiError, withQuery } from './client.js';
import type { TImportSummary } from './types.js';

/** Options of an upload: a dry run writes nothing; the strategy decides what invalid rows do. */
export interface TUploadOptions {
  dryRun: boolean;
  importStrategy: 'ATOMIC' | 'SKIP_INVALID';
  /** Called with the fraction (0..1) of the file sent so far. */
  onProgress?: (fraction: number) => void;
}

/** The content type the import route expects for `file`, by its extension. */
export function importContentType(file: { name: string; type: string }): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (name.endsWith('.json')) return 'application/json';
  return file.type || 'application/octet-stream';
}

/**
 * Posts a data value file to `/api/dataValueSets` by XHR (fetch cannot report upload progress)
 * and returns DHIS2's import summary. A summary with status ERROR arrives with 409; it is
 * returned too, so the caller can list its conflicts. Other failures throw ApiError.
 */
export function uploadDataValueSet(file: File, options: TUploadOptions): Promise<TImportSummary> {
  const url = withQuery('/api/dataValueSets', {
    dryRun: options.dryRun,
    importStrategy: options.importStrategy,
  });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', importContentType(file));
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', 'upload failed', 0));
    xhr.onload = () => {
      const summary = parseSummary(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && summary) resolve(summary);
      else if (xhr.status === 409 && summary) resolve(summary);
      else reject(toApiError(xhr.status, xhr.responseText));
    };
    xhr.send(file);
  });
}

function parseSummary(text: string): TImportSummary | undefined {
  try {
    const body = JSON.parse(text) as Partial<TImportSummary> & { error?: { details?: unknown } };
    if (body && typeof body.status === 'string' && body.importCount) return body as TImportSummary;
    // An error envelope may carry the summary in its details (IMPORT_CONFLICTS).
    const details = body.error?.details as Partial<TImportSummary> | undefined;
    if (details && typeof details.status === 'string' && details.importCount)
      return details as TImportSummary;
  } catch {
    return undefined;
  }
  return undefined;
}
