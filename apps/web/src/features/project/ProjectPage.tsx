import { UploadOutlined } from '@ant-design/icons';
import { COMPARATORS, formatFen, type ProjectAction, type ProjectView } from '@yufang/contracts';
import { Alert, Button, Descriptions, Space, Spin, Table, Tabs, type TabsProps, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { showApiError } from '../../api/errors';
import { useCan, useSession } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { type ProjectStep, useAttach, useProject, useProjectStep } from './api';
import { deliveryTabs } from './delivery';
import { ReviewTab } from './ReviewTab';
import { StepDrawer } from './StepDrawer';

const yuan = (f: number | null) => (f === null ? '—' : `${formatFen(f)} 元`);

/** The steps this page offers for an action of the transition table, and the permission each needs. */
const STEPS: Partial<
  Record<
    ProjectAction,
    { step: ProjectStep; permission: 'project.apply' | 'project.manage' | 'project.approve'; drawer: boolean }
  >
> = {
  submit: { step: 'submit', permission: 'project.apply', drawer: false },
  checkEligible: { step: 'eligibility', permission: 'project.manage', drawer: false },
  startReview: { step: 'review', permission: 'project.manage', drawer: true },
  approve: { step: 'approve', permission: 'project.approve', drawer: true },
  reject: { step: 'reject', permission: 'project.approve', drawer: true },
  startProcurement: { step: 'procurement', permission: 'project.manage', drawer: true },
  signContract: { step: 'contract', permission: 'project.manage', drawer: true },
};
const LABELS: Partial<Record<ProjectStep, string>> = { eligibility: '资格审查', implementer: '选定实施单位' };

/** The project workspace: application, eligibility, review, approval, procurement and contract, then delivery tabs. */
export default function ProjectPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const project = useProject(id);
  const step = useProjectStep(id ?? '');
  const [drawer, setDrawer] = useState<ProjectStep | null>(null);
  const perms = {
    'project.apply': useCan('project.apply'),
    'project.manage': useCan('project.manage'),
    'project.approve': useCan('project.approve'),
  };
  const p = project.data;
  if (!p) return <Spin />;

  const buttons = p.nextActions.flatMap(({ action, label }) => {
    const s = STEPS[action as ProjectAction];
    return s && perms[s.permission] ? [{ ...s, label: LABELS[s.step] ?? label }] : [];
  });
  if (p.status === 'procuring' && perms['project.manage']) {
    buttons.unshift({ step: 'implementer', permission: 'project.manage', drawer: true, label: '选定实施单位' });
  }
  const run = (s: ProjectStep, drawerStep: boolean) =>
    drawerStep ? setDrawer(s) : step.mutate({ step: s, body: { version: p.version } }, { onError: showApiError });

  const items: TabsProps['items'] = [
    { key: 'application', label: t('project.tabApplication'), children: <Application p={p} /> },
    { key: 'eligibility', label: t('project.tabEligibility'), children: <Eligibility p={p} /> },
    { key: 'review', label: t('project.tabReview'), children: <ReviewTab project={p} /> },
    {
      key: 'approval',
      label: t('project.tabApproval'),
      children: (
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="立项金额">{yuan(p.approvedFen)}</Descriptions.Item>
          <Descriptions.Item label="立项时间">{formatDateTime(p.approvedAt)}</Descriptions.Item>
          <Descriptions.Item label="立项意见">{p.approvalNote ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="公示">
            {p.publishedAt ? `已公示（${formatDateTime(p.publishedAt)}）` : '未公示'}
          </Descriptions.Item>
          <Descriptions.Item label="不予立项 / 不通过理由" span={2}>
            {p.rejectReason ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      ),
    },
    {
      key: 'contract',
      label: t('project.tabContract'),
      children: (
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label="采购方式">{p.procurementRouteLabel ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="理由">{p.procurementReason ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="实施单位">{p.implementerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="选定理由">{p.selectionReason ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="合同编号">{p.contractNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="合同金额">{yuan(p.contractFen)}</Descriptions.Item>
          <Descriptions.Item label="签订 / 截止">
            {p.contractSignedOn ? `${p.contractSignedOn} 至 ${p.endsOn}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="预付款比例">
            {p.prepaymentPct === null ? '—' : `${p.prepaymentPct}%`}
          </Descriptions.Item>
          <Descriptions.Item label="交付成果" span={2}>
            {(p.deliverables ?? []).map((d) => `${d.name} ${d.quantity}${d.unit}`).join('；') || '—'}
          </Descriptions.Item>
        </Descriptions>
      ),
    },
    ...deliveryTabs({ projectId: p.id, status: p.status, version: p.version }),
  ];

  return (
    <>
      <PageHeader
        title={`${p.code ?? '（草稿）'} ${p.title}`}
        subTitle={`${p.applicantName}（${p.applicantKindLabel}）· ${p.countyName} · ${p.callTitle}`}
        extra={
          <Space wrap>
            <Tag color="blue" data-testid="project-status">
              {p.statusLabel}
            </Tag>
            {buttons.map((b) => (
              <Button
                key={b.step}
                type="primary"
                loading={step.isPending && !b.drawer}
                onClick={() => run(b.step, b.drawer)}
                data-testid={`step-${b.step}`}
              >
                {b.label}
              </Button>
            ))}
          </Space>
        }
      />
      <Tabs items={items} />
      {drawer ? <StepDrawer project={p} step={drawer} onClose={() => setDrawer(null)} /> : null}
    </>
  );
}

function Application({ p }: { p: ProjectView }) {
  const me = useSession();
  const attach = useAttach(p.id, me.csrfToken);
  const canAttach = useCan('project.apply') && (p.status === 'draft' || p.status === 'submitted');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions column={3} size="small" bordered>
        <Descriptions.Item label="类型">{p.typeLabel}</Descriptions.Item>
        <Descriptions.Item label="申请金额">{yuan(p.requestedFen)}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{formatDateTime(p.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="项目内容" span={3}>
          {p.content}
        </Descriptions.Item>
        <Descriptions.Item label="目标人群" span={3}>
          {p.targetGroups.map((g) => `${g.group} ${g.count} 人`).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label="实施进度" span={3}>
          {p.schedule.map((m) => `${m.name}（${m.dueOn}）`).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label="预算明细" span={3}>
          {p.budgetLines.map((b) => `${b.item} ${formatFen(b.amountFen)} 元`).join('；')}
        </Descriptions.Item>
        <Descriptions.Item label="绩效指标" span={3}>
          {p.targets.map((x) => `${x.label} ${COMPARATORS[x.comparator]} ${x.value}${x.unit}`).join('；')}
        </Descriptions.Item>
      </Descriptions>
      {canAttach && (
        <Upload
          accept=".jpg,.jpeg,.png,.pdf,.docx"
          showUploadList={false}
          beforeUpload={(file) => {
            attach.mutate(file, {
              onSuccess: () => feedback.message.success(`已上传“${file.name}”`),
              onError: showApiError,
            });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={attach.isPending} data-testid="application-attach">
            上传申报材料（PDF、Word 或图片；同名文件为新版本）
          </Button>
        </Upload>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.documents}
        locale={{ emptyText: '暂无申报材料' }}
        columns={[
          {
            title: '申报材料',
            dataIndex: 'name',
            render: (n: string, d) => (
              <a href={`/api/v1/projects/${p.id}/documents/${d.id}`} target="_blank" rel="noreferrer">
                {n}
              </a>
            ),
          },
          { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
          { title: '上传', dataIndex: 'uploadedByName', width: 160 },
          { title: '时间', dataIndex: 'uploadedAt', width: 180, render: formatDateTime },
        ]}
      />
    </Space>
  );
}

function Eligibility({ p }: { p: ProjectView }) {
  if (!p.eligibility) return <Alert type="info" showIcon message="提交申报后由市人社局进行资格审查" />;
  return (
    <Table
      rowKey="rule"
      size="small"
      pagination={false}
      dataSource={p.eligibility}
      columns={[
        {
          title: '结果',
          dataIndex: 'ok',
          width: 90,
          render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{ok ? '符合' : '不符合'}</Tag>,
        },
        { title: '理由', dataIndex: 'reason' },
      ]}
    />
  );
}
