import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RiskFactorView, RiskPage, RiskRecomputeResult, RiskScoreView } from '@yufang/contracts';
import { Alert, Button, Flex, Form, Progress, Select, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';
import { useCan } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { FilterActions } from '../../components/FilterActions';
import { feedback } from '../../components/feedback';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { industryOptions } from '../employer/labels';
import { useRegions } from '../org/api';

const FILTER_KEYS = ['year', 'countyCode', 'industryCode', 'keyIndustry', 'monitorSuggested'] as const;
type RiskFilters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;
const KEY = ['analysis', 'risk'] as const;

/** Red from the monitoring threshold up, orange from half of it (the threshold is policy, sent with the page). */
function scoreColor(score: number, threshold: number): string {
  if (score >= threshold) return '#cf1322';
  if (score >= threshold / 2) return '#fa8c16';
  return '#52c41a';
}

/** The factors behind one score: measure, level, weight and points. */
function RiskFactorsTable({ factors }: { factors: RiskFactorView[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RiskFactorView> = [
    { title: t('risk.factor'), dataIndex: 'key', width: 150, render: (k: string) => t(`risk.factors.${k}` as never) },
    {
      title: t('risk.measure'),
      key: 'measure',
      render: (_, f) =>
        t(`risk.explain.${f.key}` as never, { value: f.value.toFixed(2), observed: f.observed, expected: f.expected }),
    },
    { title: t('risk.weight'), dataIndex: 'weight', width: 80, align: 'right', render: (w: number) => `${w * 100}%` },
    {
      title: t('risk.level'),
      dataIndex: 'level',
      width: 140,
      render: (l: number) => <Progress percent={Math.round(l * 100)} size="small" />,
    },
    { title: t('risk.contribution'), dataIndex: 'contribution', width: 90, align: 'right' },
  ];
  return (
    <Table<RiskFactorView>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={factors}
      pagination={false}
      style={{ maxWidth: 1000 }}
    />
  );
}

/** The employer risk ranking in the caller's scope, with the factors of each score and the monitoring proposals. */
export default function RiskIndexPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: RiskFilters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const source = useKeysetQuery<RiskScoreView, RiskPage>([...KEY, 'list'], '/analysis/risk', { ...filters });
  const regions = useRegions(useCan('system.org.read'));
  const counties = (regions.data ?? []).filter((r) => r.level === 'county' && !r.replacedBy);
  const page = source.data?.pages[0];
  const queryClient = useQueryClient();
  const recompute = useMutation({
    mutationFn: () => api.post<RiskRecomputeResult>('/analysis/risk/recompute', { year: page?.year }),
    onSuccess: (r) => {
      feedback.message.success(t('risk.recomputed', { count: r.employers, ms: r.ms }));
      return queryClient.invalidateQueries({ queryKey: KEY });
    },
  });

  const apply = (values: RiskFilters) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) if (values[key]) next.set(key, String(values[key]));
    setParams(next, { replace: true });
  };
  const year = page?.year;
  // the last complete year and the five before it (the server scores any year on first request)
  const years = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - 1 - i);
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];

  const columns: TableColumnsType<RiskScoreView> = [
    { title: t('risk.rank'), key: 'rank', width: 60, align: 'right', render: (_, __, i) => i + 1 },
    {
      title: t('risk.employer'),
      dataIndex: 'employerName',
      width: 220,
      render: (name: string, r) => (r.can.viewEmployer ? <Link to={`/employers/${r.employerId}`}>{name}</Link> : name),
    },
    { title: t('employer.countyShort'), dataIndex: 'countyName', width: 80 },
    {
      title: t('employer.industry'),
      dataIndex: 'industryName',
      width: 170,
      render: (name: string, r) => (
        <>
          {`${r.industryCode} ${name}`}{' '}
          {r.keyIndustry ? <Tag color="volcano">{t('employer.keyIndustryTag')}</Tag> : null}
        </>
      ),
    },
    {
      title: t('risk.score'),
      dataIndex: 'score',
      width: 140,
      render: (score: number) => (
        <Progress
          percent={score}
          format={() => score.toFixed(1)}
          strokeColor={scoreColor(score, page?.params.monitorThreshold ?? 100)}
          size="small"
        />
      ),
    },
    {
      title: t('risk.factorsShort'),
      key: 'factors',
      width: 230,
      render: (_, r) => (
        <Flex gap={4} wrap>
          {r.factors
            .filter((f) => f.contribution > 0)
            .map((f) => (
              <Tag key={f.key}>{`${t(`risk.factors.${f.key}` as never)} +${f.contribution.toFixed(1)}`}</Tag>
            ))}
        </Flex>
      ),
    },
    { title: t('risk.cases'), dataIndex: 'cases', width: 72, align: 'right' },
    {
      title: t('risk.workerYears'),
      dataIndex: 'workerYears',
      width: 90,
      align: 'right',
      render: (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 0 }),
    },
    {
      title: t('risk.monitor'),
      dataIndex: 'monitorSuggested',
      width: 140,
      render: (v: boolean, r) =>
        v ? (
          <Tooltip title={r.monitorReason}>
            <Tag color="red">{t('risk.suggested')}</Tag>
          </Tooltip>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('risk.title')}
        subTitle={t('risk.subtitle')}
        extra={
          page?.can.recompute ? (
            <Button icon={<ReloadOutlined />} loading={recompute.isPending} onClick={() => recompute.mutate()}>
              {t('risk.recompute')}
            </Button>
          ) : null
        }
      />
      <Form<RiskFilters>
        name="riskFilter"
        // remount when the first page arrives: the default year comes from the server
        key={`${params.toString()}|${year ?? ''}`}
        layout="inline"
        initialValues={{ ...filters, year: filters.year ?? (year ? String(year) : undefined) }}
        onFinish={apply}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label={t('risk.year')} name="year">
          <Select style={{ width: 100 }} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        </Form.Item>
        {counties.length > 1 ? (
          <Form.Item label={t('employer.county')} name="countyCode">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 130 }}
              options={counties.map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('employer.industry')} name="industryCode">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 220 }}
            options={industryOptions}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={320}
          />
        </Form.Item>
        <Form.Item label={t('employer.keyIndustry')} name="keyIndustry">
          <Select allowClear placeholder={t('common.all')} style={{ width: 90 }} options={yesNo} />
        </Form.Item>
        <Form.Item label={t('risk.monitor')} name="monitorSuggested">
          <Select allowClear placeholder={t('common.all')} style={{ width: 90 }} options={yesNo} />
        </Form.Item>
        <FilterActions onReset={() => apply({})} />
      </Form>
      {page ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('risk.method', {
            years: page.params.windowYears,
            threshold: page.params.monitorThreshold,
            minCases: page.params.monitorMinCases,
            at: formatDateTime(page.computedAt),
          })}
          description={t('risk.source', { source: page.paramsSource })}
        />
      ) : null}
      <KeysetTable<RiskScoreView>
        rowKey="employerId"
        size="middle"
        columns={columns}
        source={source}
        scroll={{ x: 1170 }}
        expandable={{ expandedRowRender: (r) => <RiskFactorsTable factors={r.factors} /> }}
      />
    </>
  );
}
