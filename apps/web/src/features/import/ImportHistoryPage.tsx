import { PlusOutlined } from '@ant-design/icons';
import {
  IMPORT_KIND_LABELS,
  IMPORT_STATUS_LABELS,
  type ImportJobView,
  type ImportKind,
  type ImportStatus,
} from '@yufang/contracts';
import { Button, Drawer, Select, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { useImportJob, useImports } from './api';
import { ErrorTable } from './ImportWizardPage';

const STATUS_COLORS: Record<ImportStatus, string> = {
  validating: 'processing',
  validated: 'blue',
  committing: 'processing',
  committed: 'green',
  failed: 'red',
  cancelled: 'default',
};

function JobDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const job = useImportJob(id).data;
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={job?.fileName ?? t('app.loading')}>
      {job ? (
        <>
          <p>
            {IMPORT_KIND_LABELS[job.kind]} · {IMPORT_STATUS_LABELS[job.status]} · {job.username} ·{' '}
            {formatDateTime(job.createdAt)}
          </p>
          <p>
            {t('import.committedDetail', {
              new: job.newCount,
              updated: job.updatedCount,
              unchanged: job.unchangedCount,
            })}
          </p>
          {job.message ? <p>{job.message}</p> : null}
          <p style={{ fontSize: 12, wordBreak: 'break-all' }}>SHA-256: {job.fileSha256}</p>
          {job.errorCount > 0 ? <ErrorTable job={job} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}

export default function ImportHistoryPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>();
  const [open, setOpen] = useState<string>();
  const jobs = useImports(kind);
  const canRun = useCan('import.run');
  const columns: TableColumnsType<ImportJobView> = [
    { title: t('import.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('import.user'), dataIndex: 'username', width: 110 },
    { title: t('import.kind'), dataIndex: 'kind', width: 170, render: (k: ImportKind) => IMPORT_KIND_LABELS[k] },
    {
      title: t('import.fileName'),
      dataIndex: 'fileName',
      render: (name: string, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(row.id)}>
          {name}
        </Button>
      ),
    },
    {
      title: t('import.fileSize'),
      dataIndex: 'fileSize',
      width: 100,
      render: (n: number) => `${(n / 1024).toFixed(1)} KB`,
    },
    {
      title: t('import.rows'),
      dataIndex: 'totalRows',
      width: 90,
      render: (n: number | null, r) => n ?? r.processedRows,
    },
    {
      title: t('import.counts'),
      key: 'counts',
      width: 200,
      render: (_: unknown, r) =>
        t('import.countsShort', { new: r.newCount, updated: r.updatedCount, unchanged: r.unchangedCount }),
    },
    {
      title: t('import.errors'),
      dataIndex: 'errorCount',
      width: 80,
      render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
    },
    {
      title: t('import.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: ImportStatus) => <Tag color={STATUS_COLORS[s]}>{IMPORT_STATUS_LABELS[s]}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('import.historyTitle')}
        subTitle={t('import.historyHint')}
        extra={
          <>
            <Select
              allowClear
              placeholder={t('import.kind')}
              style={{ width: 200 }}
              value={kind}
              onChange={setKind}
              options={(Object.keys(IMPORT_KIND_LABELS) as ImportKind[]).map((k) => ({
                value: k,
                label: IMPORT_KIND_LABELS[k],
              }))}
            />
            {canRun ? (
              <Link to="/imports/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('import.newImport')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <KeysetTable<ImportJobView> rowKey="id" columns={columns} source={jobs} size="middle" />
      <JobDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
