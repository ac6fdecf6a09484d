import { TARGET_STATUSES, type TargetLine } from '@yufang/contracts';
import { Alert, Button, Card, Select, Space, Spin, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Chart } from '../../components/charts/Chart';
import { PageHeader } from '../../components/PageHeader';
import { chartExportUrl, drillHref, useTargets } from './api';
import { STATUS_COLOR } from './TargetSummary';

const fmt = (v: number | null, digits = 2) => (v === null ? '—' : v.toFixed(digits));

function trendOption(line: TargetLine, lastYear: number) {
  const years = line.years.map((y) => String(y.year));
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 24, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', name: '‰' },
    series: [
      { name: '实际发生率', type: 'line', data: line.years.map((y) => y.rate), symbolSize: 7 },
      {
        name: '目标路径',
        type: 'line',
        data: line.years.map((y) => y.path),
        lineStyle: { type: 'dashed' },
        symbol: 'none',
      },
      {
        name: '末年预测',
        type: 'line',
        data: line.years.map((y) => (y.year === lastYear ? line.projection : null)),
        symbol: 'diamond',
        symbolSize: 12,
      },
    ],
  };
}

/** 五年目标进度: on-track / at-risk per key industry, per county and city-wide, with the rule stated. */
export default function TargetsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const cycle = params.get('cycle') ?? undefined;
  const { data: view, isLoading, error } = useTargets(cycle);
  const [selected, setSelected] = useState<string | null>(null);
  const years = view?.lines[0]?.years.map((y) => y.year) ?? [];
  const chosen = view?.lines.find((l) => `${l.level}:${l.code}` === selected) ?? view?.lines[0];
  const columns: TableColumnsType<TargetLine> = [
    { title: t('analysis.scope'), dataIndex: 'name', fixed: 'left', width: 130 },
    ...years.map((y) => ({
      title: `${y}`,
      key: String(y),
      align: 'right' as const,
      render: (_: unknown, l: TargetLine) => fmt(l.years.find((x) => x.year === y)?.rate ?? null),
    })),
    { title: t('analysis.target'), dataIndex: 'target', align: 'right', render: (v: number | null) => fmt(v) },
    {
      title: t('analysis.finalYear'),
      key: 'projection',
      align: 'right',
      render: (_: unknown, l: TargetLine) => (
        <Space size={4}>
          {l.projected && l.projection !== null ? <Tag>{t('analysis.projected')}</Tag> : null}
          {fmt(l.projection)}
        </Space>
      ),
    },
    {
      title: t('analysis.change'),
      dataIndex: 'change',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`),
    },
    {
      title: t('analysis.status'),
      dataIndex: 'status',
      render: (s: TargetLine['status']) => <Tag color={STATUS_COLOR[s]}>{TARGET_STATUSES[s]}</Tag>,
    },
    ...(view?.can.drillDown
      ? [
          {
            title: t('analysis.records'),
            key: 'drill',
            render: (_: unknown, l: TargetLine) =>
              l.drill ? <Link to={drillHref('/injuries', l.drill)}>{t('analysis.viewRecords')}</Link> : null,
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={t('analysis.targetsTitle')}
        subTitle={
          view
            ? `${view.cycle.name}：以 ${view.cycle.baselineYear} 年为基准，重点行业工伤发生率降低 ${Math.round(view.cycle.reduction * 100)}%`
            : null
        }
        extra={
          <Space>
            <Select
              style={{ width: 140 }}
              value={cycle ?? (view ? String(view.cycle.firstYear) : undefined)}
              options={view?.cycles.map((c) => ({ value: String(c.firstYear), label: c.name }))}
              onChange={(v) => setParams({ cycle: v })}
              aria-label={t('analysis.cycle')}
            />
            {view?.can.export ? (
              <Button href={chartExportUrl('targets', { cycle })}>{t('analysis.exportChart')}</Button>
            ) : null}
          </Space>
        }
      />
      {error ? <Alert type="error" title={error.message} style={{ marginBottom: 16 }} /> : null}
      {isLoading || !view ? (
        <Spin />
      ) : (
        <>
          <Alert
            type="info"
            showIcon
            title={view.rule}
            description={view.source ? `${t('analysis.source')}：${view.source}` : null}
            style={{ marginBottom: 16 }}
          />
          {chosen ? (
            <Card size="small" title={`${chosen.name} · ${t('analysis.trend')}`} style={{ marginBottom: 16 }}>
              <Chart label={chosen.name} option={trendOption(chosen, view.cycle.lastYear)} height={260} />
            </Card>
          ) : null}
          {(['city', 'industry', 'county'] as const).map((level) => (
            <div key={level} style={{ marginBottom: 16 }}>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {t(`analysis.level.${level}`)}
              </Typography.Title>
              <Table<TargetLine>
                size="small"
                rowKey={(l) => `${l.level}:${l.code}`}
                dataSource={view.lines.filter((l) => l.level === level)}
                columns={columns}
                pagination={false}
                scroll={{ x: 'max-content' }}
                onRow={(l) => ({ onClick: () => setSelected(`${l.level}:${l.code}`), style: { cursor: 'pointer' } })}
              />
            </div>
          ))}
        </>
      )}
    </>
  );
}
