import { PlusOutlined } from '@ant-design/icons';
import { INSPECTION_STATUSES, type InspectionPlanView } from '@yufang/contracts';
import { Button, Flex, Form, Input, InputNumber, Progress, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { FilterActions } from '../../components/FilterActions';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { FILTER_KEYS, type InspectionFilters, useInspectionOptions, useInspections } from './api';
import { STATUS_COLORS } from './labels';
import { PlanDrawer } from './PlanDrawer';

/** 联合检查: the plans in the caller's scope (or of the caller's unit), newest first, filters in the URL. */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as InspectionFilters;
  const plans = useInspections(filters);
  const options = useInspectionOptions();
  const canPlan = useCan('inspection.plan');
  const [creating, setCreating] = useState(false);
  const apply = (values: InspectionFilters) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = values[key];
      if (value) next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<InspectionPlanView> = [
    {
      title: t('inspection.planNo'),
      dataIndex: 'planNo',
      width: 130,
      render: (no: string, p) => <Link to={`/inspections/${p.id}`}>{no}</Link>,
    },
    { title: t('inspection.planTitle'), dataIndex: 'title', width: 260, ellipsis: true },
    { title: t('inspection.region'), dataIndex: 'regionName', width: 90 },
    {
      title: t('inspection.leadUnit'),
      dataIndex: 'leadUnitName',
      width: 150,
      render: (name: string, p) => (
        <>
          {name}
          {p.units.length ? (
            <Typography.Text type="secondary"> +{p.units.map((u) => u.name).join('、')}</Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: t('inspection.period'), width: 190, render: (_: unknown, p) => `${p.startOn} ~ ${p.endOn}` },
    {
      title: t('inspection.progress'),
      width: 150,
      render: (_: unknown, p) => (
        <Flex gap={6} align="center">
          <Progress
            percent={p.total ? Math.round((p.visited / p.total) * 100) : 0}
            size="small"
            style={{ width: 70 }}
            showInfo={false}
          />
          <span>
            {p.visited}/{p.total}
          </span>
        </Flex>
      ),
    },
    { title: t('inspection.findings'), dataIndex: 'findings', width: 80 },
    {
      title: t('inspection.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: InspectionPlanView['status']) => <Tag color={STATUS_COLORS[s]}>{t(`inspection.statuses.${s}`)}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('inspection.title')}
        subTitle={t('inspection.subtitle')}
        extra={
          canPlan ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('inspection.newPlan')}
            </Button>
          ) : null
        }
      />
      <Form<InspectionFilters>
        name="inspectionFilter"
        key={params.toString()}
        layout="inline"
        initialValues={filters}
        onFinish={apply}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label={t('inspection.status')} name="status">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={Object.keys(INSPECTION_STATUSES).map((s) => ({
              value: s,
              label: t(`inspection.statuses.${s}` as never),
            }))}
          />
        </Form.Item>
        {(options.data?.regions.length ?? 0) > 1 ? (
          <Form.Item label={t('inspection.region')} name="regionCode">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={(options.data?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('inspection.year')} name="year">
          <InputNumber min={2000} max={2100} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item label={t('inspection.keyword')} name="q">
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <FilterActions onReset={() => apply({})} />
      </Form>
      <KeysetTable<InspectionPlanView>
        rowKey="id"
        size="middle"
        columns={columns}
        source={plans}
        scroll={{ x: 1140 }}
        empty={<Typography.Text type="secondary">{t('inspection.empty')}</Typography.Text>}
      />
      {creating ? (
        <PlanDrawer
          plan={null}
          open
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false);
            navigate(`/inspections/${p.id}`);
          }}
        />
      ) : null}
    </>
  );
}
