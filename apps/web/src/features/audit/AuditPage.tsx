import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { type AuditFilter, type AuditVerifyResult, type AuditView, isPermission, PERMISSIONS } from '@yufang/contracts';
import { Alert, Button, DatePicker, Flex, Form, Input, Select, type TableColumnsType, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { showApiError } from '../../api/errors';
import { useCan } from '../../app/session';
import { formatDateTime, isoToPicker, pickerToIso } from '../../components/datetime';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { auditExportUrl, useAuditLog, useVerifyChain } from './api';

const TEXT_FILTERS = ['username', 'action', 'objectType', 'objectId'] as const;

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: 'success' | 'failure';
}

function readFilter(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of ['from', 'to', ...TEXT_FILTERS] as const) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const result = params.get('result');
  if (result === 'success' || result === 'failure') filter.result = result;
  return filter;
}

function toFormValues(filter: AuditFilter): FilterValues {
  const from = filter.from ? isoToPicker(filter.from) : null;
  const to = filter.to ? isoToPicker(filter.to) : null;
  return { ...filter, range: from || to ? [from, to] : null };
}

function Json({ value }: { value: unknown }) {
  return <pre className="yf-json">{value === undefined ? '—' : JSON.stringify(value, null, 2)}</pre>;
}

/** The `changes` of an audit row: before/after side by side when the writer recorded them so. */
function Changes({ changes }: { changes: unknown }) {
  const { t } = useTranslation();
  if (changes === null || changes === undefined)
    return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  if (typeof changes === 'object' && !Array.isArray(changes) && ('before' in changes || 'after' in changes)) {
    const { before, after, ...rest } = changes as { before?: unknown; after?: unknown };
    return (
      <Flex vertical gap={8} data-testid="audit-changes">
        <Flex gap={16} wrap>
          <div style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Typography.Text strong>{t('audit.before')}</Typography.Text>
            <Json value={before ?? null} />
          </div>
          <div style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Typography.Text strong>{t('audit.after')}</Typography.Text>
            <Json value={after ?? null} />
          </div>
        </Flex>
        {Object.keys(rest).length > 0 ? <Json value={rest} /> : null}
      </Flex>
    );
  }
  return (
    <div data-testid="audit-changes">
      <Typography.Text strong>{t('audit.changes')}</Typography.Text>
      <Json value={changes} />
    </div>
  );
}

function VerifyAlert({ result, onClose }: { result: AuditVerifyResult; onClose: () => void }) {
  const { t } = useTranslation();
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      title={t('audit.verifyTitleOk')}
      description={t('audit.verifyOk', { count: result.checked })}
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={t('audit.verifyTitleBroken')}
      description={t('audit.verifyBroken', {
        id: result.firstBrokenId ?? '—',
        reason: result.reason ?? '—',
        count: result.checked,
      })}
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
    />
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const [form] = Form.useForm<FilterValues>();
  const log = useAuditLog(filter);
  const verify = useVerifyChain();
  const [verifyResult, setVerifyResult] = useState<AuditVerifyResult | null>(null);
  const canExport = useCan('audit.log.export');
  const canVerify = useCan('audit.chain.verify');

  const apply = (values: FilterValues) => {
    const next = new URLSearchParams();
    const [from, to] = values.range ?? [];
    if (from) next.set('from', pickerToIso(from));
    if (to) next.set('to', pickerToIso(to));
    for (const key of TEXT_FILTERS) {
      const value = values[key]?.trim();
      if (value) next.set(key, value);
    }
    if (values.result) next.set('result', values.result);
    setParams(next, { replace: true });
  };

  const runVerify = () =>
    verify.mutate(undefined, {
      onSuccess: setVerifyResult,
      onError: showApiError,
    });

  const columns: TableColumnsType<AuditView> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
    {
      title: t('audit.user'),
      dataIndex: 'username',
      width: 130,
      render: (username: string | null) =>
        username ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (action: string) => (
        <Flex vertical>
          <Typography.Text code>{action}</Typography.Text>
          {isPermission(action) ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {PERMISSIONS[action]}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_: unknown, row) =>
        row.objectType || row.objectId ? (
          <Flex vertical>
            <span>{row.objectType ?? '—'}</span>
            {row.objectId ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>
                {row.objectId}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 80,
      render: (result: AuditView['result']) =>
        result === 'success' ? (
          <Tag color="green">{t('audit.success')}</Tag>
        ) : (
          <Tag color="red">{t('audit.failure')}</Tag>
        ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      width: 160,
      render: (id: string | null) =>
        id ? (
          <Typography.Text style={{ fontSize: 12 }} copyable ellipsis={{ tooltip: id }}>
            {id}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <>
            {canVerify ? (
              <Button icon={<SafetyOutlined />} onClick={runVerify} loading={verify.isPending}>
                {t('audit.verify')}
              </Button>
            ) : null}
            {canExport ? (
              <Button icon={<DownloadOutlined />} onClick={() => window.location.assign(auditExportUrl(filter))}>
                {t('audit.export')}
              </Button>
            ) : null}
          </>
        }
      />
      {verifyResult ? <VerifyAlert result={verifyResult} onClose={() => setVerifyResult(null)} /> : null}
      <Form<FilterValues>
        name="auditFilter"
        key={params.toString()}
        form={form}
        layout="inline"
        initialValues={toFormValues(filter)}
        onFinish={apply}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label={t('audit.timeRange')} name="range">
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} style={{ width: 380 }} />
        </Form.Item>
        <Form.Item label={t('audit.username')} name="username">
          <Input allowClear style={{ width: 140 }} maxLength={64} />
        </Form.Item>
        <Form.Item label={t('audit.action')} name="action">
          <Input allowClear style={{ width: 180 }} maxLength={64} placeholder="auth.login" />
        </Form.Item>
        <Form.Item label={t('audit.objectType')} name="objectType">
          <Input allowClear style={{ width: 120 }} maxLength={64} />
        </Form.Item>
        <Form.Item label={t('audit.objectId')} name="objectId">
          <Input allowClear style={{ width: 200 }} maxLength={64} />
        </Form.Item>
        <Form.Item label={t('audit.result')} name="result">
          <Select
            allowClear
            placeholder={t('audit.anyResult')}
            style={{ width: 120 }}
            options={[
              { value: 'success', label: t('audit.success') },
              { value: 'failure', label: t('audit.failure') },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue({
                  range: null,
                  username: undefined,
                  action: undefined,
                  objectType: undefined,
                  objectId: undefined,
                  result: undefined,
                });
                apply({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
      <KeysetTable<AuditView>
        rowKey="id"
        size="middle"
        columns={columns}
        source={log}
        scroll={{ x: 1100 }}
        expandable={{
          expandedRowRender: (row) => <Changes changes={row.changes} />,
          rowExpandable: (row) => row.changes !== null && row.changes !== undefined,
        }}
      />
    </>
  );
}
