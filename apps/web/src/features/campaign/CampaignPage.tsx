import type { CampaignDashboard, CampaignEmployerView } from '@yufang/contracts';
import { Alert, Button, Card, Col, Form, Row, Select, Statistic, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { barOption, Chart } from '../../components/charts/Chart';
import { SanmingMap } from '../../components/charts/SanmingMap';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { type CampaignFilters, FILTER_KEYS, useCampaignDashboard, useCampaignEmployers } from './api';
import { CheckDrawer } from './CheckDrawer';

function progressOption(d: CampaignDashboard, actual: string, milestone: string) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [actual, milestone], top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: d.progress.map((p) => `${p.year}${p.live ? '*' : ''}`) },
    yAxis: {
      type: 'value',
      name: '%',
      min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10),
      max: 100,
    },
    series: [
      {
        name: actual,
        type: 'line',
        data: d.progress.map((p) => p.coveragePct),
        connectNulls: false,
        label: { show: true },
      },
      {
        name: milestone,
        type: 'line',
        data: d.progress.map((p) => p.milestonePct),
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#fa8c16' },
      },
    ],
  };
}

/** The campaign dashboard: map, industry bars, progress over the campaign years, and the employer table. */
export default function CampaignPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as CampaignFilters;
  const dashboard = useCampaignDashboard();
  const d = dashboard.data;
  const employers = useCampaignEmployers(filters, !!d?.employerList);
  const [open, setOpen] = useState<CampaignEmployerView | null>(null);

  const apply = (values: CampaignFilters) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = values[key];
      if (value) next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<CampaignEmployerView> = [
    { title: t('campaign.employer'), dataIndex: 'name', width: 200, ellipsis: true },
    { title: t('campaign.county'), dataIndex: 'countyName', width: 90 },
    { title: t('campaign.category'), dataIndex: 'category', width: 100 },
    { title: t('campaign.workforce'), dataIndex: 'workforce', width: 90, align: 'right' },
    { title: t('campaign.insured'), dataIndex: 'insured', width: 90, align: 'right' },
    {
      title: t('campaign.coverage'),
      dataIndex: 'coveragePct',
      width: 90,
      align: 'right',
      render: (v: number, r) => <Typography.Text type={r.belowTarget ? 'danger' : undefined}>{v}%</Typography.Text>,
    },
    { title: t('campaign.gap'), dataIndex: 'gap', width: 90, align: 'right' },
    {
      title: t('campaign.lastCheck'),
      dataIndex: 'lastCheck',
      width: 150,
      render: (c: CampaignEmployerView['lastCheck']) =>
        c ? (
          <>
            {c.checkedOn} <Tag color={c.result === 'pass' ? 'green' : 'red'}>{t(`campaign.results.${c.result}`)}</Tag>
          </>
        ) : (
          <Typography.Text type="secondary">{t('campaign.neverChecked')}</Typography.Text>
        ),
    },
    {
      title: '',
      key: 'open',
      width: 90,
      render: (_: unknown, r) => (
        <Button size="small" onClick={() => setOpen(r)} data-testid="campaign-open">
          {t('campaign.open')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('campaign.title')} subTitle={t('campaign.subTitle')} />
      {d ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title={t('campaign.cityCoverage')} value={d.city.coveragePct} suffix="%" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title={t('campaign.target')} value={d.targetPct} suffix="%" />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title={t('campaign.workforce')} value={d.city.workforce} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic title={t('campaign.insured')} value={d.city.insured} />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic
                  title={t('campaign.belowTarget')}
                  value={d.city.belowTarget}
                  suffix={`/ ${d.city.employers}`}
                  styles={{ content: { color: d.city.belowTarget ? '#cf1322' : undefined } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic
                  title={t('campaign.failedChecks')}
                  value={d.failedChecks}
                  styles={{ content: { color: d.failedChecks ? '#cf1322' : undefined } }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('campaign.mapTitle')}>
                <SanmingMap
                  label={t('campaign.mapTitle')}
                  unit="%"
                  height={320}
                  values={d.counties.map((c) => ({ code: c.countyCode, value: c.coveragePct }))}
                  onSelect={d.employerList ? (code) => apply({ ...filters, countyCode: code }) : undefined}
                />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('campaign.categoryTitle')}>
                <Chart
                  label={t('campaign.categoryTitle')}
                  height={320}
                  option={barOption(
                    d.categories.map((c) => c.category),
                    d.categories.map((c) => c.coveragePct),
                    { horizontal: true, unit: '%' },
                  )}
                  onSelect={
                    d.employerList ? (i) => apply({ ...filters, category: d.categories[i]?.category }) : undefined
                  }
                />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('campaign.progressTitle', { start: d.startYear, end: d.endYear })}>
                <Chart
                  label={t('campaign.progressTitle', { start: d.startYear, end: d.endYear })}
                  height={300}
                  option={progressOption(d, t('campaign.progressActual'), t('campaign.progressMilestone'))}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('campaign.liveNote')}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          {d.employerList ? (
            <>
              <Form<CampaignFilters>
                name="campaignFilter"
                key={params.toString()}
                layout="inline"
                initialValues={filters}
                onFinish={apply}
                style={{ marginBottom: 16, rowGap: 8 }}
              >
                {d.counties.length > 1 ? (
                  <Form.Item label={t('campaign.county')} name="countyCode">
                    <Select
                      allowClear
                      placeholder={t('common.all')}
                      style={{ width: 120 }}
                      options={d.counties.map((c) => ({ value: c.countyCode, label: c.countyName }))}
                    />
                  </Form.Item>
                ) : null}
                <Form.Item label={t('campaign.category')} name="category">
                  <Select
                    allowClear
                    placeholder={t('common.all')}
                    style={{ width: 130 }}
                    options={d.categories.map((c) => ({ value: c.category, label: c.category }))}
                  />
                </Form.Item>
                <Form.Item label={t('campaign.coverage')} name="belowTarget">
                  <Select
                    allowClear
                    placeholder={t('common.all')}
                    style={{ width: 130 }}
                    options={[{ value: 'true', label: t('campaign.onlyBelow') }]}
                  />
                </Form.Item>
                <Form.Item label={t('campaign.checkFilter')} name="check">
                  <Select
                    allowClear
                    placeholder={t('common.all')}
                    style={{ width: 110 }}
                    options={[
                      { value: 'fail', label: t('campaign.results.fail') },
                      { value: 'pass', label: t('campaign.results.pass') },
                      { value: 'none', label: t('campaign.checkNone') },
                    ]}
                  />
                </Form.Item>
                <Form.Item>
                  <Button type="primary" htmlType="submit">
                    {t('common.search')}
                  </Button>
                </Form.Item>
              </Form>
              <KeysetTable<CampaignEmployerView>
                rowKey="employerId"
                size="small"
                columns={columns}
                source={employers}
                scroll={{ x: 1000 }}
              />
            </>
          ) : (
            <Alert type="info" showIcon title={t('campaign.noEmployerList')} />
          )}
        </>
      ) : null}
      <CheckDrawer row={open} onClose={() => setOpen(null)} />
    </>
  );
}
