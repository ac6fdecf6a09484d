import { PlusOutlined } from '@ant-design/icons';
import { BULLETIN_STATUSES, type BulletinListItem, type BulletinStatus } from '@yufang/contracts';
import { Button, Progress, Select, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { useBulletins } from './api';
import { STATUS_COLORS } from './labels';
import { SourcePicker } from './SourcePicker';

/** Bulletins in scope (an employer: those pushed to it), newest change first, with the acknowledgement rate. */
export default function BulletinsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? undefined) as BulletinStatus | undefined;
  const bulletins = useBulletins(status);
  const canDraft = useCan('bulletin.draft');
  const isEmployer = useCan('bulletin.acknowledge');
  const [picking, setPicking] = useState(false);

  const columns: TableColumnsType<BulletinListItem> = [
    {
      title: t('bulletin.titleField'),
      dataIndex: 'title',
      render: (title: string, b) => <Link to={`/bulletins/${b.id}`}>{title}</Link>,
    },
    {
      title: t('bulletin.kind'),
      dataIndex: 'sourceKind',
      width: 110,
      render: (k: string) => t(`bulletin.kinds.${k}` as never),
    },
    { title: t('bulletin.county'), dataIndex: 'countyName', width: 90 },
    {
      title: t('bulletin.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: BulletinStatus) => <Tag color={STATUS_COLORS[s]}>{t(`bulletin.statuses.${s}` as never)}</Tag>,
    },
    ...(isEmployer
      ? [
          {
            title: t('bulletin.ackRate'),
            dataIndex: 'acknowledged',
            width: 100,
            render: (v: boolean | null) =>
              v === null ? (
                '—'
              ) : (
                <Tag color={v ? 'green' : 'orange'}>{t(v ? 'bulletin.acknowledged' : 'bulletin.notAcknowledged')}</Tag>
              ),
          },
        ]
      : [
          { title: t('bulletin.author'), dataIndex: 'authorName', width: 130 },
          {
            title: t('bulletin.ackRate'),
            dataIndex: 'ack',
            width: 170,
            render: (ack: BulletinListItem['ack']) =>
              ack ? (
                <Progress
                  size="small"
                  percent={ack.total ? Math.round((ack.acknowledged / ack.total) * 1000) / 10 : 0}
                  format={() => `${ack.acknowledged}/${ack.total}`}
                />
              ) : (
                '—'
              ),
          },
        ]),
    { title: t('bulletin.publishedAt'), dataIndex: 'publishedAt', width: 165, render: formatDateTime },
  ];

  return (
    <>
      <PageHeader
        title={t('bulletin.title')}
        subTitle={t('bulletin.subtitle')}
        extra={
          canDraft ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPicking(true)}>
              {t('bulletin.draftNew')}
            </Button>
          ) : null
        }
      />
      {isEmployer ? null : (
        <Select
          allowClear
          placeholder={t('bulletin.status')}
          style={{ width: 160, marginBottom: 16 }}
          value={status}
          onChange={(v?: string) => setParams(v ? { status: v } : {}, { replace: true })}
          options={Object.keys(BULLETIN_STATUSES).map((s) => ({
            value: s,
            label: t(`bulletin.statuses.${s}` as never),
          }))}
        />
      )}
      <KeysetTable<BulletinListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        source={bulletins}
        scroll={{ x: 900 }}
      />
      {canDraft ? <SourcePicker open={picking} onClose={() => setPicking(false)} /> : null}
    </>
  );
}
