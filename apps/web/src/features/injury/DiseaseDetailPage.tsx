import { EditOutlined } from '@ant-design/icons';
import { RECOGNITION_RESULTS } from '@yufang/contracts';
import { Alert, Button, Descriptions, Flex, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../api/errors';
import { PageHeader } from '../../components/PageHeader';
import { DraftBulletinButton } from '../bulletin/DraftBulletinButton';
import { useDisease } from './api';
import { DiseaseFormDrawer } from './DiseaseFormDrawer';
import { RECOGNITION_COLORS } from './labels';
import { WorkerDescriptions } from './WorkerDescriptions';

export default function DiseaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const disease = useDisease(id);
  const [editing, setEditing] = useState(false);
  if (disease.isPending) return <Skeleton active />;
  if (disease.isError) return <Alert type="error" showIcon title={errorText(disease.error)} />;
  const d = disease.data;
  return (
    <>
      <PageHeader
        title={t('injury.diseaseTitle', { no: d.caseNo })}
        subTitle={`${d.employerName} · ${d.countyName} · ${d.diagnosedOn}`}
        extra={
          <>
            {d.pneumoconiosis ? <Tag color="gold">{t('injury.pneumoconiosisTag')}</Tag> : null}
            <Tag color={RECOGNITION_COLORS[d.recognitionResult]}>{RECOGNITION_RESULTS[d.recognitionResult]}</Tag>
            {d.can.update ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            <DraftBulletinButton kind="disease" id={d.id} />
          </>
        }
      />
      <Flex gap={16} vertical>
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} title={t('injury.diagnosis')}>
          <Descriptions.Item label={t('injury.employer')}>
            <Link to={`/employers/${d.employerId}`}>{d.employerName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.diagnosedOn')}>{d.diagnosedOn}</Descriptions.Item>
          <Descriptions.Item label={t('injury.edition')}>
            {t('injury.editionN', { edition: d.catalogueEdition })}
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.diseaseCategory')} span={2}>
            {d.categoryNo} {d.categoryName}
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.disease')}>
            {d.diseaseName}
            {d.stage ? ` ${t('injury.stageN', { n: d.stage })}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.hazardFactor')}>{d.hazardFactor ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('injury.exposure')}>
            {d.exposureMonths === null ? '—' : t('injury.monthsN', { n: d.exposureMonths })}
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.disabilityGrade')}>
            {d.disabilityGrade ? t('injury.gradeN', { n: d.disabilityGrade }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.source')}>{t(`injury.sources.${d.source}` as never)}</Descriptions.Item>
        </Descriptions>
        <WorkerDescriptions c={d} />
      </Flex>
      <DiseaseFormDrawer open={editing} record={d} onClose={() => setEditing(false)} />
    </>
  );
}
