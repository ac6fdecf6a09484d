import { formatFen, PROJECT_STATUS_LABELS, PROJECT_TYPE_LABELS, type ProjectListItem } from '@yufang/contracts';
import { Form, InputNumber, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { useRegions } from '../org/api';
import { useProjects } from './api';

/** 预防项目: keyset list filtered by year, status, county and type, with each project's next steps. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = {
    year: params.get('year') ? Number(params.get('year')) : undefined,
    status: params.get('status') ?? undefined,
    countyCode: params.get('countyCode') ?? undefined,
    type: params.get('type') ?? undefined,
  };
  const projects = useProjects(filters);
  const regions = useRegions();
  const counties = (regions.data ?? []).filter((r) => !r.replacedBy && r.level === 'county');
  const set = (key: string, value: string | number | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<ProjectListItem> = [
    { title: '编号', dataIndex: 'code', width: 120, render: (c: string | null) => c ?? '（草稿）' },
    {
      title: '项目',
      dataIndex: 'title',
      width: 280,
      render: (s: string, p) => <Link to={`/projects/${p.id}`}>{s}</Link>,
    },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '类型', dataIndex: 'typeLabel', width: 70 },
    { title: '县（市、区）', dataIndex: 'countyName', width: 100 },
    { title: '申报单位', width: 220, render: (_: unknown, p) => `${p.applicantName}（${p.applicantKindLabel}）` },
    { title: '申请（元）', dataIndex: 'requestedFen', width: 110, render: (f: number) => formatFen(f) },
    {
      title: '立项（元）',
      dataIndex: 'approvedFen',
      width: 110,
      render: (f: number | null) => (f ? formatFen(f) : '—'),
    },
    { title: '状态', dataIndex: 'statusLabel', width: 130, render: (s: string) => <Tag>{s}</Tag> },
    {
      title: '下一步',
      dataIndex: 'nextActions',
      width: 200,
      render: (a: ProjectListItem['nextActions']) => a.map((x) => x.label).join('、') || '—',
    },
  ];

  return (
    <>
      <PageHeader title={t('project.projectsTitle')} subTitle={t('project.projectsSubTitle')} />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="年度">
          <InputNumber value={filters.year} min={2020} max={2100} onChange={(v) => set('year', v)} />
        </Form.Item>
        <Form.Item label="状态">
          <Select
            allowClear
            style={{ width: 150 }}
            value={filters.status}
            placeholder={t('common.all')}
            onChange={(v) => set('status', v)}
            options={Object.entries(PROJECT_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="县（市、区）">
          <Select
            allowClear
            style={{ width: 130 }}
            value={filters.countyCode}
            placeholder={t('common.all')}
            onChange={(v) => set('countyCode', v)}
            options={counties.map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item label="类型">
          <Select
            allowClear
            style={{ width: 100 }}
            value={filters.type}
            placeholder={t('common.all')}
            onChange={(v) => set('type', v)}
            options={Object.entries(PROJECT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Form>
      <KeysetTable<ProjectListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        source={projects}
        scroll={{ x: 1400 }}
        empty={<Typography.Text type="secondary">{t('project.empty')}</Typography.Text>}
      />
    </>
  );
}
