/**
 * 工伤事故 list. Filters travel in the URL with the API's own names, so a chart links to the records behind a number:
 *
 *   /injuries?year=2024&county=350403&industry=06&category=09&severity=serious&keyIndustry=true
 *
 * year (YYYY) · from, to (YYYY-MM-DD, Beijing dates, inclusive) · county (GB/T 2260) · industry (GB/T 4754 division
 * 2 digits or group 3 digits, several comma-separated) · keyIndustry (true|false) · employerId · q (case no. or worker
 * name) · category (GB 6441 01–20) · severity (minor|serious|death) · recognition (pending|recognised|deemed|
 * not_recognised, or accepted = 认定或视同 as the dashboards count, counted = all but 不予认定) · commuting (true|false) ·
 * accidentId. The county officer's scope applies whatever the URL says.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { InjuryCaseView } from '@yufang/contracts';
import { Button, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { exportUrl, filtersFrom, useInjuries } from './api';
import { useInjuryColumns } from './columns';
import { InjuryFormDrawer } from './InjuryFormDrawer';
import { categoryOptions, recognitionFilterOptions, severityOptions } from './labels';
import { RecordFilterForm } from './RecordFilterForm';

export default function InjuriesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const filters = filtersFrom('injuries', params);
  const injuries = useInjuries(filters);
  const canExport = useCan('injury.export');
  const canWrite = useCan('injury.write');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('injury.injuriesTitle')}
        subTitle={t('injury.injuriesSubtitle')}
        extra={
          <>
            {canExport ? (
              <Button icon={<DownloadOutlined />} href={exportUrl('injuries', filters)}>
                {t('injury.export')}
              </Button>
            ) : null}
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="injury-create"
              >
                {t('injury.createInjury')}
              </Button>
            ) : null}
          </>
        }
      />
      <RecordFilterForm kind="injuries" own={['category', 'severity', 'recognition']}>
        <Form.Item label={t('injury.category')} name="category">
          <Select allowClear placeholder={t('common.all')} style={{ width: 140 }} options={categoryOptions} />
        </Form.Item>
        <Form.Item label={t('injury.severity')} name="severity">
          <Select allowClear placeholder={t('common.all')} style={{ width: 90 }} options={severityOptions} />
        </Form.Item>
        <Form.Item label={t('injury.recognition')} name="recognition">
          <Select allowClear placeholder={t('common.all')} style={{ width: 120 }} options={recognitionFilterOptions} />
        </Form.Item>
      </RecordFilterForm>
      <KeysetTable<InjuryCaseView>
        rowKey="id"
        size="middle"
        columns={useInjuryColumns()}
        source={injuries}
        scroll={{ x: 1200 }}
      />
      <InjuryFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => navigate(`/injuries/${saved.id}`)}
      />
    </>
  );
}
