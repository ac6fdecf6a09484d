import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import type {
  InspectionEmployerResult,
  InspectionFindingView,
  InspectionTargetView,
  InspectionUnitResult,
} from '@yufang/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Skeleton,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText, showApiError } from '../../api/errors';
import { useCan } from '../../app/session';
import { Chart } from '../../components/charts/Chart';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { exportUrl, useInspection, usePlanStatus } from './api';
import { STATUS_COLORS } from './labels';
import { PlanDrawer } from './PlanDrawer';
import { VisitDrawer } from './VisitDrawer';

/** One plan: its facts, the employers with the visit form, the findings (hazards) and the results per unit. */
export default function InspectionDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useInspection(id);
  const status = usePlanStatus(id ?? '');
  const canPlan = useCan('inspection.plan');
  const [editing, setEditing] = useState(false);
  const [visiting, setVisiting] = useState<InspectionTargetView | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const p = query.data;
  const step = (action: 'start' | 'complete' | 'cancel', why?: string) =>
    status.mutate(
      { action, version: p.version, reason: why ?? null },
      {
        onSuccess: () => {
          feedback.message.success(t('common.saved'));
          setCancelling(false);
        },
        onError: showApiError,
      },
    );

  const targetColumns: TableColumnsType<InspectionTargetView> = [
    { title: t('inspection.employer'), dataIndex: 'employerName', width: 220, ellipsis: true },
    { title: t('inspection.county'), dataIndex: 'countyName', width: 90 },
    {
      title: t('inspection.targetStatus'),
      dataIndex: 'status',
      width: 90,
      render: (s: InspectionTargetView['status']) => (
        <Tag color={s === 'visited' ? 'green' : 'default'}>{t(`inspection.targetStatuses.${s}`)}</Tag>
      ),
    },
    { title: t('inspection.visitedOn'), dataIndex: 'visitedOn', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: t('inspection.result'),
      dataIndex: 'result',
      width: 90,
      render: (r: InspectionTargetView['result']) =>
        r ? <Tag color={r === 'pass' ? 'green' : 'red'}>{t(`inspection.results.${r}`)}</Tag> : '—',
    },
    { title: t('inspection.findings'), dataIndex: 'findings', width: 80 },
    {
      title: t('inspection.recordedBy'),
      dataIndex: 'recordedByName',
      width: 120,
      render: (n: string | null) => n ?? '—',
    },
    {
      title: t('common.actions'),
      width: 130,
      render: (_: unknown, target) =>
        p.can.record && target.status === 'pending' ? (
          <Button
            size="small"
            type="primary"
            onClick={() => setVisiting(target)}
            data-testid={`record-${target.employerId}`}
          >
            {t('inspection.record')}
          </Button>
        ) : null,
    },
  ];

  const findingColumns: TableColumnsType<InspectionFindingView> = [
    {
      title: t('inspection.hazardNo'),
      dataIndex: 'hazardNo',
      width: 150,
      render: (no: string, f) => <Link to={`/hazards/${f.hazardId}`}>{no}</Link>,
    },
    { title: t('inspection.employer'), dataIndex: 'employerName', width: 180, ellipsis: true },
    {
      title: t('inspection.items'),
      dataIndex: 'itemCode',
      width: 200,
      ellipsis: true,
      render: (code: string, f) => `${code} ${f.itemText}`,
    },
    { title: t('inspection.description'), dataIndex: 'description', width: 240, ellipsis: true },
    {
      title: t('inspection.level'),
      dataIndex: 'hazardLevel',
      width: 90,
      render: (l: InspectionFindingView['hazardLevel']) => (
        <Tag color={l === 'major' ? 'red' : 'default'}>{t(`hazard.levels.${l}`)}</Tag>
      ),
    },
    { title: t('inspection.foundBy'), dataIndex: 'unitName', width: 100 },
    { title: t('inspection.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('inspection.hazardStatus'),
      dataIndex: 'hazardStatus',
      width: 110,
      render: (s: InspectionFindingView['hazardStatus'], f) => (
        <Tag color={f.closed ? 'green' : 'orange'}>{t(`hazard.statuses.${s}`)}</Tag>
      ),
    },
  ];

  const unitColumns: TableColumnsType<InspectionUnitResult> = [
    {
      title: t('inspection.units'),
      dataIndex: 'unitName',
      render: (n: string, u) => (
        <>
          {n} {u.lead ? <Tag color="blue">{t('inspection.lead')}</Tag> : null}
        </>
      ),
    },
    { title: t('inspection.employersWithFindings'), dataIndex: 'employers', width: 140 },
    { title: t('inspection.findings'), dataIndex: 'findings', width: 100 },
    { title: t('inspection.closed'), dataIndex: 'closed', width: 90 },
    { title: t('inspection.open'), dataIndex: 'open', width: 90 },
  ];
  const employerColumns: TableColumnsType<InspectionEmployerResult> = [
    { title: t('inspection.employer'), dataIndex: 'employerName' },
    {
      title: t('inspection.result'),
      dataIndex: 'result',
      width: 90,
      render: (r: InspectionEmployerResult['result']) =>
        r ? <Tag color={r === 'pass' ? 'green' : 'red'}>{t(`inspection.results.${r}`)}</Tag> : '—',
    },
    { title: t('inspection.findings'), dataIndex: 'findings', width: 100 },
    { title: t('inspection.open'), dataIndex: 'open', width: 90 },
  ];
  const unitChart = {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 24, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: p.byUnit.map((u) => u.unitName) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('inspection.closed'),
        type: 'bar',
        stack: 'f',
        data: p.byUnit.map((u) => u.closed),
        itemStyle: { color: '#52c41a' },
      },
      {
        name: t('inspection.open'),
        type: 'bar',
        stack: 'f',
        data: p.byUnit.map((u) => u.open),
        itemStyle: { color: '#fa8c16' },
      },
    ],
  };

  return (
    <>
      <PageHeader
        title={
          <>
            {p.planNo} <Tag color={STATUS_COLORS[p.status]}>{t(`inspection.statuses.${p.status}`)}</Tag>
          </>
        }
        subTitle={p.title}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<DownloadOutlined />} href={exportUrl(p.id)}>
              {t('inspection.exportXlsx')}
            </Button>
            {p.can.edit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            {canPlan && p.status === 'planned' ? (
              <Popconfirm title={t('inspection.start')} onConfirm={() => step('start')}>
                <Button>{t('inspection.start')}</Button>
              </Popconfirm>
            ) : null}
            {canPlan && p.status === 'in_progress' ? (
              <Popconfirm title={t('inspection.complete')} onConfirm={() => step('complete')}>
                <Button type="primary">{t('inspection.complete')}</Button>
              </Popconfirm>
            ) : null}
            {p.can.edit ? (
              <Button danger onClick={() => setCancelling(true)}>
                {t('inspection.cancel')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('inspection.region')}>{p.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('inspection.leadUnit')}>{p.leadUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('inspection.units')}>
            {p.units.map((u) => u.name).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('inspection.period')}>
            {p.startOn} ~ {p.endOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('inspection.progress')}>
            <Flex gap={8} align="center" style={{ width: 220 }}>
              <Progress percent={p.total ? Math.round((p.visited / p.total) * 100) : 0} size="small" showInfo={false} />
              <span data-testid="plan-progress" style={{ whiteSpace: 'nowrap' }}>
                {p.visited}/{p.total}
              </span>
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('inspection.findings')}>{p.findings}</Descriptions.Item>
          {p.note ? (
            <Descriptions.Item label={t('inspection.note')} span={3}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p.note}</Typography.Text>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Tabs
        items={[
          {
            key: 'targets',
            label: `${t('inspection.tabs.targets')} (${p.targets.length})`,
            children: (
              <Table<InspectionTargetView>
                rowKey="id"
                size="middle"
                columns={targetColumns}
                dataSource={p.targets}
                pagination={false}
                scroll={{ x: 930 }}
              />
            ),
          },
          {
            key: 'findings',
            label: `${t('inspection.tabs.findings')} (${p.findingList.length})`,
            children: (
              <Table<InspectionFindingView>
                rowKey="id"
                size="middle"
                columns={findingColumns}
                dataSource={p.findingList}
                pagination={false}
                scroll={{ x: 1180 }}
                locale={{ emptyText: t('inspection.noFindings') }}
              />
            ),
          },
          {
            key: 'results',
            label: t('inspection.tabs.results'),
            children: (
              <Flex vertical gap={16}>
                <Card size="small" title={t('inspection.byUnit')}>
                  <Chart option={unitChart} height={240} label={t('inspection.byUnit')} />
                  <Table<InspectionUnitResult>
                    rowKey="unitCode"
                    size="small"
                    columns={unitColumns}
                    dataSource={p.byUnit}
                    pagination={false}
                  />
                </Card>
                <Card size="small" title={t('inspection.byEmployer')}>
                  <Table<InspectionEmployerResult>
                    rowKey="employerId"
                    size="small"
                    columns={employerColumns}
                    dataSource={p.byEmployer}
                    pagination={false}
                  />
                </Card>
              </Flex>
            ),
          },
        ]}
      />
      {editing ? (
        <PlanDrawer plan={p} open onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      ) : null}
      {visiting ? <VisitDrawer plan={p} target={visiting} onClose={() => setVisiting(null)} /> : null}
      <Modal
        open={cancelling}
        title={t('inspection.cancel')}
        onCancel={() => setCancelling(false)}
        onOk={() => step('cancel', reason)}
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0, loading: status.isPending }}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          placeholder={t('inspection.cancelReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
        />
      </Modal>
    </>
  );
}
