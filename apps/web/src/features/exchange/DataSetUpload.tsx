import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { DataSetDetail, LoadView, RowError } from '@yufang/contracts';
import { Alert, Button, Flex, Progress, Table, type TableColumnsType, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { useSession } from '../../app/session';
import { templateUrl, useUploadDataSet } from './api';

/** What became of one uploaded file: the counts, or every refused row with its Chinese message. */
function LoadResult({ load, labels }: { load: LoadView; labels: Map<string, string> }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RowError> = [
    { title: t('exchange.errRow'), dataIndex: 'row', width: 80 },
    { title: t('exchange.errField'), dataIndex: 'field', width: 200, render: (f: string) => labels.get(f) ?? f },
    { title: t('exchange.errMessage'), dataIndex: 'message' },
  ];
  return (
    <Flex vertical gap={8} data-testid="dataset-load-result" data-status={load.status}>
      {load.status === 'succeeded' ? (
        <Alert
          type="success"
          showIcon
          title={t('exchange.uploadDone', { file: load.fileName ?? '' })}
          description={t('exchange.uploadDoneDetail', {
            received: load.received,
            inserted: load.inserted,
            updated: load.updated,
          })}
        />
      ) : (
        <>
          <Alert
            type="error"
            showIcon
            title={t('exchange.uploadRejected', { file: load.fileName ?? '' })}
            description={t('exchange.uploadRejectedDetail', {
              received: load.received,
              rejected: load.rejected,
              shown: load.errors.length,
            })}
          />
          <Table<RowError>
            size="small"
            rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
            columns={columns}
            dataSource={load.errors}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            data-testid="dataset-load-errors"
          />
        </>
      )}
    </Flex>
  );
}

/** 上传数据: template download, then a .xlsx/.csv upload into the data set (all rows or none). */
export function DataSetUpload({ detail }: { detail: DataSetDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const upload = useUploadDataSet(detail.code);
  const [percent, setPercent] = useState<number | null>(null);
  const fields = detail.versions[0]?.fields ?? [];
  const labels = new Map(fields.map((f) => [f.name, f.label]));
  const load = upload.data?.load;
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('exchange.uploadHint', { version: detail.currentVersion })}</Typography.Text>
      <Flex gap={8} align="center" wrap>
        <Button icon={<DownloadOutlined />} href={templateUrl(detail.code)} data-testid="dataset-template">
          {t('exchange.downloadTemplate')}
        </Button>
        <Typography.Text type="secondary">
          {t('exchange.uploadColumns')}：{fields.map((f) => `${f.label}${f.required ? '*' : ''}`).join('、')}
        </Typography.Text>
      </Flex>
      <Upload.Dragger
        accept=".xlsx,.csv"
        maxCount={1}
        showUploadList={false}
        disabled={upload.isPending}
        customRequest={({ file, onSuccess, onError }) => {
          setPercent(0);
          upload.mutate(
            { file: file as File, csrfToken: me.csrfToken, onProgress: setPercent },
            {
              onSuccess: (result) => onSuccess?.(result),
              onError: (error) => onError?.(error as Error),
              onSettled: () => setPercent(null),
            },
          );
        }}
        data-testid="dataset-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('exchange.dropHint')}</p>
        <p className="ant-upload-hint">{t('exchange.dropSubHint')}</p>
      </Upload.Dragger>
      {percent !== null ? (
        <Progress percent={percent} status="active" format={(p) => `${t('exchange.uploading')} ${p}%`} />
      ) : null}
      {upload.error ? (
        <Alert type="error" showIcon title={errorText(upload.error)} data-testid="dataset-upload-error" />
      ) : null}
      {load && !upload.isPending ? <LoadResult load={load} labels={labels} /> : null}
    </Flex>
  );
}
