import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../core/periods/index.js';
import { applicableDataSets, isExpired, lockDateOf, periodLockOf } from './lock.service.js';

const JANUARY = parsePeriod('202401');

describe('lockDateOf', () => {
  it('is the day after the period end plus expiryDays', () => {
    expect(lockDateOf(JANUARY, 10)).toBe('2024-02-11');
    expect(lockDateOf(parsePeriod('2024Q4'), 1)).toBe('2025-01-02');
  });

  it('is null when expiryDays is 0: the data set never locks', () => {
    expect(lockDateOf(JANUARY, 0)).toBeNull();
  });
});

describe('isExpired', () => {
  it('keeps the period open through the last of its expiry days and locks it the day after', () => {
    expect(isExpired(JANUARY, 10, '2024-02-10')).toBe(false);
    expect(isExpired(JANUARY, 10, '2024-02-11')).toBe(true);
  });

  it('never locks with expiryDays 0', () => {
    expect(isExpired(JANUARY, 0, '2099-01-01')).toBe(false);
  });
});

describe('periodLockOf', () => {
  const input = { orgUnit: 'QS0101', period: JANUARY, today: '2024-03-01' };

  it('explains an expired period and names who can unlock it', () => {
    const lock = periodLockOf({ dataSet: 'MONTHLY', expiryDays: 10, hasException: false }, input);
    expect(lock).toMatchObject({ expired: true, lockDate: '2024-02-11', hasException: false });
    expect(lock.reason).toBe(
      'period 202401 of data set MONTHLY is locked since 2024-02-11, 10 days after the period ended: ' +
        'an approver or admin can unlock it by granting a lock exception for QS0101',
    );
  });

  it('leaves the period open when an exception covers the org unit', () => {
    const lock = periodLockOf({ dataSet: 'MONTHLY', expiryDays: 10, hasException: true }, input);
    expect(lock).toEqual({
      expired: false,
      reason: null,
      lockDate: '2024-02-11',
      expiryDays: 10,
      hasException: true,
    });
  });
});

describe('applicableDataSets', () => {
  const sets = [
    { code: 'MONTHLY', periodType: 'Monthly', isAssigned: true },
    { code: 'CHECKS', periodType: 'Monthly', isAssigned: false },
    { code: 'QUARTERLY', periodType: 'Quarterly', isAssigned: true },
  ];

  it("keeps the data sets of the period's type that the org unit reports", () => {
    expect(applicableDataSets(sets, undefined, JANUARY)).toEqual(['MONTHLY']);
  });

  it('keeps only the named data set when the value names one', () => {
    expect(applicableDataSets(sets, 'QUARTERLY', parsePeriod('2024Q1'))).toEqual(['QUARTERLY']);
    expect(applicableDataSets(sets, 'CHECKS', JANUARY)).toEqual([]);
  });
});
