import { isFuturePeriod, parsePeriod } from '../../../core/periods/index.js';
import type { Period, PeriodType } from '../../../core/periods/period-types.js';
import type { TImportConflict, TRawDataValueRow } from '../data-values.schema.js';
import { checkValue, type ValueCheck } from '../value-rules.js';
import type { ConflictList } from './conflict-list.js';
import type { ImportDataSet, ImportElement, ImportLookups } from './import-lookups.repository.js';

/** A valid row resolved to ids, ready for the staging table. */
export interface StagedRow {
  line: number;
  dataElementId: number;
  /** Canonical DHIS2 period id. */
  period: string;
  orgUnitId: number;
  optionComboId: number;
  sourceId: number;
  value: string;
  num: number | null;
  comment: string | null;
  followup: boolean;
  deleted: boolean;
}

export interface RowValidatorOptions {
  /** Only this data set's period type and assignments count. */
  dataSet?: ImportDataSet | undefined;
  /** ISO date of today: periods starting after it are refused. */
  today: string;
}

type Conflict = Omit<TImportConflict, 'row'>;

/** The data sets that count for an element, and those of one period type. */
interface DataSetFit {
  sets: ImportDataSet[];
  ofType: ImportDataSet[];
}

const THOUSANDS = /^[+-]?\d{1,3}([,，' \u00a0\u202f]\d{3})+(\.\d+)?$/;

/**
 * Checks rows against the lookups: returns the resolved row, or undefined after adding each
 * conflict of the row to `conflicts`. Keeps the periods it saw (few) for `ensurePeriods`.
 */
export class RowValidator {
  /** Every valid period seen, by canonical id. */
  readonly periods = new Map<string, Period>();
  private readonly periodCache = new Map<string, Period | string>();
  private readonly fits = new Map<ImportElement, Map<PeriodType, DataSetFit>>();

  constructor(
    private readonly lookups: ImportLookups,
    private readonly conflicts: ConflictList,
    private readonly options: RowValidatorOptions,
  ) {}

  /** The resolved row, or undefined when the row has conflicts (recorded). */
  validate(row: TRawDataValueRow): StagedRow | undefined {
    const found: Conflict[] = [];
    const element = this.findElement(row.dataElement, found);
    const orgUnitId = this.findCode(this.lookups.orgUnits, row.orgUnit, 'orgUnit', 'org unit', found);
    const period = this.findPeriod(row.period, found);
    const comboCode = row.categoryOptionCombo.trim() || 'default';
    const optionComboId = element?.optionCombos.get(comboCode);
    if (element && optionComboId === undefined)
      found.push({
        object: comboCode,
        property: 'categoryOptionCombo',
        value: `"${comboCode}" is not an option combo of data element ${element.code}`,
      });
    const sourceCode = row.attributeOptionCombo.trim() || 'STAT';
    const sourceId = this.findCode(this.lookups.sources, sourceCode, 'attributeOptionCombo', 'source', found);
    if (element && period) this.checkDataSets(row, element, period, orgUnitId, found);
    const deleted = row.deleted === true;
    const checked: ValueCheck = deleted
      ? { ok: true, value: '', num: null }
      : this.checkRowValue(row, element);
    if (!checked.ok) found.push({ object: row.value, property: 'value', value: checked.reason });
    if (found.length > 0 || !element || !period || optionComboId === undefined) {
      for (const conflict of found) this.conflicts.add({ ...conflict, row: row.line });
      this.conflicts.markInvalid();
      return undefined;
    }
    if (orgUnitId === undefined || sourceId === undefined || !checked.ok) return undefined;
    const comment = row.comment?.trim() ? row.comment : null;
    return {
      line: row.line,
      dataElementId: element.id,
      period: period.id,
      orgUnitId,
      optionComboId,
      sourceId,
      value: checked.value,
      num: checked.num,
      comment,
      followup: row.followup === true,
      deleted,
    };
  }

  private findElement(code: string, found: Conflict[]): ImportElement | undefined {
    const trimmed = code.trim();
    const element = this.lookups.dataElements.get(trimmed);
    if (!element)
      found.push({
        object: trimmed,
        property: 'dataElement',
        value: trimmed ? `unknown data element "${trimmed}"` : 'data element is missing',
      });
    return element;
  }

  private findCode(
    map: Map<string, number>,
    code: string,
    property: string,
    what: string,
    found: Conflict[],
  ): number | undefined {
    const trimmed = code.trim();
    const id = map.get(trimmed);
    if (id === undefined)
      found.push({
        object: trimmed,
        property,
        value: trimmed ? `unknown ${what} "${trimmed}"` : `${what} is missing`,
      });
    return id;
  }

  private findPeriod(raw: string, found: Conflict[]): Period | undefined {
    const id = raw.trim();
    let cached = this.periodCache.get(id);
    if (cached === undefined) {
      cached = this.parsePeriodOrReason(id);
      this.periodCache.set(id, cached);
      if (typeof cached !== 'string') this.periods.set(cached.id, cached);
    }
    if (typeof cached === 'string') {
      found.push({ object: id, property: 'period', value: cached });
      return undefined;
    }
    return cached;
  }

  private parsePeriodOrReason(id: string): Period | string {
    if (id === '') return 'period is missing';
    let period: Period;
    try {
      period = parsePeriod(id);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    if (isFuturePeriod(period, this.options.today))
      return `period ${period.id} starts after today (${this.options.today}): it is in the future`;
    return period;
  }

  private checkDataSets(
    row: TRawDataValueRow,
    element: ImportElement,
    period: Period,
    orgUnitId: number | undefined,
    found: Conflict[],
  ): void {
    const only = this.options.dataSet;
    if (only && !only.elementIds.has(element.id)) {
      found.push({
        object: element.code,
        property: 'dataElement',
        value: `data element ${element.code} is not in data set ${only.code}`,
      });
      return;
    }
    const fit = this.dataSetFit(element, period.type);
    if (fit.sets.length === 0) return;
    if (fit.ofType.length === 0) {
      const expected = fit.sets.map((set) => `${set.periodType} (${set.code})`).join(', ');
      found.push({
        object: row.period.trim(),
        property: 'period',
        value: `period ${period.id} is ${period.type}; data element ${element.code} is reported ${expected}`,
      });
      return;
    }
    if (orgUnitId === undefined) return;
    for (const set of fit.ofType) if (set.orgUnitIds.has(orgUnitId)) return;
    found.push({
      object: row.orgUnit.trim(),
      property: 'orgUnit',
      value: `org unit ${row.orgUnit.trim()} is not assigned to data set ${fit.ofType.map((set) => set.code).join(', ')}`,
    });
  }

  /** The data sets that count for `element` and those of them of `periodType` (worked out once per pair). */
  private dataSetFit(element: ImportElement, periodType: PeriodType): DataSetFit {
    let byType = this.fits.get(element);
    if (!byType) {
      byType = new Map();
      this.fits.set(element, byType);
    }
    let fit = byType.get(periodType);
    if (!fit) {
      const only = this.options.dataSet;
      const sets = only ? [only] : element.dataSetIds.flatMap((id) => this.lookups.dataSets.get(id) ?? []);
      fit = { sets, ofType: sets.filter((set) => set.periodType === periodType) };
      byType.set(periodType, fit);
    }
    return fit;
  }

  private checkRowValue(row: TRawDataValueRow, element: ImportElement | undefined): ValueCheck {
    if (!element) return { ok: true, value: row.value, num: null };
    const text = row.value.trim();
    const isNumeric = element.valueType !== 'TEXT' && element.valueType !== 'BOOLEAN';
    if (isNumeric && THOUSANDS.test(text))
      return { ok: false, reason: `"${text}" has thousands separators: remove thousands separators` };
    const checked = checkValue(element.valueType, row.value);
    // Every SUM element is a count: a NUMBER count may be fractional (a share) but never negative.
    if (checked.ok && element.aggregation === 'SUM' && checked.num !== null && checked.num < 0)
      return { ok: false, reason: `"${text}" is negative: a count must be 0 or more` };
    return checked;
  }
}
