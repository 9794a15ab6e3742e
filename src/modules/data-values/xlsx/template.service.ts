import { AppError, notFound } from '../../../core/errors.js';
import { parsePeriod } from '../../../core/periods/index.js';
import type { Queryable } from '../../../store/db.js';
import type { Principal } from '../../auth/principal.js';
import { assertOrgUnitsInScope } from '../../auth/scope.js';
import { DEFAULT_SOURCE } from '../../metadata/metadata.schema.js';
import { getDataSet } from '../../metadata/metadata.service.js';
import { selectTemplateOrgUnits } from './template.repository.js';
import type { TTemplateQuery } from './template.schema.js';
import type { TemplateSpec } from './template-writer.js';

/**
 * What the entry template of a data set shows for one period: one row per assigned org unit
 * (under `orgUnit` when given), one column per data element × option combo × source. NOT_FOUND
 * for an unknown data set, org unit or source; INVALID_PERIOD / VALIDATION_FAILED for a period
 * that is not an id of the data set's period type. Only org units in the principal's scope are
 * rows; FORBIDDEN when `orgUnit` is outside it.
 */
export async function buildTemplateSpec(
  db: Queryable,
  principal: Principal,
  dataSetCode: string,
  query: TTemplateQuery,
): Promise<TemplateSpec> {
  const dataSet = await getDataSet(db, principal, dataSetCode);
  const period = parsePeriod(query.period);
  if (period.type !== dataSet.periodType)
    throw new AppError(
      'VALIDATION_FAILED',
      `period: ${period.id} is ${period.type}; data set ${dataSet.code} takes ${dataSet.periodType} periods`,
      { field: 'period', reason: `data set ${dataSet.code} takes ${dataSet.periodType} periods` },
    );
  const sourceCodes = query.source
    ?.split(',')
    .map((code) => code.trim())
    .filter(Boolean) ?? [DEFAULT_SOURCE.code];
  const sources = sourceCodes.map((code) => {
    const source = dataSet.sources.find((candidate) => candidate.code === code);
    if (!source) throw notFound('source', code);
    return { code: source.code, name: source.name };
  });
  const selected = await selectTemplateOrgUnits(db, principal, dataSet.code, query.orgUnit);
  if (!selected) throw notFound('org unit', query.orgUnit ?? '');
  if (selected.underId !== undefined) await assertOrgUnitsInScope(db, principal, [selected.underId]);
  const { orgUnits } = selected;
  const columns = sources.flatMap((source) =>
    dataSet.dataElements.flatMap((element) =>
      element.optionCombos.map((combo) => ({
        dataElement: element.code,
        categoryOptionCombo: combo.code,
        source: source.code,
        title: columnTitle(
          element.name,
          element.categories.length > 0 ? combo.name : '',
          sources.length > 1 ? source.name : '',
        ),
      })),
    ),
  );
  return {
    dataSet: { code: dataSet.code, name: dataSet.name },
    period: period.id,
    sources,
    columns,
    orgUnits,
  };
}

/** `出生人数 男 三孩及以上`, with `（住院分娩）` when the template holds several sources. */
function columnTitle(element: string, comboName: string, sourceName: string): string {
  const options = comboName.split(/,\s*/).filter(Boolean);
  const title = [element, ...options].join(' ');
  return sourceName ? `${title}（${sourceName}）` : title;
}
