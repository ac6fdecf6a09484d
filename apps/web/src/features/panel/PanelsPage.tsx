import { PlusOutlined } from '@ant-design/icons';
import { PANEL_PURPOSES, PANEL_STATUSES, type PanelListItem } from '@yufang/contracts';
import { Button, Form, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { usePanels } from './api';
import { DrawDrawer } from './DrawDrawer';

export const STATUS_COLORS = { drawn: 'blue', scoring: 'orange', concluded: 'green', cancelled: 'default' } as const;

/** 专家抽取: the panels in the caller's scope, newest first. */
export default function PanelsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = { status: params.get('status') ?? undefined, purpose: params.get('purpose') ?? undefined };
  const panels = usePanels(filters);
  const canDraw = useCan('panel.draw');
  const [drawing, setDrawing] = useState(false);

  const columns: TableColumnsType<PanelListItem> = [
    {
      title: t('panel.subject'),
      dataIndex: 'subject',
      width: 260,
      render: (s: string, p) => (
        <Link to={`/panels/${p.id}`}>
          {s}
          {p.demo ? <Tag style={{ marginLeft: 6 }}>{t('panel.demo')}</Tag> : null}
        </Link>
      ),
    },
    {
      title: t('panel.purpose'),
      dataIndex: 'purpose',
      width: 90,
      render: (p: keyof typeof PANEL_PURPOSES) => PANEL_PURPOSES[p],
    },
    { title: t('panel.county'), dataIndex: 'countyName', width: 90 },
    { title: t('panel.applicant'), dataIndex: 'applicantName', width: 200, ellipsis: true },
    { title: t('panel.drawnOn'), dataIndex: 'drawnOn', width: 110 },
    {
      title: t('panel.progress'),
      width: 170,
      render: (_: unknown, p) =>
        t('panel.progressText', { members: p.memberCount, accepted: p.accepted, scored: p.scored }),
    },
    {
      title: t('panel.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: PanelListItem['status'], p) => (
        <>
          <Tag color={STATUS_COLORS[s]}>{PANEL_STATUSES[s]}</Tag>
          {p.conclusion ? (
            <Tag color={p.conclusion === 'pass' ? 'green' : 'red'}>{t(`panel.conclusions.${p.conclusion}`)}</Tag>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('panel.title')}
        subTitle={t('panel.subtitle')}
        extra={
          canDraw ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawing(true)} data-testid="panel-new">
              {t('panel.newDraw')}
            </Button>
          ) : null
        }
      />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('panel.status')}>
          <Select
            allowClear
            value={filters.status}
            placeholder={t('common.all')}
            style={{ width: 120 }}
            onChange={(v) => setParams(v ? { ...Object.fromEntries(params), status: v } : {}, { replace: true })}
            options={Object.entries(PANEL_STATUSES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Form>
      <KeysetTable<PanelListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        source={panels}
        scroll={{ x: 1000 }}
        empty={<Typography.Text type="secondary">{t('panel.empty')}</Typography.Text>}
      />
      {drawing ? (
        <DrawDrawer
          onClose={() => setDrawing(false)}
          onDrawn={(p) => {
            setDrawing(false);
            navigate(`/panels/${p.id}`);
          }}
        />
      ) : null}
    </>
  );
}
