import { PlusOutlined } from '@ant-design/icons';
import { HAZARD_LEVELS, HAZARD_STATUSES, type HazardCountySummary, type HazardView } from '@yufang/contracts';
import { Button, Form, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { FilterActions } from '../../components/FilterActions';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { FILTER_KEYS, type HazardFilters, useHazardOptions, useHazardSummary, useHazards } from './api';
import { CountySummary } from './CountySummary';
import { DeadlineTag } from './DeadlineTag';
import { ESCALATION_COLORS, STATUS_COLORS } from './labels';

/** The hazard work queue of the caller (scoped by the server): nearest deadline first, filters in the URL. */
export default function HazardsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // the queue opens on what still needs work
  const filters: HazardFilters = {
    ...(Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as HazardFilters),
    status: params.get('status') ?? 'open',
  };
  if (filters.status === 'all') filters.status = undefined;
  const [form] = Form.useForm<HazardFilters>();
  const hazards = useHazards(filters);
  const options = useHazardOptions();
  const canReport = useCan('hazard.report');
  const canSelfReport = useCan('hazard.respond');
  const counties = options.data?.counties ?? [];
  const summary = useHazardSummary(counties.length > 1);

  const apply = (values: HazardFilters) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = values[key];
      if (value) next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const byCounty = new Map((summary.data ?? []).map((r) => [r.countyCode, r]));
  const summaryRows: HazardCountySummary[] = counties.map(
    (c) => byCounty.get(c.code) ?? { countyCode: c.code, countyName: c.name, open: 0, major: 0, overdue: 0 },
  );

  const columns: TableColumnsType<HazardView> = [
    {
      title: t('hazard.hazardNo'),
      dataIndex: 'hazardNo',
      width: 135,
      render: (no: string, h) => <Link to={`/hazards/${h.id}`}>{no}</Link>,
    },
    { title: t('hazard.employer'), dataIndex: 'employerName', width: 170, ellipsis: true },
    ...(counties.length > 1 ? [{ title: t('hazard.county'), dataIndex: 'countyName', width: 75 }] : []),
    {
      title: t('hazard.level'),
      dataIndex: 'level',
      width: 85,
      render: (l: HazardView['level']) => (
        <Tag color={l === 'major' ? 'red' : 'default'}>{t(`hazard.levels.${l}`)}</Tag>
      ),
    },
    {
      title: t('hazard.description'),
      dataIndex: 'description',
      width: 200,
      ellipsis: true,
      render: (d: string, h) => (
        <>
          {h.category === 'exposure' ? <Tag color="cyan">{h.hazardFactor}</Tag> : null}
          {d}
        </>
      ),
    },
    { title: t('hazard.responsibleUnit'), dataIndex: 'responsibleUnitName', width: 90 },
    {
      title: t('hazard.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: HazardView['status']) => <Tag color={STATUS_COLORS[s]}>{t(`hazard.statuses.${s}`)}</Tag>,
    },
    {
      title: t('hazard.escalation'),
      dataIndex: 'escalation',
      width: 105,
      render: (e: HazardView['escalation']) =>
        e === 'none' ? '—' : <Tag color={ESCALATION_COLORS[e]}>{t(`hazard.escalations.${e}`)}</Tag>,
    },
    {
      title: t('hazard.deadline'),
      dataIndex: 'deadline',
      width: 175,
      render: (_: string, h) => <DeadlineTag hazard={h} />,
    },
  ];

  const statusOptions = [
    { value: 'open', label: t('hazard.open') },
    ...Object.keys(HAZARD_STATUSES).map((s) => ({ value: s, label: t(`hazard.statuses.${s}` as never) })),
    { value: 'all', label: t('common.all') },
  ];

  return (
    <>
      <PageHeader
        title={t('hazard.title')}
        subTitle={t('hazard.queueHint')}
        extra={
          canReport ? (
            <Link to="/hazards/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('hazard.report')}
              </Button>
            </Link>
          ) : canSelfReport ? (
            <Link to="/hazards/self-report">
              <Button icon={<PlusOutlined />}>{t('hazard.selfReport')}</Button>
            </Link>
          ) : null
        }
      />
      {summaryRows.length > 1 ? (
        <CountySummary rows={summaryRows} onSelect={(code) => apply({ ...filters, countyCode: code })} />
      ) : null}
      <Form<HazardFilters>
        name="hazardFilter"
        key={params.toString()}
        form={form}
        layout="inline"
        initialValues={{ ...filters, status: filters.status ?? 'all' }}
        onFinish={apply}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label={t('hazard.status')} name="status">
          <Select style={{ width: 130 }} options={statusOptions} />
        </Form.Item>
        <Form.Item label={t('hazard.level')} name="level">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={Object.keys(HAZARD_LEVELS).map((l) => ({ value: l, label: t(`hazard.levels.${l}` as never) }))}
          />
        </Form.Item>
        {counties.length > 1 ? (
          <Form.Item label={t('hazard.county')} name="countyCode">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={counties.map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('hazard.unit')} name="unitCode">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={(options.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label={t('hazard.overdue')} name="overdue">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={[
              { value: 'true', label: t('hazard.overdueOnly') },
              { value: 'false', label: t('hazard.notOverdue') },
            ]}
          />
        </Form.Item>
        <FilterActions onReset={() => apply({})} />
      </Form>
      <KeysetTable<HazardView>
        rowKey="id"
        size="middle"
        columns={columns}
        source={hazards}
        scroll={{ x: 1145 }}
        empty={<Typography.Text type="secondary">{t('hazard.empty')}</Typography.Text>}
        rowClassName={(h) => `hazard-row-${h.dueState}`}
      />
    </>
  );
}
