import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { CURRENT_COUNTIES, EXPERT_STATUSES, type ExpertView } from '@yufang/contracts';
import { Button, DatePicker, Flex, Form, Input, Select, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { FilterActions } from '../../components/FilterActions';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { type ExpertFilters, exportUrl, FILTER_KEYS, useExpertOptions, useExperts } from './api';
import { ExpertDrawer } from './ExpertDrawer';
import { ImportDrawer } from './ImportDrawer';
import { STATUS_COLORS, TermTag } from './labels';

type FormValues = Omit<ExpertFilters, 'termEndBefore'> & { termEndBefore?: dayjs.Dayjs };

/** The pool, city-wide (masked): filters in the URL, term-ending rows highlighted. */
export default function ExpertsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as ExpertFilters;
  const experts = useExperts(filters);
  const options = useExpertOptions();
  const canManage = useCan('expert.manage');
  const canShare = useCan('expert.share');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const apply = (values: FormValues) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = key === 'termEndBefore' ? values.termEndBefore?.format('YYYY-MM-DD') : values[key];
      if (value) next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<ExpertView> = [
    {
      title: t('expert.name'),
      dataIndex: 'name',
      width: 110,
      render: (name: string, e) => <Link to={`/experts/${e.id}`}>{name}</Link>,
    },
    { title: t('expert.idNumber'), dataIndex: 'idMasked', width: 160 },
    { title: t('expert.workUnit'), dataIndex: 'workUnit', width: 150, ellipsis: true },
    { title: t('expert.title_'), dataIndex: 'title', width: 110, ellipsis: true },
    {
      title: t('expert.domains'),
      dataIndex: 'domainLabels',
      width: 170,
      render: (labels: string[]) => labels.map((l) => <Tag key={l}>{l}</Tag>),
    },
    { title: t('expert.county'), dataIndex: 'countyName', width: 70 },
    {
      title: t('expert.status'),
      dataIndex: 'status',
      width: 130,
      render: (s: ExpertView['status'], e) => (
        <>
          <Tag color={STATUS_COLORS[s]}>{e.statusLabel}</Tag>
          {e.suspendedUntil ? <Tag color="volcano">{t('expert.suspended', { date: e.suspendedUntil })}</Tag> : null}
          {e.sourceCity ? <Tag>{e.sourceCity}</Tag> : null}
        </>
      ),
    },
    { title: t('expert.term'), dataIndex: 'termEnd', width: 230, render: (_: string, e) => <TermTag expert={e} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('expert.title')}
        subTitle={t('expert.subTitle')}
        extra={
          <Flex gap={8}>
            {canShare ? (
              <>
                <Button icon={<DownloadOutlined />} href={exportUrl}>
                  {t('expert.export')}
                </Button>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  {t('expert.import')}
                </Button>
              </>
            ) : null}
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('expert.create')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Form<FormValues>
        name="expertFilter"
        key={params.toString()}
        layout="inline"
        initialValues={{ ...filters, termEndBefore: filters.termEndBefore ? dayjs(filters.termEndBefore) : undefined }}
        onFinish={apply}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('expert.search')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={t('expert.status')} name="status">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={Object.entries(EXPERT_STATUSES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label={t('expert.domains')} name="domain">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={(options.data?.domains ?? []).map((d) => ({ value: d.code, label: d.label }))}
          />
        </Form.Item>
        <Form.Item label={t('expert.county')} name="countyCode">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={CURRENT_COUNTIES.map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item label={t('expert.group')} name="group">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={(options.data?.groups ?? []).map((g) => ({ value: g, label: g }))}
          />
        </Form.Item>
        <Form.Item label={t('expert.termEndBefore')} name="termEndBefore">
          <DatePicker style={{ width: 130 }} />
        </Form.Item>
        <FilterActions onReset={() => apply({})} />
      </Form>
      <KeysetTable<ExpertView>
        rowKey="id"
        size="middle"
        columns={columns}
        source={experts}
        scroll={{ x: 1130 }}
        empty={<Typography.Text type="secondary">{t('expert.empty')}</Typography.Text>}
      />
      <ExpertDrawer open={creating} onClose={() => setCreating(false)} />
      <ImportDrawer open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
