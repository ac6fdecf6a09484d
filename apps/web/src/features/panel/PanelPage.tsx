import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  drawPanel,
  formatFen,
  PANEL_MEMBER_STATUSES,
  PANEL_PURPOSES,
  PANEL_STATUSES,
  type PanelMemberView,
  type PanelView,
} from '@yufang/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Modal,
  Result,
  Segmented,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { showApiError } from '../../api/errors';
import { useCan } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import {
  downloadRecord,
  points,
  usePanel,
  usePanelAction,
  usePanelOptions,
  usePanelRecord,
  useVerifyDraw,
} from './api';
import { STATUS_COLORS } from './PanelsPage';

const MEMBER_COLORS = { notified: 'blue', accepted: 'cyan', declined: 'default', scored: 'green' } as const;

/** The panel workspace: members by round, candidates with exclusions, verification, scores, conclusion, fees. */
export default function PanelPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const panel = usePanel(id);
  const record = usePanelRecord(id);
  const canDraw = useCan('panel.draw');
  const canSettle = useCan('panel.settle');
  const actions = usePanelAction(id ?? '');
  const verify = useVerifyDraw();
  const options = usePanelOptions();
  const [verdict, setVerdict] = useState<{ ok: boolean; local: boolean; server: boolean } | null>(null);
  const [filter, setFilter] = useState<'all' | 'eligible' | 'excluded'>('all');
  const [declining, setDeclining] = useState<PanelMemberView | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');

  if (panel.isLoading) return <Spin />;
  if (!panel.data) return <Result status="404" title={t('panel.notFound')} />;
  const p: PanelView = panel.data;
  const open = p.status !== 'concluded' && p.status !== 'cancelled';
  const names = new Map(p.members.map((m) => [m.expertId, m.name]));
  const signature = (xs: { expertId: string; round: number }[]) =>
    xs
      .map((x) => `${x.expertId}:${x.round}`)
      .sort()
      .join(',');

  const runVerify = async () => {
    if (!record.data) return;
    const rec = record.data;
    const local = await drawPanel({
      algorithm: rec.algorithm,
      seed: rec.seed,
      mix: rec.mix,
      candidates: rec.candidates,
      declines: rec.declines.map((d) => d.expertId),
    });
    verify.mutate(rec, {
      onSuccess: (out) => {
        const want = signature(p.members);
        const localOk = signature(local.members) === want;
        const serverOk = signature(out.members) === want && out.rankKeyMismatches.length === 0;
        setVerdict({ ok: localOk && serverOk, local: localOk, server: serverOk });
      },
      onError: showApiError,
    });
  };

  const memberColumns: TableColumnsType<PanelMemberView> = [
    {
      title: t('panel.round'),
      dataIndex: 'round',
      width: 80,
      render: (r: number) => (r === 0 ? t('panel.round0') : t('panel.roundN', { n: r })),
    },
    {
      title: t('panel.expert'),
      dataIndex: 'name',
      width: 150,
      render: (n: string, m) => (
        <>
          {n}
          {m.outlier ? (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('panel.outlier')}
            </Tag>
          ) : null}
          <div>
            <Typography.Text type="secondary">{m.title}</Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('panel.workUnit'), dataIndex: 'workUnit', width: 160, ellipsis: true },
    { title: t('panel.domain'), dataIndex: 'domainLabel', width: 100 },
    {
      title: t('panel.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: PanelMemberView['status']) => <Tag color={MEMBER_COLORS[s]}>{PANEL_MEMBER_STATUSES[s]}</Tag>,
    },
    {
      title: t('panel.replacesOrReason'),
      width: 180,
      render: (_: unknown, m) => (
        <>
          {m.replacesName ? <div>{t('panel.replaces', { name: m.replacesName })}</div> : null}
          {m.declineReason ? <Typography.Text type="secondary">{m.declineReason}</Typography.Text> : null}
        </>
      ),
    },
    { title: t('panel.total'), dataIndex: 'total', width: 90, render: (v: number | null) => points(v) },
    {
      title: t('panel.fee'),
      width: 110,
      render: (_: unknown, m) => (m.settledAt ? `${formatFen(m.feeFen ?? 0)} 元` : '—'),
    },
    ...(canDraw && open
      ? [
          {
            title: t('common.actions'),
            width: 120,
            render: (_: unknown, m: PanelMemberView) =>
              m.status === 'notified' || m.status === 'accepted' ? (
                <Button size="small" onClick={() => setDeclining(m)} data-testid={`panel-decline-${m.name}`}>
                  {t('panel.declineOnBehalf')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const candidates = (record.data?.candidates ?? []).filter((c) =>
    filter === 'all' ? true : filter === 'eligible' ? c.exclusion === null : c.exclusion !== null,
  );

  return (
    <>
      <PageHeader
        title={p.subject}
        subTitle={`${PANEL_PURPOSES[p.purpose]} · ${p.countyName}`}
        extra={
          <Space>
            <Button
              icon={<SafetyCertificateOutlined />}
              onClick={runVerify}
              loading={verify.isPending}
              data-testid="panel-verify"
            >
              {t('panel.verify')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => record.data && downloadRecord(record.data)}
              data-testid="panel-download"
            >
              {t('panel.download')}
            </Button>
          </Space>
        }
      />
      {verdict ? (
        <Alert
          data-testid="panel-verdict"
          style={{ marginBottom: 16 }}
          type={verdict.ok ? 'success' : 'error'}
          showIcon
          message={verdict.ok ? t('panel.verifyOk') : t('panel.verifyFail')}
          description={t('panel.verifyDetail', {
            local: verdict.local ? '✓' : '✗',
            server: verdict.server ? '✓' : '✗',
          })}
        />
      ) : null}
      <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('panel.status')}>
          <Tag color={STATUS_COLORS[p.status]}>{PANEL_STATUSES[p.status]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('panel.applicant')}>{p.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t('panel.implementer')}>{p.implementerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('panel.drawnOn')}>{p.drawnOn}</Descriptions.Item>
        <Descriptions.Item label={t('panel.drawnBy')}>
          {p.drawnByName}（{formatDateTime(p.drawnAt)}）
        </Descriptions.Item>
        <Descriptions.Item label={t('panel.mix')}>
          {p.mix.map((m) => `${m.domainLabel} ${m.count} 人`).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('panel.algorithm')}>{p.algorithm}</Descriptions.Item>
        <Descriptions.Item label={t('panel.seed')} span={2}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {p.seed}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('panel.algorithmNote')}</Typography.Paragraph>
      {p.shortfall.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('panel.shortfall', {
            list: p.shortfall.map((s) => `${s.domainLabel} ${s.missing} 人`).join('、'),
          })}
        />
      ) : null}
      <Card title={t('panel.members')} size="small" style={{ marginBottom: 16 }}>
        <Table<PanelMemberView>
          rowKey="id"
          size="small"
          pagination={false}
          columns={memberColumns}
          dataSource={p.members}
          scroll={{ x: 1090 }}
          data-testid="panel-members"
        />
      </Card>
      <Card title={t('panel.scoring')} size="small" style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <div>
            {t('panel.criteria')}：{p.criteria.map((c) => `${c.label}（权重 ${c.weight}，满分 ${c.max}）`).join('；')}；
            {t('panel.passMark')} {p.passMark}
          </div>
          <div>
            {t('panel.mean')}：{points(p.meanScore)}
          </div>
          {p.divergence.flagged ? (
            <Alert
              type="warning"
              showIcon
              data-testid="panel-divergence"
              message={t('panel.divergence', {
                spread: points(p.divergence.spread),
                threshold: p.divergence.thresholdPoints,
                names: p.members
                  .filter((m) => m.outlier)
                  .map((m) => m.name)
                  .join('、'),
              })}
            />
          ) : null}
          {p.status === 'concluded' ? (
            <Alert
              type={p.conclusion === 'pass' ? 'success' : 'error'}
              showIcon
              message={t('panel.concluded', {
                score: points(p.conclusionScore),
                conclusion: t(`panel.conclusions.${p.conclusion ?? 'fail'}`),
              })}
              description={p.conclusionNote}
            />
          ) : canDraw ? (
            <Flex gap={8}>
              <Input.TextArea
                rows={2}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder={t('panel.notePlaceholder')}
              />
              <Button
                type="primary"
                loading={actions.conclude.isPending}
                onClick={() =>
                  actions.conclude.mutate(
                    { note: note || null, version: p.version },
                    { onSuccess: () => feedback.message.success(t('common.saved')), onError: showApiError },
                  )
                }
              >
                {t('panel.conclude')}
              </Button>
            </Flex>
          ) : null}
          {p.status === 'concluded' && canSettle ? (
            <Flex gap={8} align="center">
              <Button
                disabled={p.settleable === 0}
                loading={actions.settle.isPending}
                data-testid="panel-settle"
                onClick={() =>
                  actions.settle.mutate(undefined, {
                    onSuccess: (r) =>
                      feedback.message.success(t('panel.settled', { n: r.settled, amount: formatFen(r.settledFen) })),
                    onError: showApiError,
                  })
                }
              >
                {t('panel.settle')}
              </Button>
              <span>{t('panel.settledTotal', { amount: formatFen(p.settledFen) })}</span>
            </Flex>
          ) : null}
        </Flex>
      </Card>
      <Card
        title={t('panel.candidates', { n: p.candidateCount, excluded: p.excludedCount })}
        size="small"
        extra={
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as typeof filter)}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'eligible', label: t('panel.eligible') },
              { value: 'excluded', label: t('panel.excluded') },
            ]}
          />
        }
      >
        <Table
          rowKey="expertId"
          size="small"
          data-testid="panel-candidates"
          pagination={{ pageSize: 20, showSizeChanger: false }}
          dataSource={candidates}
          columns={[
            { title: t('panel.expert'), dataIndex: 'name', width: 120 },
            {
              title: t('panel.domain'),
              dataIndex: 'domains',
              width: 200,
              render: (ds: string[]) =>
                ds.map((d) => <Tag key={d}>{options.data?.domains.find((x) => x.code === d)?.label ?? d}</Tag>),
            },
            {
              title: t('panel.rankKey'),
              dataIndex: 'rankKey',
              width: 160,
              render: (k: string) => <Typography.Text code>{k.slice(0, 16)}…</Typography.Text>,
            },
            {
              title: t('panel.exclusion'),
              dataIndex: 'exclusion',
              render: (e: string | null, c) =>
                e ? (
                  <Typography.Text type="danger">{e}</Typography.Text>
                ) : names.has(c.expertId) ? (
                  <Tag color="green">{t('panel.drawnTag')}</Tag>
                ) : (
                  <Typography.Text type="secondary">{t('panel.eligible')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!declining}
        title={t('panel.declineOnBehalf')}
        onCancel={() => setDeclining(null)}
        okButtonProps={{ loading: actions.decline.isPending, disabled: reason.trim().length < 2 }}
        onOk={() =>
          declining &&
          actions.decline.mutate(
            { memberId: declining.id, reason, version: declining.version },
            {
              onSuccess: () => {
                setDeclining(null);
                setReason('');
                record.refetch();
              },
              onError: showApiError,
            },
          )
        }
      >
        <p>{t('panel.declineHint', { name: declining?.name ?? '' })}</p>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="panel-decline-reason"
        />
      </Modal>
    </>
  );
}
