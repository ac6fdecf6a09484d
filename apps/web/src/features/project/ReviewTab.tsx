import { PANEL_MEMBER_STATUSES, type PanelMemberView, type ProjectView } from '@yufang/contracts';
import { Alert, Button, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { saveErrorHandler, showApiError } from '../../api/errors';
import { useCan } from '../../app/session';
import { points, usePanel, usePanelAction } from '../panel/api';
import { useProxyScore } from './api';

/** 专家评审: the review panel's members and scores, 代录评分 of paper sheets and the conclusion (bureau). */
export function ReviewTab({ project: p }: { project: ProjectView }) {
  const panelId = p.review?.panelId;
  const panel = usePanel(panelId);
  const canDraw = useCan('panel.draw');
  const conclude = usePanelAction(panelId ?? '').conclude;
  const proxy = useProxyScore(panelId ?? '', p.id);
  const [scoring, setScoring] = useState<PanelMemberView | null>(null);
  const [form] = Form.useForm<Record<string, number> & { note: string }>();
  if (!panelId) return <Alert type="info" showIcon message="资格审查通过后，由市人社局抽取评审专家" />;
  const v = panel.data;
  if (!v) return null;
  const open = v.status !== 'concluded' && v.status !== 'cancelled';
  return (
    <>
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="抽取记录">
          <Link to={`/panels/${v.id}`}>
            {v.drawnOn} 抽取（{v.algorithm}）
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label="平均分">{points(v.meanScore)}</Descriptions.Item>
        <Descriptions.Item label="结论">
          {v.conclusion ? (
            <Tag color={v.conclusion === 'pass' ? 'green' : 'red'}>
              {v.conclusion === 'pass' ? '通过' : '不通过'} {points(v.conclusionScore)}
            </Tag>
          ) : (
            '未出结论'
          )}
          {v.divergence.flagged ? <Tag color="orange">评分分歧</Tag> : null}
        </Descriptions.Item>
      </Descriptions>
      <Table<PanelMemberView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={v.members.filter((m) => m.status !== 'declined')}
        columns={[
          { title: '专家', dataIndex: 'name', width: 100 },
          { title: '领域', dataIndex: 'domainLabel', width: 100 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (s: PanelMemberView['status']) => PANEL_MEMBER_STATUSES[s],
          },
          {
            title: '得分',
            dataIndex: 'total',
            width: 90,
            render: (t: number | null, m) => (
              <>
                {points(t)}
                {m.outlier ? <Tag color="orange">偏离</Tag> : null}
              </>
            ),
          },
          {
            title: '操作',
            width: 120,
            render: (_: unknown, m) =>
              canDraw && open ? (
                <Button size="small" onClick={() => setScoring(m)} data-testid={`proxy-${m.id}`}>
                  代录评分
                </Button>
              ) : null,
          },
        ]}
      />
      {canDraw && open ? (
        <Space style={{ marginTop: 16 }}>
          <Button
            type="primary"
            data-testid="panel-conclude"
            onClick={() =>
              conclude.mutate(
                { note: v.divergence.flagged ? '评分分歧已由评审组长说明' : null, version: v.version },
                { onError: showApiError },
              )
            }
          >
            汇总评审结论
          </Button>
        </Space>
      ) : null}
      {scoring ? (
        <Modal
          open
          title={`代录评分：${scoring.name}`}
          onCancel={() => setScoring(null)}
          okButtonProps={{ 'data-testid': 'proxy-save', loading: proxy.isPending }}
          onOk={() => form.submit()}
          destroyOnHidden
        >
          <Form
            form={form}
            layout="vertical"
            initialValues={{ note: '纸质评分表，评审会现场签字确认' }}
            onFinish={({ note, ...scores }) =>
              proxy.mutate(
                { memberId: scoring.id, scores, note, version: scoring.version },
                { onSuccess: () => setScoring(null), onError: saveErrorHandler(form, null) },
              )
            }
          >
            {v.criteria.map((c) => (
              <Form.Item
                key={c.key}
                label={`${c.label}（权重 ${c.weight}，满分 ${c.max}）`}
                name={c.key}
                rules={[{ required: true, message: '请填写得分' }]}
              >
                <InputNumber min={0} max={c.max} step={0.5} />
              </Form.Item>
            ))}
            <Form.Item
              label="代录说明（评分表来源）"
              name="note"
              rules={[{ required: true, min: 4, message: '请填写代录说明' }]}
            >
              <Input />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </>
  );
}
