import { AppError } from '../../../core/errors.js';
import { isFuturePeriod, parsePeriod } from '../../../core/periods/index.js';
import type { Period } from '../../../core/periods/period-types.js';
import type { ResolvedKey } from './entry.repository.js';
import type { TDataValueKey } from './entry.schema.js';

/** The field of a value a validation error names. */
export type TEntryField =
  | 'dataElement'
  | 'period'
  | 'orgUnit'
  | 'categoryOptionCombo'
  | 'attributeOptionCombo'
  | 'dataSet'
  | 'value'
  | 'comment'
  | 'followup'
  | 'version';

/** VALIDATION_FAILED naming the field and the reason (`details: {field, reason}`). */
export function invalidField(field: TEntryField, reason: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field}: ${reason}`, { field, reason });
}

/** The period of an id, or VALIDATION_FAILED on `period`. */
export function parseEntryPeriod(id: string): Period {
  try {
    return parsePeriod(id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidField('period', reason);
  }
}

/** The ids a valid key resolved to. */
export interface CheckedKey {
  dataElementId: number;
  optionComboId: number;
  orgUnitId: number;
  sourceId: number;
}

/**
 * Checks a resolved key: every code known, the period of the type of a data set holding the
 * element, that data set assigned to the org unit, the period not in the future. Throws
 * VALIDATION_FAILED naming the first failing field.
 */
export function checkKey(
  key: TDataValueKey & { dataSet?: string | undefined },
  resolved: ResolvedKey,
  period: Period,
  today: string,
): CheckedKey {
  const element = resolved.dataElement;
  if (!element) throw invalidField('dataElement', `unknown data element "${key.dataElement}"`);
  if (element.optionComboId === null)
    throw invalidField(
      'categoryOptionCombo',
      `"${key.categoryOptionCombo}" is not an option combo of data element ${key.dataElement}`,
    );
  if (resolved.sourceId === undefined)
    throw invalidField('attributeOptionCombo', `unknown source "${key.attributeOptionCombo}"`);
  if (resolved.orgUnitId === undefined) throw invalidField('orgUnit', `unknown org unit "${key.orgUnit}"`);
  checkDataSets(key, resolved.dataSets, period);
  if (isFuturePeriod(period, today))
    throw invalidField('period', `period ${period.id} starts after today (${today}): it is in the future`);
  return {
    dataElementId: element.id,
    optionComboId: element.optionComboId,
    orgUnitId: resolved.orgUnitId,
    sourceId: resolved.sourceId,
  };
}

function checkDataSets(
  key: TDataValueKey & { dataSet?: string | undefined },
  all: ResolvedKey['dataSets'],
  period: Period,
): void {
  const sets = key.dataSet === undefined ? all : all.filter((set) => set.code === key.dataSet);
  if (sets.length === 0)
    throw key.dataSet === undefined
      ? invalidField('dataElement', `data element ${key.dataElement} is in no data set`)
      : invalidField('dataSet', `data set "${key.dataSet}" does not hold data element ${key.dataElement}`);
  const ofType = sets.filter((set) => set.periodType === period.type);
  if (ofType.length === 0) {
    const expected = [...new Set(sets.map((set) => `${set.periodType} (${set.code})`))].join(', ');
    throw invalidField(
      'period',
      `period ${period.id} is ${period.type}; data element ${key.dataElement} is reported ${expected}`,
    );
  }
  if (!ofType.some((set) => set.isAssigned)) {
    const names = ofType.map((set) => set.code).join(', ');
    throw invalidField('orgUnit', `org unit ${key.orgUnit} is not assigned to data set ${names}`);
  }
}
