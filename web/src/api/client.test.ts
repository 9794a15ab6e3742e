import { describe, expect, it } from 'vitest';
import { toApiError, withQuery } from './client.js';
import { importContentType } from './import.js';
import { unwrapList } from './metadata.js';

describe('toApiError', () => {
  it('keeps the code, message and details of the API error shape', () => {
    const body = {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'value: not an integer',
        details: { field: 'value', reason: 'not an integer' },
      },
    };
    const error = toApiError(400, JSON.stringify(body));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, message: 'value: not an integer' });
    expect(error.details).toEqual({ field: 'value', reason: 'not an integer' });
  });

  it('names a non-JSON failure by its status class', () => {
    expect(toApiError(502, '<html>Bad gateway</html>')).toMatchObject({ code: 'INTERNAL', status: 502 });
    expect(toApiError(404, '')).toMatchObject({ code: 'BAD_REQUEST', message: 'HTTP 404' });
  });
});

describe('withQuery', () => {
  it('leaves out undefined parameters and encodes the rest', () => {
    expect(withQuery('/api/orgUnits', { parent: undefined })).toBe('/api/orgUnits');
    expect(withQuery('/api/dataValues', { dataSet: 'MONTHLY', period: '2026W5', orgUnit: 'QS 01' })).toBe(
      '/api/dataValues?dataSet=MONTHLY&period=2026W5&orgUnit=QS+01',
    );
  });
});

describe('importContentType', () => {
  it('picks the content type from the file extension', () => {
    expect(importContentType({ name: 'Births.CSV', type: '' })).toBe('text/csv');
    expect(importContentType({ name: 'form.xlsx', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(importContentType({ name: 'set.json', type: 'text/plain' })).toBe('application/json');
  });
});

describe('unwrapList', () => {
  it('accepts a bare array or an items envelope', () => {
    expect(unwrapList([1, 2])).toEqual([1, 2]);
    expect(unwrapList({ items: [3] })).toEqual([3]);
  });
});
