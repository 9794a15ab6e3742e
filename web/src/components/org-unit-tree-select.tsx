import { TreeSelect } from 'antd';
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
  const nodes = buildOrgUnitNodes(tree, (unit) => `${localName(unit, language)} (${unit.code})`);
  return (
    <TreeSelect
      data-testid="org-unit-select"
      style={{ width: 280 }}
      placeholder={placeholder}
      value={value}
      treeData={nodes}
      loadData={(node) => tree.loadChildren(String(node.value))}
      onChange={(next: string | undefined) => onChange(next)}
      allowClear
      showSearch
      treeNodeFilterProp="title"
    />
  );
}
