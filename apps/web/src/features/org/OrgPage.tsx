import type { RegionView, UnitView } from '@yufang/contracts';
import { Card, Col, Row, Table, type TableColumnsType, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useRegions, useUnits } from './api';

const LEVEL_COLORS = { province: 'red', city: 'volcano', county: 'blue' } as const;

function useRegionTree(regions: RegionView[] | undefined): TreeDataNode[] {
  const { t } = useTranslation();
  return useMemo(() => {
    const list = regions ?? [];
    const byCode = new Map(list.map((r) => [r.code, r]));
    const node = (r: RegionView): TreeDataNode => {
      const replacement = r.replacedBy ? (byCode.get(r.replacedBy)?.name ?? r.replacedBy) : null;
      return {
        key: r.code,
        title: (
          <span
            className={replacement ? 'yf-retired' : undefined}
            style={{ whiteSpace: 'nowrap' }}
            data-testid={`region-${r.code}`}
          >
            <Tag color={replacement ? 'default' : LEVEL_COLORS[r.level]} style={{ marginInlineEnd: 6 }}>
              {t(`org.level.${r.level}`)}
            </Tag>
            {r.name}
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
              {r.code}
            </Typography.Text>
            {replacement ? (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {t('org.retired', { name: replacement })}
              </Typography.Text>
            ) : null}
          </span>
        ),
        // Current divisions first, then retired ones, each by code.
        children: list
          .filter((c) => c.parentCode === r.code)
          .sort((a, b) => Number(!!a.replacedBy) - Number(!!b.replacedBy) || a.code.localeCompare(b.code))
          .map(node),
      };
    };
    // A county officer sees only part of the tree: whatever has no visible parent is a root.
    return list.filter((r) => !r.parentCode || !byCode.has(r.parentCode)).map(node);
  }, [regions, t]);
}

export default function OrgPage() {
  const { t } = useTranslation();
  const regions = useRegions();
  const units = useUnits();
  const tree = useRegionTree(regions.data);
  const regionName = useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r.name])), [regions.data]);

  const columns: TableColumnsType<UnitView> = [
    { title: t('org.code'), dataIndex: 'code', width: 110 },
    { title: t('org.name'), dataIndex: 'name' },
    { title: t('org.shortName'), dataIndex: 'shortName', width: 140 },
    {
      title: t('org.kind'),
      dataIndex: 'kind',
      width: 160,
      render: (kind: UnitView['kind']) =>
        kind === 'agency' ? <Tag color="gold">{t('org.kindAgency')}</Tag> : <Tag>{t('org.kindMember')}</Tag>,
    },
    {
      title: t('org.region'),
      dataIndex: 'regionCode',
      width: 120,
      render: (code: string) => regionName.get(code) ?? code,
    },
  ];

  return (
    <>
      <PageHeader title={t('org.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('org.regions')} size="small" loading={regions.isPending}>
            {tree.length > 0 ? (
              <Tree treeData={tree} defaultExpandAll selectable={false} showLine key={tree.length} />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('org.units')} size="small">
            <Table<UnitView>
              rowKey="code"
              size="small"
              columns={columns}
              dataSource={units.data}
              loading={units.isPending}
              pagination={false}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
