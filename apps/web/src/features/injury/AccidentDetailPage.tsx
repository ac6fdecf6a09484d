import { EditOutlined } from '@ant-design/icons';
import { formatFen, type InjuryCaseView } from '@yufang/contracts';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../api/errors';
import { formatDateTime } from '../../components/datetime';
import { PageHeader } from '../../components/PageHeader';
import { DraftBulletinButton } from '../bulletin/DraftBulletinButton';
import { AccidentFormDrawer } from './AccidentFormDrawer';
import { useAccident } from './api';
import { useInjuryColumns } from './columns';
import { GRADE_COLORS } from './labels';

/** An accident with its legal grade and the work-injury cases linked to it. */
export default function AccidentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const accident = useAccident(id);
  const [editing, setEditing] = useState(false);
  const columns = useInjuryColumns(false);
  if (accident.isPending) return <Skeleton active />;
  if (accident.isError) return <Alert type="error" showIcon title={errorText(accident.error)} />;
  const a = accident.data;
  return (
    <>
      <PageHeader
        title={t('injury.accidentTitle', { no: a.accidentNo })}
        subTitle={`${a.countyName} · ${formatDateTime(a.occurredAt).slice(0, 16)}`}
        extra={
          <>
            <Tag color={GRADE_COLORS[a.legalGrade]}>{a.legalGradeName}</Tag>
            {a.can.update ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            <DraftBulletinButton kind="accident" id={a.id} />
          </>
        }
      />
      <Flex gap={16} vertical>
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('injury.employer')}>
            {a.employerId ? <Link to={`/employers/${a.employerId}`}>{a.employerName}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.category')}>{a.categoryName}</Descriptions.Item>
          <Descriptions.Item label={t('injury.grade')}>{a.legalGradeName}</Descriptions.Item>
          <Descriptions.Item label={t('injury.deaths')}>{a.deaths}</Descriptions.Item>
          <Descriptions.Item label={t('injury.seriousInjuries')}>{a.seriousInjuries}</Descriptions.Item>
          <Descriptions.Item label={t('injury.minorInjuries')}>{a.minorInjuries}</Descriptions.Item>
          <Descriptions.Item label={t('injury.directLossYuan')}>
            {a.directLossFen === null ? '—' : formatFen(a.directLossFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.source')}>{t(`injury.sources.${a.source}` as never)}</Descriptions.Item>
          <Descriptions.Item label={t('injury.reportedBy')}>{a.reportedByUnit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('injury.summary')} span={3}>
            {a.summary ?? '—'}
          </Descriptions.Item>
        </Descriptions>
        <Card size="small" title={t('injury.linkedInjuries', { count: a.injuries.length })}>
          <Table<InjuryCaseView>
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={a.injuries}
            scroll={{ x: 900 }}
          />
        </Card>
      </Flex>
      <AccidentFormDrawer open={editing} record={a} onClose={() => setEditing(false)} />
    </>
  );
}
