import { DownloadOutlined } from '@ant-design/icons';
import type { DeliveryView, DocumentView } from '@yufang/contracts';
import { Button, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../../api/client';
import { formatDateTime } from '../../../components/datetime';

/** 档案: every document with its versions and sha256, and the complete file as one workbook. */
export function ArchiveTab({ view }: { view: DeliveryView }) {
  const { t } = useTranslation();
  const base = `${API_BASE}/projects/${view.projectId}`;
  return (
    <Flex vertical gap={12}>
      <div>
        <Button icon={<DownloadOutlined />} href={`${base}/archive`} data-testid="archive-export">
          {t('projectDelivery.export')}
        </Button>
      </div>
      <Table<DocumentView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={view.documents}
        columns={[
          {
            title: t('projectDelivery.docKind'),
            dataIndex: 'kind',
            width: 90,
            render: (k: DocumentView['kind']) => t(`projectDelivery.docKinds.${k}`),
          },
          { title: t('projectDelivery.docName'), dataIndex: 'name' },
          { title: t('projectDelivery.version'), dataIndex: 'version', width: 70 },
          { title: 'sha256', dataIndex: 'sha256', width: 160, render: (s: string) => `${s.slice(0, 16)}…` },
          { title: t('projectDelivery.uploadedBy'), dataIndex: 'uploadedByName', width: 140 },
          { title: t('projectDelivery.uploadedAt'), dataIndex: 'uploadedAt', width: 170, render: formatDateTime },
          {
            title: t('projectDelivery.download'),
            width: 80,
            render: (_: unknown, d) => (
              <a href={`${base}/documents/${d.id}`} target="_blank" rel="noreferrer">
                {t('projectDelivery.download')}
              </a>
            ),
          },
        ]}
      />
    </Flex>
  );
}
