import {
  CURRENT_COUNTIES,
  FINDING_STATUSES,
  type FindingStatus,
  type FindingView,
  RECONCILE_RULES,
  type ReconcileRule,
  UNITS,
} from '@yufang/contracts';
import { Button, Descriptions, Drawer, Input, Select, Space, type TableColumnsType, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { formatDateTime } from '../../components/datetime';
import { feedback } from '../../components/feedback';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { useFinding, useFindings, useTransition } from './api';

const COLORS: Record<FindingStatus, string> = {
  open: 'red',
  checking: 'orange',
  resolved: 'green',
  dismissed: 'default',
};
const NEXT: Record<FindingStatus, FindingStatus[]> = {
  open: ['checking', 'resolved', 'dismissed'],
  checking: ['open', 'resolved', 'dismissed'],
  resolved: ['open'],
  dismissed: ['open'],
};
const unitName = (code: string) => UNITS.find((u) => u.code === code)?.shortName ?? code;

function FindingDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const finding = useFinding(id).data;
  const transition = useTransition(id ?? '');
  const [note, setNote] = useState('');
  const move = async (status: FindingStatus) => {
    if (!finding) return;
    try {
      await transition.mutateAsync({ status, note, version: finding.version });
      setNote('');
      feedback.message.success(t('reconcile.moved', { status: FINDING_STATUSES[status] }));
    } catch (e) {
      feedback.message.error(isApiError(e) ? e.message : String(e));
    }
  };
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={finding ? RECONCILE_RULES[finding.rule] : ''}>
      {finding ? (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('reconcile.status')}>
              <Tag color={COLORS[finding.status]}>{FINDING_STATUSES[finding.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('reconcile.county')}>{finding.countyName}</Descriptions.Item>
            <Descriptions.Item label={t('reconcile.owner')}>{unitName(finding.ownerUnit)}</Descriptions.Item>
            <Descriptions.Item label={t('reconcile.employer')}>{finding.employerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('reconcile.subject')} span={2}>
              {finding.dataSetCode ? `${finding.dataSetCode} · ${finding.recordKey}` : finding.subjectKey}
            </Descriptions.Item>
            <Descriptions.Item label={t('reconcile.summary')} span={2}>
              {finding.summary}
            </Descriptions.Item>
          </Descriptions>
          <Timeline
            items={finding.notes.map((n) => ({
              color: COLORS[n.to],
              children: (
                <>
                  <div>
                    {formatDateTime(n.at)} · {n.username} · {n.from ? `${FINDING_STATUSES[n.from]} → ` : ''}
                    {FINDING_STATUSES[n.to]}
                  </div>
                  {n.note ? <div style={{ color: '#555' }}>{n.note}</div> : null}
                </>
              ),
            }))}
          />
          {finding.can.update ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                rows={3}
                maxLength={1000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder={t('reconcile.notePlaceholder')}
              />
              <Space>
                {NEXT[finding.status].map((s) => (
                  <Button
                    key={s}
                    type={s === 'resolved' ? 'primary' : 'default'}
                    loading={transition.isPending}
                    onClick={() => move(s)}
                  >
                    {t('reconcile.moveTo', { status: FINDING_STATUSES[s] })}
                  </Button>
                ))}
              </Space>
            </Space>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}

export default function ReconcilePage() {
  const { t } = useTranslation();
  const [rule, setRule] = useState<ReconcileRule>();
  const [status, setStatus] = useState<FindingStatus | undefined>('open');
  const [county, setCounty] = useState<string>();
  const [open, setOpen] = useState<string>();
  const findings = useFindings({ rule, status, countyCode: county });
  const columns: TableColumnsType<FindingView> = [
    { title: t('reconcile.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('reconcile.rule'), dataIndex: 'rule', width: 220, render: (r: ReconcileRule) => RECONCILE_RULES[r] },
    {
      title: t('reconcile.summary'),
      dataIndex: 'summary',
      render: (v: string, r) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setOpen(r.id)}
        >
          {v}
        </Button>
      ),
    },
    { title: t('reconcile.county'), dataIndex: 'countyName', width: 90 },
    { title: t('reconcile.owner'), dataIndex: 'ownerUnit', width: 110, render: unitName },
    {
      title: t('reconcile.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: FindingStatus) => <Tag color={COLORS[s]}>{FINDING_STATUSES[s]}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('reconcile.title')}
        subTitle={t('reconcile.hint')}
        extra={
          <>
            <Select
              allowClear
              placeholder={t('reconcile.rule')}
              style={{ width: 240 }}
              value={rule}
              onChange={setRule}
              options={(Object.keys(RECONCILE_RULES) as ReconcileRule[]).map((k) => ({
                value: k,
                label: RECONCILE_RULES[k],
              }))}
            />
            <Select
              allowClear
              placeholder={t('reconcile.status')}
              style={{ width: 120 }}
              value={status}
              onChange={setStatus}
              options={(Object.keys(FINDING_STATUSES) as FindingStatus[]).map((k) => ({
                value: k,
                label: FINDING_STATUSES[k],
              }))}
            />
            <Select
              allowClear
              placeholder={t('reconcile.county')}
              style={{ width: 130 }}
              value={county}
              onChange={setCounty}
              options={CURRENT_COUNTIES.map((c) => ({ value: c.code, label: c.name }))}
            />
          </>
        }
      />
      <KeysetTable<FindingView> rowKey="id" size="middle" columns={columns} source={findings} />
      <FindingDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
