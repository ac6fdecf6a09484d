import type { MonitoringActionKind, MonitoringEntryView, MonitoringReason } from '@yufang/contracts';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import {
  exportUrl,
  type MonitoringFilters,
  useMonitoring,
  useMonitoringCounts,
  useMonitoringEdit,
  useMonitoringEntry,
  useMonitoringOptions,
} from './api';

const REASONS = [
  'uninsured',
  'under_insured',
  'risk_index',
  'repeated_serious',
  'overdue_major_hazard',
  'dust_coverage',
  'manual',
] as const;
const REASON_COLORS: Record<string, string> = {
  uninsured: 'red',
  under_insured: 'orange',
  risk_index: 'volcano',
  repeated_serious: 'magenta',
  overdue_major_hazard: 'gold',
  dust_coverage: 'purple',
  manual: 'blue',
};
const KINDS = ['visit', 'interview', 'notice', 'inspection', 'note'] as const;
const reasonKey = (r: string) => `monitoring.reasons.${r as MonitoringReason}` as const;
const kindKey = (k: string) => `monitoring.kinds.${k as MonitoringActionKind}` as const;

/** 重点监控: the list with filters and counts per reason, and a drawer with the figures, follow-ups and exit. */
export default function MonitoringPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: MonitoringFilters = {
    status: params.get('status') === 'exited' ? 'exited' : 'active',
    countyCode: params.get('countyCode') ?? undefined,
    reason: params.get('reason') ?? undefined,
    ownerId: params.get('ownerId') ?? undefined,
  };
  const list = useMonitoring(filters);
  const counts = useMonitoringCounts(filters);
  const options = useMonitoringOptions();
  const [openId, setOpenId] = useState<string>();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<MonitoringEntryView> = [
    {
      title: t('monitoring.employer'),
      dataIndex: 'employerName',
      render: (name: string, r) => <Typography.Link onClick={() => setOpenId(r.id)}>{name}</Typography.Link>,
    },
    { title: t('monitoring.county'), dataIndex: 'countyName', width: 110 },
    {
      title: t('monitoring.reason'),
      dataIndex: 'reason',
      render: (r: string) => <Tag color={REASON_COLORS[r]}>{t(reasonKey(r))}</Tag>,
    },
    { title: t('monitoring.detail'), dataIndex: 'detail', ellipsis: { showTitle: true }, width: '30%' },
    { title: t('monitoring.enteredOn'), dataIndex: 'enteredOn' },
    { title: t('monitoring.owner'), dataIndex: 'ownerName', render: (n: string | null) => n ?? '—' },
    { title: t('monitoring.daysOnList'), dataIndex: 'daysOnList', align: 'right' },
  ];

  return (
    <>
      <PageHeader
        title={t('monitoring.title')}
        subTitle={t('monitoring.subTitle')}
        extra={
          <Button href={exportUrl(filters)} download>
            {t('monitoring.export')}
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('monitoring.status')}
          value={filters.status}
          style={{ width: 120 }}
          options={[
            { value: 'active', label: t('monitoring.statuses.active') },
            { value: 'exited', label: t('monitoring.statuses.exited') },
          ]}
          onChange={(v) => set('status', v)}
        />
        <Select
          aria-label={t('monitoring.county')}
          placeholder={t('monitoring.allCounties')}
          allowClear
          value={filters.countyCode}
          style={{ width: 160 }}
          options={options.data?.counties.map((c) => ({ value: c.code, label: c.name }))}
          onChange={(v) => set('countyCode', v)}
        />
        <Select
          aria-label={t('monitoring.reason')}
          placeholder={t('monitoring.allReasons')}
          allowClear
          value={filters.reason}
          style={{ width: 200 }}
          options={REASONS.map((r) => ({ value: r, label: t(reasonKey(r)) }))}
          onChange={(v) => set('reason', v)}
        />
        <Select
          aria-label={t('monitoring.owner')}
          placeholder={t('monitoring.allOwners')}
          allowClear
          value={filters.ownerId}
          style={{ width: 160 }}
          options={options.data?.owners.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(v) => set('ownerId', v)}
        />
      </Space>
      <Space wrap style={{ marginBottom: 12 }} data-testid="monitoring-counts">
        {counts.data?.byReason.map((c) => (
          <Tag key={c.reason} color={REASON_COLORS[c.reason]}>
            {t(reasonKey(c.reason))} {c.count}
          </Tag>
        ))}
        <span>{t('monitoring.total', { n: counts.data?.total ?? 0 })}</span>
      </Space>
      <Table
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.items}
        pagination={false}
      />
      {list.hasNextPage ? (
        <Button style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {t('monitoring.more')}
        </Button>
      ) : null}
      <EntryDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </>
  );
}

function EntryDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const entry = useMonitoringEntry(id);
  const options = useMonitoringOptions();
  const edit = useMonitoringEdit(id ?? '');
  const canManage = useCan('monitoring.manage');
  const [actionForm] = Form.useForm();
  const [exitForm] = Form.useForm();
  const e = entry.data;
  const run = async (action: 'owner' | 'actions' | 'exit', body: Record<string, unknown>) => {
    if (!e) return;
    try {
      await edit.mutateAsync({ action, version: e.version, ...body });
      message.success(t('monitoring.saved'));
      actionForm.resetFields();
      exitForm.resetFields();
    } catch (error) {
      message.error(isApiError(error) ? error.message : String(error));
    }
  };
  const active = e?.status === 'active';
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={e?.employerName ?? t('monitoring.title')}>
      {e ? (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('monitoring.reason')}>
              <Tag color={REASON_COLORS[e.reason]}>{t(reasonKey(e.reason))}</Tag>
              {e.source === 'system' ? t('monitoring.sourceSystem') : t('monitoring.sourceOfficer')}
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.detail')}>{e.detail}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.county')}>{e.countyName}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.enteredOn')}>
              {e.enteredOn}（{t('monitoring.days', { n: e.daysOnList })}）
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.owner')}>
              {canManage && active ? (
                <Select
                  aria-label={t('monitoring.owner')}
                  style={{ width: 200 }}
                  value={e.ownerId ?? undefined}
                  placeholder={t('monitoring.pickOwner')}
                  options={options.data?.owners
                    .filter((o) => o.countyCode === e.countyCode)
                    .map((o) => ({ value: o.id, label: o.name }))}
                  onChange={(ownerId) => run('owner', { ownerId })}
                />
              ) : (
                (e.ownerName ?? '—')
              )}
            </Descriptions.Item>
            {e.status === 'exited' ? (
              <Descriptions.Item label={t('monitoring.exitReason')}>
                {e.exitedOn} {e.exitReason}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <h3 style={{ marginTop: 20 }}>{t('monitoring.actions')}</h3>
          {e.actions.length ? (
            <Timeline
              items={e.actions.map((a) => ({
                key: a.id,
                children: `${new Date(a.at).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })} ${t(kindKey(a.kind))}（${a.username ?? ''}）：${a.note}`,
              }))}
            />
          ) : (
            <p>{t('monitoring.noActions')}</p>
          )}
          {canManage && active ? (
            <>
              <Form
                form={actionForm}
                layout="inline"
                onFinish={(v) => run('actions', v)}
                initialValues={{ kind: 'visit' }}
              >
                <Form.Item name="kind" label={t('monitoring.kind')}>
                  <Select style={{ width: 120 }} options={KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))} />
                </Form.Item>
                <Form.Item
                  name="note"
                  label={t('monitoring.note')}
                  rules={[{ required: true, message: t('monitoring.noteRequired') }]}
                >
                  <Input style={{ width: 260 }} />
                </Form.Item>
                <Button htmlType="submit" type="primary" loading={edit.isPending}>
                  {t('monitoring.addAction')}
                </Button>
              </Form>
              <h3 style={{ marginTop: 20 }}>{t('monitoring.exit')}</h3>
              <Form form={exitForm} layout="vertical" onFinish={(v) => run('exit', v)}>
                <Form.Item
                  name="reason"
                  label={t('monitoring.exitReason')}
                  rules={[{ required: true, message: t('monitoring.exitRequired') }]}
                >
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button htmlType="submit" danger loading={edit.isPending}>
                  {t('monitoring.exit')}
                </Button>
              </Form>
            </>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
