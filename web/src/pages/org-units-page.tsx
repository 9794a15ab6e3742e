import { Breadcrumb, Card, Col, Descriptions, Empty, Row, Spin, Tag, Tree, Typography } from 'antd';
import { useState } from 'react';
import { getOrgUnit } from '../api/metadata.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage } from '../components/error-message.js';
import { levelLabel } from '../components/level-label.js';
import { localName } from '../components/local-name.js';
import { buildOrgUnitNodes, useOrgUnitTree } from '../components/use-org-unit-tree.js';
import { useI18n } from '../i18n/i18n.js';

/** Org-unit browser: a lazily loaded tree and the selected unit's details and path. */
export function OrgUnitsPage() {
  const { t, language } = useI18n();
  const tree = useOrgUnitTree();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const nodes = buildOrgUnitNodes(tree, (unit) => localName(unit, language));
  return (
    <Row gutter={16}>
      <Col xs={24} md={10} lg={8}>
        <Card title={t('orgUnits.tree')} data-testid="org-unit-tree">
          {tree.error ? <ErrorMessage error={tree.error} /> : null}
          <Tree
            treeData={nodes}
            loadData={(node) => tree.loadChildren(String(node.key))}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => setSelected(keys[0] === undefined ? undefined : String(keys[0]))}
            titleRender={(node) => (
              <span data-code={node.unit.code}>
                {node.title} <Typography.Text type="secondary">{node.unit.code}</Typography.Text>
              </span>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} md={14} lg={16}>
        <Card title={t('orgUnits.details')}>
          {selected ? <OrgUnitDetails code={selected} /> : <Empty description={t('orgUnits.selectHint')} />}
        </Card>
      </Col>
    </Row>
  );
}

function OrgUnitDetails({ code }: { code: string }) {
  const { t, language } = useI18n();
  const detail = useApi((signal) => getOrgUnit(code, signal), [code]);
  if (detail.error) return <ErrorMessage error={detail.error} onRetry={detail.reload} />;
  const unit = detail.data;
  if (!unit) return <Spin />;
  const path = [...unit.ancestors, unit];
  const parent = unit.ancestors.at(-1);
  return (
    <div data-testid="org-unit-details">
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={path.map((item) => ({ title: localName(item, language), key: item.code }))}
      />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('common.name')}>{unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('common.nameEn')}>{unit.nameEn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('common.code')}>
          <Tag>{unit.code}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('common.level')}>{levelLabel(unit.level, t)}</Descriptions.Item>
        <Descriptions.Item label={t('orgUnits.parent')}>
          {parent ? localName(parent, language) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('orgUnits.children')}>{unit.childCount}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}
