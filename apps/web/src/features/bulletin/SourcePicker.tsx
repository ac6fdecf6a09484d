import { BULLETIN_SOURCE_KINDS, type BulletinSourceKind, type BulletinSourceView } from '@yufang/contracts';
import { Button, Flex, Input, Modal, Radio, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showApiError } from '../../api/errors';
import { KeysetTable } from '../../components/KeysetTable';
import { useCreateBulletin, useSources } from './api';

/** Picks a case in the caller's scope and drafts a bulletin from it (the server de-identifies it). */
export function SourcePicker({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<BulletinSourceKind>('injury');
  const [q, setQ] = useState<string | undefined>();
  const sources = useSources(kind, q, open);
  const create = useCreateBulletin();

  const draft = (s: BulletinSourceView) =>
    create.mutate(
      { sourceKind: s.kind, sourceId: s.id },
      { onSuccess: (b) => navigate(`/bulletins/${b.id}`), onError: showApiError },
    );

  const columns: TableColumnsType<BulletinSourceView> = [
    { title: t('bulletin.caseNo'), dataIndex: 'caseNo', width: 150 },
    { title: t('bulletin.date'), dataIndex: 'date', width: 110 },
    { title: t('bulletin.county'), dataIndex: 'countyName', width: 90 },
    { title: t('bulletin.employer'), dataIndex: 'employerName', ellipsis: true },
    { title: t('bulletin.industry'), dataIndex: 'industryName', width: 150, ellipsis: true },
    { title: t('bulletin.summary'), dataIndex: 'summary', width: 120 },
    {
      title: t('common.actions'),
      width: 80,
      render: (_, s) => (
        <Button
          size="small"
          type="link"
          loading={create.isPending && create.variables?.sourceId === s.id}
          onClick={() => draft(s)}
        >
          {t('bulletin.draftThis')}
        </Button>
      ),
    },
  ];

  return (
    <Modal open={open} onCancel={onClose} footer={null} width={1000} title={t('bulletin.pickTitle')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('bulletin.pickHint')}</Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={Object.keys(BULLETIN_SOURCE_KINDS).map((k) => ({
            value: k,
            label: t(`bulletin.kinds.${k}` as never),
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('bulletin.searchCase')}
          style={{ width: 260 }}
          maxLength={64}
          onSearch={(v) => setQ(v.trim() || undefined)}
        />
      </Flex>
      <KeysetTable<BulletinSourceView>
        rowKey="id"
        size="small"
        columns={columns}
        source={sources}
        scroll={{ x: 900 }}
      />
    </Modal>
  );
}
