import type { AcceptanceView, DeliveryView, ProjectStatus, ReportView } from '@yufang/contracts';
import { Alert, Button, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { showApiError } from '../../../api/errors';
import { formatDateTime } from '../../../components/datetime';
import { ActionDrawer, type DrawerKind } from './ActionDrawers';
import { useDeliveryAction } from './api';
import { PayButton } from './PaymentsTab';
import { ReportDrawer } from './ReportDrawer';

const MILESTONE_COLORS = { reported: 'green', pending: 'default', due_soon: 'orange', overdue: 'red' } as const;
const OUTCOME_COLORS = { pending: 'blue', passed: 'green', failed: 'red' } as const;
const TERMINABLE: ProjectStatus[] = ['contracted', 'prepaid', 'in_progress', 'acceptance_failed', 'rectifying'];

function Step({ view, action, label, testId }: { view: DeliveryView; action: string; label: string; testId: string }) {
  const run = useDeliveryAction(view.projectId, action);
  return (
    <Button
      loading={run.isPending}
      onClick={() => run.mutate({ version: view.version }, { onError: showApiError })}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}

function ReportCard({ r }: { r: ReportView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={`${r.milestoneName ?? ''} ${formatDateTime(r.submittedAt)} · ${r.submittedByName}`}>
      <Typography.Paragraph>{r.summary}</Typography.Paragraph>
      {r.sessionOn ? (
        <Typography.Paragraph type="secondary">
          {r.sessionOn} · {r.venue} · {t('projectDelivery.venueCapacity')} {r.venueCapacity} ·{' '}
          {t('projectDelivery.attendees', { n: r.attendees })}
          {r.notInsured ? (
            <Tag color="red" style={{ marginLeft: 8 }} data-testid="not-insured-tag">
              {t('projectDelivery.notInsured', { n: r.notInsured })}
            </Tag>
          ) : null}
        </Typography.Paragraph>
      ) : null}
      {r.attendance.length ? (
        <Table
          rowKey="id"
          size="small"
          pagination={r.attendance.length > 10 ? { pageSize: 10 } : false}
          dataSource={r.attendance}
          columns={[
            { title: t('projectDelivery.name'), dataIndex: 'name', width: 100 },
            { title: t('projectDelivery.idMasked'), dataIndex: 'idMasked', width: 180 },
            {
              title: t('projectDelivery.employer'),
              dataIndex: 'employerName',
              render: (v: string | null, a) => v ?? a.employerUscc,
            },
            {
              title: t('projectDelivery.insured'),
              dataIndex: 'flag',
              width: 160,
              render: (f: string | null) =>
                f ? <Tag color="red">{f}</Tag> : <Tag color="green">{t('projectDelivery.insuredOk')}</Tag>,
            },
          ]}
        />
      ) : null}
      {r.documents.length ? (
        <Typography.Text type="secondary">
          {t('projectDelivery.evidence')}：{r.documents.map((d) => `${d.name}（v${d.version}）`).join('、')}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

function AcceptanceCard({ a }: { a: AcceptanceView }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <>
          {t('projectDelivery.round', { n: a.round })}{' '}
          <Tag color={OUTCOME_COLORS[a.outcome]}>{t(`projectDelivery.outcome.${a.outcome}`)}</Tag>
        </>
      }
      extra={a.panelId ? <Link to={`/panels/${a.panelId}`}>{t('projectDelivery.openPanel')}</Link> : null}
    >
      {a.outcome === 'pending' && a.panelId ? (
        <Typography.Text type="secondary">{t('projectDelivery.panelPending')}</Typography.Text>
      ) : null}
      {a.score !== null ? (
        <Typography.Paragraph>
          {t('projectDelivery.panelScore')}：{(a.score / 100).toFixed(2)}
        </Typography.Paragraph>
      ) : null}
      {a.delivered.length ? (
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={a.delivered}
          columns={[
            { title: t('projectDelivery.target'), dataIndex: 'label' },
            { title: t('projectDelivery.target'), render: (_: unknown, d) => `${d.comparator} ${d.target}${d.unit}` },
            { title: t('projectDelivery.delivered'), render: (_: unknown, d) => `${d.delivered}${d.unit}` },
            {
              title: t('projectDelivery.met'),
              dataIndex: 'met',
              render: (m: boolean) => (
                <Tag color={m ? 'green' : 'red'}>{m ? t('projectDelivery.met') : t('projectDelivery.notMet')}</Tag>
              ),
            },
          ]}
        />
      ) : null}
      {a.note ? <Typography.Paragraph style={{ marginTop: 8 }}>{a.note}</Typography.Paragraph> : null}
    </Card>
  );
}

/** 实施与验收: the next steps for the caller, milestones, reports, checks, acceptance rounds and flags. */
export function DeliveryTab({ view }: { view: DeliveryView }) {
  const { t } = useTranslation();
  const [drawer, setDrawer] = useState<DrawerKind | 'report' | null>(null);
  const s = view.status;
  const pending = view.acceptances.find((a) => a.outcome === 'pending');
  const buttons: ReactNode[] = [];
  const open = (kind: DrawerKind | 'report', label: string) => (
    <Button key={kind} onClick={() => setDrawer(kind)} data-testid={`delivery-${kind}`}>
      {label}
    </Button>
  );
  if (view.can.pay && s === 'contracted') buttons.push(<PayButton key="prepay" view={view} kind="prepayment" />);
  if (view.can.pay && s === 'accepted') buttons.push(<PayButton key="balance" view={view} kind="balance" />);
  if ((view.can.report || view.can.manage) && s === 'prepaid')
    buttons.push(
      <Step key="start" view={view} action="start" label={t('projectDelivery.start')} testId="delivery-start" />,
    );
  if (view.can.report && (s === 'in_progress' || s === 'rectifying')) {
    buttons.push(open('report', t('projectDelivery.report')));
    buttons.push(
      <Step
        key="req"
        view={view}
        action="acceptance/request"
        label={t('projectDelivery.requestAcceptance')}
        testId="delivery-request"
      />,
    );
  }
  if (view.can.manage) {
    if (s === 'acceptance_requested' && pending && !pending.panelId)
      buttons.push(open('panel', t('projectDelivery.drawPanel')));
    if (s === 'acceptance_requested' && pending?.panelId) buttons.push(open('decide', t('projectDelivery.decide')));
    if (s === 'acceptance_failed') buttons.push(open('rectify', t('projectDelivery.rectify')));
    if (['prepaid', 'in_progress', 'acceptance_requested', 'acceptance_failed', 'rectifying'].includes(s))
      buttons.push(open('check', t('projectDelivery.check')));
    if (TERMINABLE.includes(s)) buttons.push(open('terminate', t('projectDelivery.terminate')));
    if (s === 'balance_paid' || s === 'terminated')
      buttons.push(
        <Step key="close" view={view} action="close" label={t('projectDelivery.close')} testId="delivery-close" />,
      );
  }
  const overdue = view.milestones.filter((m) => m.state === 'overdue');
  return (
    <Flex vertical gap={16}>
      {buttons.length ? (
        <Flex gap={8} wrap>
          {buttons}
        </Flex>
      ) : null}
      {overdue.length ? (
        <Alert
          type="error"
          showIcon
          message={`${t('projectDelivery.milestoneStates.overdue')}：${overdue.map((m) => `${m.name}（${m.dueOn}）`).join('、')}`}
        />
      ) : null}
      {view.rectifyBy && s === 'rectifying' ? (
        <Alert type="warning" showIcon message={`${t('projectDelivery.rectifyBy')}：${view.rectifyBy}`} />
      ) : null}
      <Descriptions title={t('projectDelivery.milestones')} size="small" column={3}>
        {view.milestones.map((m) => (
          <Descriptions.Item key={m.key} label={m.name}>
            {m.dueOn}{' '}
            <Tag color={MILESTONE_COLORS[m.state]} style={{ marginLeft: 6 }}>
              {t(`projectDelivery.milestoneStates.${m.state}`)}
            </Tag>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {view.flags.length ? (
        <Card size="small" title={t('projectDelivery.flags')}>
          {view.flags.map((f) => (
            <div key={f.id}>
              <Tag color={f.status === 'open' ? 'red' : f.status === 'confirmed' ? 'volcano' : 'default'}>
                {t(`projectDelivery.flagStatuses.${f.status}`)}
              </Tag>
              {f.ruleLabel}：{f.detail}
            </div>
          ))}
        </Card>
      ) : null}
      <Typography.Title level={5}>{t('projectDelivery.reports')}</Typography.Title>
      {view.reports.length ? (
        view.reports.map((r) => <ReportCard key={r.id} r={r} />)
      ) : (
        <Empty description={t('projectDelivery.noReports')} />
      )}
      <Typography.Title level={5}>{t('projectDelivery.checks')}</Typography.Title>
      {view.checks.length ? (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={view.checks}
          columns={[
            { title: t('projectDelivery.checkedOn'), dataIndex: 'checkedOn', width: 110 },
            {
              title: t('projectDelivery.result'),
              dataIndex: 'result',
              width: 110,
              render: (r: string) =>
                r === 'ok' ? (
                  t('projectDelivery.resultOk')
                ) : (
                  <Tag color="orange">{t('projectDelivery.resultIssues')}</Tag>
                ),
            },
            { title: t('projectDelivery.findings'), dataIndex: 'findings' },
            { title: t('projectDelivery.followUp'), dataIndex: 'followUp', render: (v: string | null) => v ?? '—' },
          ]}
        />
      ) : (
        <Empty description={t('projectDelivery.noChecks')} />
      )}
      <Typography.Title level={5}>{t('projectDelivery.acceptances')}</Typography.Title>
      {view.acceptances.length ? (
        view.acceptances.map((a) => <AcceptanceCard key={a.id} a={a} />)
      ) : (
        <Empty description={t('projectDelivery.noAcceptances')} />
      )}
      {drawer === 'report' ? <ReportDrawer view={view} onClose={() => setDrawer(null)} /> : null}
      {drawer && drawer !== 'report' ? (
        <ActionDrawer kind={drawer} view={view} onClose={() => setDrawer(null)} />
      ) : null}
    </Flex>
  );
}
