import { PlusOutlined } from '@ant-design/icons';
import type { DiseaseCaseView, InjuryCaseView } from '@yufang/contracts';
import { Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/session';
import { KeysetTable } from '../../components/KeysetTable';
import { useDiseases, useInjuries } from './api';
import { useDiseaseColumns, useInjuryColumns } from './columns';
import { DiseaseFormDrawer } from './DiseaseFormDrawer';
import { InjuryFormDrawer } from './InjuryFormDrawer';

/** The work injuries and occupational-disease cases of one employer, for a tab of the employer's page. */
export function EmployerRecordsTab({ employerId }: { employerId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('injury.write');
  const injuries = useInjuries({ employerId }, { limit: 20 });
  const diseases = useDiseases({ employerId }, { limit: 20 });
  const [creating, setCreating] = useState<'injury' | 'disease' | null>(null);
  const add = (kind: 'injury' | 'disease', label: string) =>
    canWrite ? (
      <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(kind)}>
        {label}
      </Button>
    ) : null;
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('injury.injuriesTitle')}
        extra={
          <Flex gap={8} align="center">
            <Link to={`/injuries?employerId=${employerId}`}>{t('injury.openList')}</Link>
            {add('injury', t('injury.createInjury'))}
          </Flex>
        }
      >
        <KeysetTable<InjuryCaseView>
          rowKey="id"
          size="small"
          columns={useInjuryColumns(false)}
          source={injuries}
          scroll={{ x: 900 }}
        />
      </Card>
      <Card
        size="small"
        title={t('injury.diseasesTitle')}
        extra={
          <Flex gap={8} align="center">
            <Link to={`/diseases?employerId=${employerId}`}>{t('injury.openList')}</Link>
            {add('disease', t('injury.createDisease'))}
          </Flex>
        }
      >
        <KeysetTable<DiseaseCaseView>
          rowKey="id"
          size="small"
          columns={useDiseaseColumns(false)}
          source={diseases}
          scroll={{ x: 900 }}
        />
      </Card>
      <InjuryFormDrawer
        open={creating === 'injury'}
        employerId={employerId}
        onClose={() => setCreating(null)}
        onSaved={(c) => navigate(`/injuries/${c.id}`)}
      />
      <DiseaseFormDrawer
        open={creating === 'disease'}
        employerId={employerId}
        onClose={() => setCreating(null)}
        onSaved={(d) => navigate(`/diseases/${d.id}`)}
      />
    </Flex>
  );
}
