import type { ChartKey, DashboardView } from '@yufang/contracts';
import { Alert, Button, Card, Col, Flex, Form, Row, Select, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SanmingMap } from '../../components/charts/SanmingMap';
import { industryOptions } from '../employer/labels';
import { chartExportUrl, type DashboardFilters, drillHref, FILTER_KEYS, useDashboard } from './api';
import { ChartCard, type ChartSpec } from './ChartCard';
import { TargetSummary } from './TargetSummary';

const YEARS = Array.from({ length: 12 }, (_, i) => 2018 + i).map((y) => ({ value: String(y), label: `${y}` }));

const CHARTS: { key: ChartKey; spec: ChartSpec; span: number }[] = [
  { key: 'byYear', spec: { value: 'rate', kind: 'line', unit: '‰' }, span: 12 },
  { key: 'byMonth', spec: { value: 'cases', kind: 'line', unit: '起' }, span: 12 },
  { key: 'byIndustry', spec: { value: 'rate', kind: 'hbar', unit: '‰' }, span: 12 },
  { key: 'byCategory', spec: { value: 'cases', kind: 'hbar', unit: '起' }, span: 12 },
  { key: 'byJob', spec: { value: 'cases', kind: 'hbar', unit: '起' }, span: 12 },
  { key: 'bySeverity', spec: { value: 'cases', kind: 'pie' }, span: 6 },
  { key: 'bySex', spec: { value: 'cases', kind: 'pie' }, span: 6 },
  { key: 'byAge', spec: { value: 'cases', kind: 'bar', unit: '起' }, span: 12 },
  { key: 'byTenure', spec: { value: 'cases', kind: 'bar', unit: '起' }, span: 12 },
  {
    key: 'pneumoconiosis',
    spec: { value: 'pneumoconiosis', kind: 'bar', unit: '例', share: 'share' },
    span: 12,
  },
  { key: 'costByItem', spec: { value: 'amountFen', kind: 'hbar', unit: '万元', scale: 1_000_000 }, span: 24 },
];

const fmt = (v: number | null, digits = 2) => (v === null ? '—' : v.toFixed(digits));

function Headline({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const h = view.headline;
  const items: [string, string][] = [
    [t('analysis.recognised'), h.recognised.toLocaleString('zh-CN')],
    [t('analysis.incidence'), fmt(h.incidencePerThousand)],
    [t('analysis.deathRate'), fmt(h.deathRatePerThousand, 3)],
    [t('analysis.seriousRate'), fmt(h.seriousRatePerThousand, 3)],
    [t('analysis.frequencyA'), fmt(h.frequencyA)],
    [t('analysis.severityB'), fmt(h.severityB)],
    [t('analysis.severityN'), fmt(h.averageSeverityN, 1)],
    [t('analysis.osha'), fmt(h.oshaRate)],
    [t('analysis.cost'), (h.costFen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })],
  ];
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Flex wrap gap={24}>
        {items.map(([title, value]) => (
          <Statistic key={title} title={title} value={value} />
        ))}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('analysis.headlineNote', { from: view.yearFrom, to: view.yearTo, pending: h.pending })}
      </Typography.Text>
    </Card>
  );
}

/** 统计分析看板: every chart reads the same filters from the URL, so a link reproduces the view. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters: DashboardFilters = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])),
  );
  const { data: view, isLoading, error } = useDashboard(filters);
  const apply = (values: DashboardFilters) => {
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) if (values[k]) next.set(k, String(values[k]));
    setParams(next);
  };
  const exportHref = (chart: string) => (view?.can.export ? chartExportUrl(chart, filters) : null);
  const byCounty = view?.charts.byCounty;
  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={16} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('analysis.dashboardTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('analysis.dashboardSubtitle')}</Typography.Text>
        </div>
        <Link to="/analysis/targets">
          <Button type="primary">{t('analysis.toTargets')}</Button>
        </Link>
      </Flex>
      <Form<DashboardFilters>
        name="analysisFilter"
        key={`${params.toString()}|${view?.yearFrom}-${view?.yearTo}`}
        layout="inline"
        initialValues={{
          ...filters,
          yearFrom: filters.yearFrom ?? view?.yearFrom?.toString(),
          yearTo: filters.yearTo ?? view?.yearTo?.toString(),
        }}
        onFinish={apply}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label={t('analysis.yearFrom')} name="yearFrom">
          <Select style={{ width: 100 }} options={YEARS} />
        </Form.Item>
        <Form.Item label={t('analysis.yearTo')} name="yearTo">
          <Select style={{ width: 100 }} options={YEARS} />
        </Form.Item>
        {(view?.counties.length ?? 0) > 1 ? (
          <Form.Item label={t('analysis.county')} name="county">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 130 }}
              options={view?.counties.map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('analysis.industry')} name="industry">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 200 }}
            options={industryOptions}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={t('analysis.keyIndustry')} name="keyIndustry">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 150 }}
            options={[
              { value: 'all', label: t('analysis.allKeyIndustries') },
              ...(view?.keyIndustries.map((k) => ({ value: k.name, label: k.name })) ?? []),
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      {error ? <Alert type="error" title={error.message} style={{ marginBottom: 16 }} /> : null}
      {isLoading || !view ? (
        <Spin />
      ) : (
        <>
          <Headline view={view} />
          <TargetSummary />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={byCounty?.title}
                data-chart="byCounty"
                extra={
                  exportHref('byCounty') ? <a href={exportHref('byCounty') ?? ''}>{t('analysis.exportChart')}</a> : null
                }
              >
                <SanmingMap
                  label={byCounty?.title ?? ''}
                  unit="‰"
                  values={(byCounty?.rows ?? []).map((r) => ({
                    code: String(r.code),
                    value: typeof r.rate === 'number' ? r.rate : null,
                  }))}
                  onSelect={
                    view.can.drillDown && byCounty?.drill
                      ? (code) => {
                          const i = byCounty.rows.findIndex((r) => r.code === code);
                          const p = byCounty.drill?.[i];
                          if (p) navigate(drillHref('/injuries', p));
                        }
                      : undefined
                  }
                />
              </Card>
            </Col>
            {CHARTS.map((c) => (
              <Col key={c.key} xs={24} lg={c.span}>
                <ChartCard
                  table={view.charts[c.key]}
                  spec={c.spec}
                  exportHref={exportHref(c.key)}
                  drillable={view.can.drillDown}
                />
              </Col>
            ))}
          </Row>
        </>
      )}
    </>
  );
}
