import { DownloadOutlined } from '@ant-design/icons';
import type { LedgerEntryView, LedgerRevisionSummary } from '@yufang/contracts';
import {
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { handleFormError, showApiError } from '../../api/errors';
import { formatDateTime } from '../../components/datetime';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { ledgerExportUrl, useLedger, useLedgerAction, useLedgerEmployers, useLedgerHistory } from './api';
import { LEDGER_STATUS_COLORS } from './labels';

type Dialog = { kind: 'exclude'; employerId: string; name: string } | { kind: 'amend' } | { kind: 'add' } | null;

/**
 * A county's list for a year: the entries with the ledger figures read live (training coverage and prevention
 * projects come with later issues), the county's decisions with reasons, confirmation, amendment and history.
 */
export default function LedgerPage() {
  const { t } = useTranslation();
  const { countyCode = '', year: yearParam = '' } = useParams();
  const year = Number(yearParam);
  const [params, setParams] = useSearchParams();
  const revision = params.get('revision') ? Number(params.get('revision')) : undefined;
  const ledger = useLedger(countyCode, year, revision);
  const history = useLedgerHistory(countyCode, year);
  const action = useLedgerAction(countyCode, year);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ reason: string; employerId?: string }>();
  const [q, setQ] = useState('');
  const employers = useLedgerEmployers(countyCode, year, q, dialog?.kind === 'add');

  const l = ledger.data;
  const latest = revision === undefined;
  const editable = !!l && latest && l.canManage && l.status === 'draft';
  const missing = isApiError(ledger.error) && ledger.error.status === 404;

  const run = (a: Parameters<typeof action.mutate>[0], after?: () => void) =>
    action.mutate(a, {
      onSuccess: () => {
        feedback.message.success(t('ledger.saved'));
        after?.();
      },
      onError: (e) => (dialog ? handleFormError(form, e) : showApiError(e)),
    });

  const submitDialog = async () => {
    const values = await form.validateFields();
    if (!l || !dialog) return;
    const close = () => {
      setDialog(null);
      form.resetFields();
    };
    if (dialog.kind === 'exclude') {
      run(
        {
          action: 'decide',
          body: { version: l.version, employerId: dialog.employerId, decision: 'excluded', reason: values.reason },
        },
        close,
      );
    } else if (dialog.kind === 'amend') {
      run({ action: 'amend', body: { version: l.version, amendReason: values.reason } }, close);
    } else {
      run(
        { action: 'entries', body: { version: l.version, employerId: values.employerId, reason: values.reason } },
        close,
      );
    }
  };

  const columns: TableColumnsType<LedgerEntryView> = [
    { title: t('ledger.employer'), dataIndex: 'employerName', width: 200, fixed: 'left' },
    {
      title: t('ledger.category'),
      dataIndex: 'category',
      width: 110,
      render: (c: string | null, r) => c ?? `${r.industryCode} ${r.industryName}`,
    },
    {
      title: t('ledger.basis'),
      dataIndex: 'basis',
      width: 90,
      render: (b: LedgerEntryView['basis']) => (
        <Tag color={b === 'risk_index' ? 'volcano' : b === 'county' ? 'blue' : 'default'}>{t(`ledger.bases.${b}`)}</Tag>
      ),
    },
    { title: t('ledger.proposedReason'), dataIndex: 'proposedReason', width: 180, ellipsis: true },
    {
      title: t('ledger.decision'),
      dataIndex: 'decision',
      width: 160,
      render: (d: LedgerEntryView['decision'], r) => (
        <>
          <Tag color={d === 'excluded' ? 'red' : 'green'}>{t(`ledger.decisions.${d}`)}</Tag>
          {d === 'excluded' && r.decisionReason ? <div style={{ fontSize: 12 }}>{r.decisionReason}</div> : null}
        </>
      ),
    },
    { title: t('ledger.workforce'), dataIndex: 'workforce', width: 80, align: 'right' },
    { title: t('ledger.insured'), dataIndex: 'insured', width: 80, align: 'right' },
    { title: t('ledger.injuriesThisYear'), dataIndex: 'injuriesThisYear', width: 80, align: 'right' },
    { title: t('ledger.injuriesLastYear'), dataIndex: 'injuriesLastYear', width: 80, align: 'right' },
    {
      title: t('ledger.openHazards'),
      dataIndex: 'openHazards',
      width: 100,
      align: 'right',
      render: (n: number, r) => (
        <>
          {n}
          {r.overdueHazards ? (
            <Tag color="red" style={{ marginLeft: 4 }}>{`${t('ledger.overdueHazards')} ${r.overdueHazards}`}</Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('ledger.riskScore'),
      dataIndex: 'riskScore',
      width: 80,
      align: 'right',
      render: (s: number | null) => (s === null ? '—' : s.toFixed(1)),
    },
    ...(editable
      ? [
          {
            title: '',
            key: 'actions',
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, r: LedgerEntryView) =>
              r.decision === 'included' ? (
                <Button
                  size="small"
                  danger
                  onClick={() => setDialog({ kind: 'exclude', employerId: r.employerId, name: r.employerName })}
                >
                  {t('ledger.exclude')}
                </Button>
              ) : (
                <Button
                  size="small"
                  onClick={() =>
                    run({
                      action: 'decide',
                      body: { version: l?.version, employerId: r.employerId, decision: 'included' },
                    })
                  }
                >
                  {t('ledger.include')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  const historyColumns: TableColumnsType<LedgerRevisionSummary> = [
    {
      title: t('ledger.revision', { n: '' }).trim(),
      dataIndex: 'revision',
      render: (n: number) => (
        <Button type="link" size="small" onClick={() => setParams({ revision: String(n) })}>
          {t('ledger.revision', { n })}
        </Button>
      ),
    },
    {
      title: t('ledger.status'),
      dataIndex: 'status',
      render: (s: LedgerRevisionSummary['status']) => (
        <Tag color={LEDGER_STATUS_COLORS[s]}>{t(`ledger.statuses.${s}`)}</Tag>
      ),
    },
    { title: t('ledger.amendReason'), dataIndex: 'amendReason', render: (r: string | null) => r ?? '—' },
    { title: t('ledger.included'), dataIndex: 'included' },
    { title: t('ledger.confirmedBy'), dataIndex: 'confirmedByName', render: (r: string | null) => r ?? '—' },
    { title: t('ledger.confirmedAt'), dataIndex: 'confirmedAt', render: (r: string | null) => formatDateTime(r) },
  ];

  const title = `${l?.countyName ?? ''} ${year} 年${t('ledger.title')}`;
  return (
    <>
      <PageHeader
        title={title}
        subTitle={
          l ? (
            <Space>
              <Tag color={LEDGER_STATUS_COLORS[l.status]}>{t(`ledger.statuses.${l.status}`)}</Tag>
              {t('ledger.revision', { n: l.revision })}
              {l.demo ? <Tag>{t('app.demo')}</Tag> : null}
              {!latest ? (
                <Button size="small" type="link" onClick={() => setParams({})}>
                  ←
                </Button>
              ) : null}
            </Space>
          ) : null
        }
        extra={
          l ? (
            <>
              {editable ? (
                <>
                  <Button onClick={() => setDialog({ kind: 'add' })}>{t('ledger.add')}</Button>
                  <Popconfirm
                    title={t('ledger.confirm')}
                    description={t('ledger.confirmHint')}
                    onConfirm={() => run({ action: 'confirm', body: { version: l.version } })}
                  >
                    <Button type="primary">{t('ledger.confirm')}</Button>
                  </Popconfirm>
                </>
              ) : null}
              {latest && l.canManage && l.status === 'confirmed' ? (
                <Button onClick={() => setDialog({ kind: 'amend' })}>{t('ledger.amend')}</Button>
              ) : null}
              {latest ? (
                <Button icon={<DownloadOutlined />} href={ledgerExportUrl(countyCode, year)}>
                  {t('ledger.export')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {missing ? (
        <Card>
          <Empty description={t('ledger.none')}>
            <Button type="primary" loading={action.isPending} onClick={() => run({ action: '' })}>
              {t('ledger.propose')}
            </Button>
          </Empty>
        </Card>
      ) : (
        <>
          {l ? (
            <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('ledger.createdBy')}>{l.createdByName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ledger.confirmedBy')}>{l.confirmedByName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ledger.confirmedAt')}>{formatDateTime(l.confirmedAt)}</Descriptions.Item>
              {l.amendReason ? (
                <Descriptions.Item label={t('ledger.amendReason')}>{l.amendReason}</Descriptions.Item>
              ) : null}
            </Descriptions>
          ) : null}
          <Table
            rowKey="employerId"
            size="small"
            loading={ledger.isLoading}
            dataSource={l?.entries ?? []}
            columns={columns}
            scroll={{ x: 1400 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
          />
          <Card title={t('ledger.history')} size="small" style={{ marginTop: 16 }}>
            <Table
              rowKey="revision"
              size="small"
              dataSource={history.data ?? []}
              columns={historyColumns}
              pagination={false}
            />
          </Card>
        </>
      )}
      <Modal
        open={dialog !== null}
        title={
          dialog?.kind === 'exclude'
            ? `${t('ledger.exclude')}：${dialog.name}`
            : dialog?.kind === 'amend'
              ? t('ledger.amend')
              : t('ledger.add')
        }
        onOk={submitDialog}
        confirmLoading={action.isPending}
        onCancel={() => {
          setDialog(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.kind === 'add' ? (
            <Form.Item
              name="employerId"
              label={t('ledger.employer')}
              rules={[{ required: true, message: '请选择用人单位' }]}
            >
              <Select
                showSearch={{ filterOption: false, onSearch: setQ }}
                placeholder={t('ledger.searchEmployer')}
                options={(employers.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="reason"
            label={
              dialog?.kind === 'exclude'
                ? t('ledger.excludeReason')
                : dialog?.kind === 'amend'
                  ? t('ledger.amendReason')
                  : t('ledger.addReason')
            }
            rules={[{ required: true, min: 2, message: '请填写理由（至少 2 个字）' }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
