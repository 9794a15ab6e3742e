import { checkExpression, describeProblem, type ExpressionCatalog } from '../../core/expressions/index.js';
import { RULES_WITH_THRESHOLD, type TMetadataFile, type TReconciliationEntry } from './metadata.schema.js';
import type { TMetadataError } from './metadata-api.schema.js';
import { type MergedMetadata, mergedCatalog } from './metadata-merge.js';
import { computeTree } from './org-unit-tree.js';

type Report = (path: string, message: string) => void;

/** Every reference in `file` that names nothing in the store or the file, and every bad expression. */
export function checkReferences(
  file: TMetadataFile,
  stored: TMetadataFile,
  merged: MergedMetadata,
  defaultSource: string,
): TMetadataError[] {
  const errors: TMetadataError[] = [];
  const report: Report = (path, message) => errors.push({ path, message });
  const catalog = mergedCatalog(merged, defaultSource);
  checkOrgUnitParents(file, merged, report);
  checkDataElements(file, merged, report);
  checkDataSets(file, merged, report);
  checkTargets(file, merged, report);
  checkExpressions(file, catalog, '', report);
  // A file may change categories or elements under stored expressions: check those too.
  const inFile = (section: 'indicators' | 'validationRules', code: string) =>
    (file[section] ?? []).some((entry) => entry.code === code);
  const untouched: TMetadataFile = {
    indicators: (stored.indicators ?? []).filter((entry) => !inFile('indicators', entry.code)),
    validationRules: (stored.validationRules ?? []).filter((entry) => !inFile('validationRules', entry.code)),
  };
  checkExpressions(untouched, catalog, 'stored ', report);
  const sides = ['a', 'b', 'matched'] as const;
  (file.reconciliations ?? []).forEach((entry, index) => {
    for (const side of sides) checkSide(entry, side, `reconciliations[${index}].${side}`, catalog, report);
  });
  return errors;
}

function checkOrgUnitParents(file: TMetadataFile, merged: MergedMetadata, report: Report): void {
  (file.orgUnits ?? []).forEach((unit, index) => {
    if (unit.parent !== null && !merged.orgUnitParents.has(unit.parent))
      report(`orgUnits[${index}].parent`, `unknown org unit "${unit.parent}"`);
  });
}

function checkDataElements(file: TMetadataFile, merged: MergedMetadata, report: Report): void {
  (file.dataElements ?? []).forEach((element, index) => {
    const seen = new Set<string>();
    element.categories.forEach((category, position) => {
      const path = `dataElements[${index}].categories[${position}]`;
      if (!merged.categories.has(category)) report(path, `unknown category "${category}"`);
      if (seen.has(category)) report(path, `category "${category}" is listed twice`);
      seen.add(category);
    });
  });
}

function checkDataSets(file: TMetadataFile, merged: MergedMetadata, report: Report): void {
  const levels = new Set([...computeTree(merged.orgUnitParents).values()].map((node) => node.level));
  (file.dataSets ?? []).forEach((dataSet, index) => {
    const path = `dataSets[${index}]`;
    dataSet.dataElements.forEach((code, position) => {
      if (!merged.dataElements.has(code))
        report(`${path}.dataElements[${position}]`, `unknown data element "${code}"`);
    });
    if ((dataSet.orgUnitLevel === undefined) === (dataSet.orgUnits === undefined)) {
      report(path, 'give exactly one of orgUnitLevel and orgUnits');
    }
    if (dataSet.orgUnitLevel !== undefined && !levels.has(dataSet.orgUnitLevel))
      report(`${path}.orgUnitLevel`, `no org unit is at level ${dataSet.orgUnitLevel}`);
    dataSet.orgUnits?.forEach((code, position) => {
      if (!merged.orgUnitParents.has(code))
        report(`${path}.orgUnits[${position}]`, `unknown org unit "${code}"`);
    });
  });
}

function checkTargets(file: TMetadataFile, merged: MergedMetadata, report: Report): void {
  (file.targets ?? []).forEach((target, index) => {
    const path = `targets[${index}]`;
    if (!merged.indicators.has(target.indicator))
      report(`${path}.indicator`, `unknown indicator "${target.indicator}"`);
    if (!merged.orgUnitParents.has(target.orgUnit))
      report(`${path}.orgUnit`, `unknown org unit "${target.orgUnit}"`);
    if (RULES_WITH_THRESHOLD.includes(target.rule) && target.threshold === undefined)
      report(`${path}.threshold`, `required for rule ${target.rule}`);
  });
}

function checkExpressions(
  file: TMetadataFile,
  catalog: ExpressionCatalog,
  prefix: string,
  report: Report,
): void {
  const check = (path: string, text: string) => {
    for (const problem of checkExpression(text, catalog)) report(path, describeProblem(problem));
  };
  (file.indicators ?? []).forEach((indicator, index) => {
    const at = prefix ? `${prefix}indicators["${indicator.code}"]` : `indicators[${index}]`;
    check(`${at}.numerator`, indicator.numerator);
    check(`${at}.denominator`, indicator.denominator);
  });
  (file.validationRules ?? []).forEach((rule, index) => {
    const at = prefix ? `${prefix}validationRules["${rule.code}"]` : `validationRules[${index}]`;
    check(`${at}.leftSide.expression`, rule.leftSide.expression);
    check(`${at}.rightSide.expression`, rule.rightSide.expression);
  });
}

function checkSide(
  entry: TReconciliationEntry,
  side: 'a' | 'b' | 'matched',
  path: string,
  catalog: ExpressionCatalog,
  report: Report,
): void {
  const value = entry[side];
  const element = catalog.findDataElement(value.dataElement);
  if (!element) report(`${path}.dataElement`, `unknown data element "${value.dataElement}"`);
  if (value.source !== undefined && !catalog.hasSource(value.source))
    report(`${path}.source`, `unknown source "${value.source}"`);
  const options = 'options' in value ? (value.options ?? {}) : {};
  for (const [category, option] of Object.entries(options)) {
    const known = element?.categories.find((entry) => entry.code === category);
    if (element && !known)
      report(`${path}.options.${category}`, `"${value.dataElement}" has no category "${category}"`);
    else if (known && !known.options.includes(option))
      report(`${path}.options.${category}`, `category "${category}" has no option "${option}"`);
  }
}
