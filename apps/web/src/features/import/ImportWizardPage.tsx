import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  IMPORT_COLUMNS,
  IMPORT_KIND_LABELS,
  type ImportErrorView,
  type ImportJobDetail,
  type ImportKind,
} from '@yufang/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Progress,
  Radio,
  Result,
  Space,
  Statistic,
  Steps,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText, showApiError } from '../../api/errors';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { PageHeader } from '../../components/PageHeader';
import { errorReportUrl, templateUrl, uploadImportFile, useCancelImport, useCommitImport, useImportJob } from './api';

const KINDS: ImportKind[] = ['employer', 'headcount', 'person', 'injury', 'disease'];

function Counts({ job }: { job: ImportJobDetail }) {
  const { t } = useTranslation();
  return (
    <Flex gap={32} wrap data-testid="import-counts">
      <Statistic title={t('import.rows')} value={job.totalRows ?? job.processedRows} />
      <Statistic title={t('import.new')} value={job.newCount} valueStyle={{ color: '#1677ff' }} />
      <Statistic title={t('import.updated')} value={job.updatedCount} valueStyle={{ color: '#d48806' }} />
      <Statistic title={t('import.unchanged')} value={job.unchangedCount} />
      <Statistic
        title={t('import.errors')}
        value={job.errorCount}
        valueStyle={{ color: job.errorCount ? '#cf1322' : undefined }}
      />
    </Flex>
  );
}

export function ErrorTable({ job }: { job: ImportJobDetail }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ImportErrorView> = [
    { title: t('import.errRow'), dataIndex: 'rowNo', width: 80 },
    { title: t('import.errColumn'), dataIndex: 'column', width: 160 },
    {
      title: t('import.errValue'),
      dataIndex: 'value',
      width: 220,
      render: (v: string | null) =>
        v === null ? <Typography.Text type="secondary">{t('import.empty')}</Typography.Text> : v,
    },
    { title: t('import.errRule'), dataIndex: 'rule' },
  ];
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap>
        <Typography.Text type="danger">
          {t('import.errorSummary', { count: job.errorCount, rows: job.errorRows, shown: job.errors.length })}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} href={errorReportUrl(job.id)} data-testid="import-error-report">
          {t('import.downloadReport')}
        </Button>
      </Flex>
      <Table<ImportErrorView>
        size="small"
        rowKey={(r) => `${r.rowNo}-${r.column}-${r.rule}`}
        columns={columns}
        dataSource={job.errors}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="import-errors"
      />
    </Flex>
  );
}

export default function ImportWizardPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [kind, setKind] = useState<ImportKind>('employer');
  const [jobId, setJobId] = useState<string>();
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const job = useImportJob(jobId).data;
  const commit = useCommitImport();
  const cancel = useCancelImport();

  const step = !job
    ? uploadPercent !== null
      ? 1
      : 0
    : job.status === 'validating'
      ? 2
      : job.status === 'validated'
        ? 3
        : 4;

  const restart = () => {
    setJobId(undefined);
    setUploadPercent(null);
    setUploadError(null);
  };

  return (
    <>
      <PageHeader
        title={t('import.wizardTitle')}
        subTitle={t('import.wizardHint')}
        extra={<Link to="/imports">{t('import.history')}</Link>}
      />
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('import.stepKind') },
          { title: t('import.stepUpload') },
          { title: t('import.stepValidate') },
          { title: t('import.stepPreview') },
          { title: t('import.stepResult') },
        ]}
      />
      {!job ? (
        <Card>
          <Flex vertical gap={16}>
            <div>
              <Typography.Text strong>{t('import.chooseKind')}</Typography.Text>
              <div style={{ marginTop: 8 }}>
                <Radio.Group
                  value={kind}
                  onChange={(e) => setKind(e.target.value)}
                  optionType="button"
                  buttonStyle="solid"
                  disabled={uploadPercent !== null}
                  options={KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }))}
                  data-testid="import-kind"
                />
              </div>
            </div>
            <Flex gap={8} align="center" wrap>
              <Button icon={<DownloadOutlined />} href={templateUrl(kind)} data-testid="import-template">
                {t('import.downloadTemplate')}
              </Button>
              <Typography.Text type="secondary">
                {t('import.columns')}：
                {IMPORT_COLUMNS[kind].map((c) => `${c.header}${c.required ? '*' : ''}`).join('、')}
              </Typography.Text>
            </Flex>
            <Upload.Dragger
              accept=".xlsx,.csv"
              maxCount={1}
              showUploadList={false}
              disabled={uploadPercent !== null}
              customRequest={({ file, onSuccess, onError }) => {
                setUploadError(null);
                setUploadPercent(0);
                uploadImportFile(kind, file as File, me.csrfToken, setUploadPercent)
                  .then((created) => {
                    onSuccess?.(created);
                    setJobId(created.id);
                  })
                  .catch((error: unknown) => {
                    onError?.(error as Error);
                    setUploadPercent(null);
                    setUploadError(errorText(error));
                  });
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.dropHint')}</p>
              <p className="ant-upload-hint">{t('import.dropSubHint')}</p>
            </Upload.Dragger>
            {uploadPercent !== null ? (
              <Progress percent={uploadPercent} status="active" format={(p) => `${t('import.uploading')} ${p}%`} />
            ) : null}
            {uploadError ? <Alert type="error" showIcon title={uploadError} /> : null}
          </Flex>
        </Card>
      ) : (
        <Card
          title={
            <Space>
              <Tag>{IMPORT_KIND_LABELS[job.kind]}</Tag>
              <span>{job.fileName}</span>
            </Space>
          }
          data-testid="import-job"
          data-status={job.status}
        >
          <Flex vertical gap={16}>
            {job.sameFile ? (
              <Alert
                type="warning"
                showIcon
                title={t('import.sameFile', {
                  at: formatDateTime(job.sameFile.committedAt),
                  user: job.sameFile.username,
                })}
              />
            ) : null}
            {job.status === 'validating' ? (
              <div>
                <Typography.Text>{t('import.validating', { rows: job.processedRows })}</Typography.Text>
                <Progress percent={job.progress} status="active" data-testid="import-progress" />
              </div>
            ) : null}
            {job.status === 'committing' ? (
              <div>
                <Typography.Text>{t('import.committing')}</Typography.Text>
                <Progress percent={99} status="active" />
              </div>
            ) : null}
            {job.status !== 'validating' ? <Counts job={job} /> : null}
            {job.status === 'validated' && job.errorCount === 0 ? (
              <Alert type="success" showIcon title={t('import.readyToCommit')} />
            ) : null}
            {job.errorCount > 0 ? (
              <>
                <Alert type="error" showIcon title={t('import.hasErrors')} />
                <ErrorTable job={job} />
              </>
            ) : null}
            {job.status === 'committed' ? (
              <Result
                status="success"
                title={t('import.committed')}
                subTitle={t('import.committedDetail', {
                  new: job.newCount,
                  updated: job.updatedCount,
                  unchanged: job.unchangedCount,
                })}
              />
            ) : null}
            {job.status === 'failed' || job.status === 'cancelled' ? (
              <Alert type="error" showIcon title={job.message ?? t('import.failed')} />
            ) : null}
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('import.fileSize')}>{(job.fileSize / 1024).toFixed(1)} KB</Descriptions.Item>
              <Descriptions.Item label={t('import.format')}>{job.format ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="SHA-256">
                <Typography.Text style={{ fontSize: 12 }} copyable ellipsis={{ tooltip: job.fileSha256 }}>
                  {job.fileSha256.slice(0, 16)}…
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Flex gap={8}>
              {job.can.commit ? (
                <Button
                  type="primary"
                  loading={commit.isPending}
                  onClick={() => commit.mutate(job.id, { onError: showApiError })}
                  data-testid="import-commit"
                >
                  {t('import.commit')}
                </Button>
              ) : null}
              {job.can.cancel ? (
                <Button onClick={() => cancel.mutate(job.id, { onError: showApiError })} loading={cancel.isPending}>
                  {t('import.cancel')}
                </Button>
              ) : null}
              {job.status !== 'validating' && job.status !== 'committing' ? (
                <Button onClick={restart} data-testid="import-again">
                  {t('import.again')}
                </Button>
              ) : null}
            </Flex>
          </Flex>
        </Card>
      )}
    </>
  );
}
