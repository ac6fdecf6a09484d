/**
 * 职业病 list. Filters in the URL, with the API's names (a dashboard links here, e.g. the pneumoconiosis chart):
 *
 *   /diseases?year=2024&county=350481&industry=06&keyIndustry=true&pneumoconiosis=true
 *
 * year · from, to (YYYY-MM-DD) · county · industry · keyIndustry · employerId · q (case no., name or disease) ·
 * edition (2013|2024) · categoryNo (1–12) · pneumoconiosis (true|false) · recognition (as on the injury list; the
 * dashboard's new cases are recognition=counted, all but 不予认定).
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { DiseaseCaseView } from '@yufang/contracts';
import { Button, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { exportUrl, filtersFrom, useDiseases } from './api';
import { useDiseaseColumns } from './columns';
import { DiseaseFormDrawer } from './DiseaseFormDrawer';
import { editionOptions, recognitionFilterOptions } from './labels';
import { RecordFilterForm } from './RecordFilterForm';

export default function DiseasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const filters = filtersFrom('diseases', params);
  const diseases = useDiseases(filters);
  const canExport = useCan('injury.export');
  const canWrite = useCan('injury.write');
  const [creating, setCreating] = useState(false);
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  return (
    <>
      <PageHeader
        title={t('injury.diseasesTitle')}
        subTitle={t('injury.diseasesSubtitle')}
        extra={
          <>
            {canExport ? (
              <Button icon={<DownloadOutlined />} href={exportUrl('diseases', filters)}>
                {t('injury.export')}
              </Button>
            ) : null}
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('injury.createDisease')}
              </Button>
            ) : null}
          </>
        }
      />
      <RecordFilterForm kind="diseases" own={['pneumoconiosis', 'edition', 'recognition']}>
        <Form.Item label={t('injury.pneumoconiosis')} name="pneumoconiosis">
          <Select allowClear placeholder={t('common.all')} style={{ width: 90 }} options={yesNo} />
        </Form.Item>
        <Form.Item label={t('injury.edition')} name="edition">
          <Select allowClear placeholder={t('common.all')} style={{ width: 100 }} options={editionOptions} />
        </Form.Item>
        <Form.Item label={t('injury.recognition')} name="recognition">
          <Select allowClear placeholder={t('common.all')} style={{ width: 120 }} options={recognitionFilterOptions} />
        </Form.Item>
      </RecordFilterForm>
      <KeysetTable<DiseaseCaseView>
        rowKey="id"
        size="middle"
        columns={useDiseaseColumns()}
        source={diseases}
        scroll={{ x: 1100 }}
      />
      <DiseaseFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(d) => navigate(`/diseases/${d.id}`)}
      />
    </>
  );
}
