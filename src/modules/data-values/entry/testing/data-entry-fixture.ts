import type { Db } from '../../../../store/db.js';
import { importMetadata } from '../../../metadata/metadata.service.js';
import { buildMetadataFixture } from '../../../metadata/testing/metadata-fixture.js';

/**
 * Loads the metadata fixture (青山市, BIRTHS by SEX × ORDER, POP, data set MONTHLY at the
 * township level) plus one element of each other value type in a second monthly data set
 * `CHECKS` for the townships of 东城区 only, and a quarterly data set `QUARTERLY` of POP.
 */
export async function loadDataEntryFixture(db: Db): Promise<void> {
  const file = buildMetadataFixture();
  file.dataElements?.push(
    { code: 'COVERAGE', name: '覆盖率', valueType: 'PERCENTAGE', aggregation: 'AVERAGE' },
    { code: 'REPORTED', name: '已上报', valueType: 'BOOLEAN', aggregation: 'LAST' },
    { code: 'MEAN_AGE', name: '平均年龄', valueType: 'NUMBER', aggregation: 'AVERAGE' },
    { code: 'NOTE', name: '备注', valueType: 'TEXT', aggregation: 'LAST' },
  );
  file.dataSets?.push(
    {
      code: 'CHECKS',
      name: '核查表',
      periodType: 'Monthly',
      dueDays: 10,
      dataElements: ['COVERAGE', 'REPORTED', 'MEAN_AGE', 'NOTE'],
      orgUnits: ['QS0101', 'QS0102'],
    },
    {
      code: 'QUARTERLY',
      name: '人口季报',
      periodType: 'Quarterly',
      dueDays: 15,
      dataElements: ['POP'],
      orgUnitLevel: 2,
    },
  );
  await importMetadata(db, file);
}
