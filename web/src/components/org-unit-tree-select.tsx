import { TreeSelect } from 'antd';
import { getOrgUnit } from '../api/metadata.js';
import { useApi } from '../api/use-api.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from './local-name.js';
import { buildOrgUnitNodes, useOrgUnitTree } from './use-org-unit-tree.js';

/** A tree select of org units that loads children as branches open. */
export function OrgUnitTreeSelect({
  value,
  onChange,
  placeholder,
}: {
  value: string | undefined;
  onChange(code: string | undefined): void;
  placeholder: string;
}) {
  const { language } = useI18n();
  const tree = useOrgUnitTree();
  const label = (unit: { code: string; name: string; nameEn: string | null }) =>
    `${localName(unit, language)} (${unit.code})`;
  const nodes = buildOrgUnitNodes(tree, label);
  // A unit chosen through the URL may sit in a branch not loaded yet: fetch it for its label.
  const loadedUnit = value ? tree.units.get(value) : undefined;
  const detail = useApi((signal) => getOrgUnit(value ?? '', signal), [value], Boolean(value) && !loadedUnit);
  const shown = loadedUnit ?? (detail.data?.code === value ? detail.data : undefined);
  return (
    <TreeSelect
      data-testid="org-unit-select"
      style={{ width: 280 }}
      placeholder={placeholder}
      labelInValue
      value={value ? { value, label: shown ? label(shown) : value } : undefined}
      treeData={nodes}
      loadData={(node) => tree.loadChildren(String(node.value))}
      onChange={(next?: { value: string; label?: unknown }) => onChange(next?.value)}
      allowClear
      showSearch
      treeNodeFilterProp="title"
    />
  );
}
