/**
 * 生产安全事故 list. Filters in the URL, with the API's names:
 *
 *   /accidents?year=2024&county=350481&category=04&grade=larger
 *
 * year · from, to (YYYY-MM-DD) · county · industry, keyIndustry (the employer's) · employerId · q (number or
 * summary) · category (GB 6441 01–20) · grade (general|larger|major|especially_major).
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { type AccidentView, formatFen } from '@yufang/contracts';
import { Button, Form, Select, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { AccidentFormDrawer } from './AccidentFormDrawer';
import { exportUrl, filtersFrom, useAccidents } from './api';
import { categoryOptions, GRADE_COLORS, gradeOptions } from './labels';
import { RecordFilterForm } from './RecordFilterForm';

export default function AccidentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const filters = filtersFrom('accidents', params);
  const accidents = useAccidents(filters);
  const canExport = useCan('injury.export');
  const canWrite = useCan('injury.write');
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<AccidentView> = [
    {
      title: t('injury.accidentNo'),
      dataIndex: 'accidentNo',
      width: 190,
      render: (no: string, a) => <Link to={`/accidents/${a.id}`}>{no}</Link>,
    },
    {
      title: t('injury.occurredAt'),
      dataIndex: 'occurredAt',
      width: 150,
      render: (v: string) => formatDateTime(v).slice(0, 16),
    },
    { title: t('injury.countyShort'), dataIndex: 'countyName', width: 80 },
    {
      title: t('injury.employer'),
      dataIndex: 'employerName',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('injury.category'), dataIndex: 'categoryName', width: 100 },
    {
      title: t('injury.casualties'),
      key: 'casualties',
      width: 200,
      render: (_: unknown, a) =>
        t('injury.casualtiesText', { deaths: a.deaths, serious: a.seriousInjuries, minor: a.minorInjuries }),
    },
    {
      title: t('injury.directLoss'),
      dataIndex: 'directLossFen',
      width: 130,
      align: 'right',
      render: (f: number | null) => (f === null ? '—' : formatFen(f)),
    },
    {
      title: t('injury.grade'),
      dataIndex: 'legalGrade',
      width: 110,
      render: (g: string, a) => <Tag color={GRADE_COLORS[g]}>{a.legalGradeName}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('injury.accidentsTitle')}
        subTitle={t('injury.accidentsSubtitle')}
        extra={
          <>
            {canExport ? (
              <Button icon={<DownloadOutlined />} href={exportUrl('accidents', filters)}>
                {t('injury.export')}
              </Button>
            ) : null}
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('injury.createAccident')}
              </Button>
            ) : null}
          </>
        }
      />
      <RecordFilterForm kind="accidents" own={['category', 'grade']}>
        <Form.Item label={t('injury.category')} name="category">
          <Select allowClear placeholder={t('common.all')} style={{ width: 140 }} options={categoryOptions} />
        </Form.Item>
        <Form.Item label={t('injury.grade')} name="grade">
          <Select allowClear placeholder={t('common.all')} style={{ width: 130 }} options={gradeOptions} />
        </Form.Item>
      </RecordFilterForm>
      <KeysetTable<AccidentView> rowKey="id" size="middle" columns={columns} source={accidents} scroll={{ x: 1100 }} />
      <AccidentFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(a) => navigate(`/accidents/${a.id}`)}
      />
    </>
  );
}
