import { PANEL_MEMBER_STATUSES, PANEL_PURPOSES, type PanelAssignmentView } from '@yufang/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler, showApiError } from '../../api/errors';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { ReviewApplication } from '../project/ReviewApplication';
import { points, useAssignmentAction, useMyAssignments } from './api';

/** 我的评审任务: the expert's own assignments — accept or decline, then the scoring sheet. */
export default function MyAssignmentsPage() {
  const { t } = useTranslation();
  const list = useMyAssignments();
  const actions = useAssignmentAction();
  const [declining, setDeclining] = useState<PanelAssignmentView | null>(null);
  const [reason, setReason] = useState('');

  if (list.isLoading) return <Spin />;
  const items = list.data ?? [];
  return (
    <>
      <PageHeader title={t('panel.myTitle')} subTitle={t('panel.mySubtitle')} />
      {items.length === 0 ? <Empty description={t('panel.myEmpty')} /> : null}
      <Flex vertical gap={16}>
        {items.map((a) => (
          <Card
            key={a.member.id}
            data-testid={`assignment-${a.panel.id}`}
            title={
              <Space>
                {a.panel.subject}
                <Tag>{PANEL_PURPOSES[a.panel.purpose]}</Tag>
                <Tag
                  color={a.member.status === 'scored' ? 'green' : a.member.status === 'declined' ? 'default' : 'blue'}
                >
                  {PANEL_MEMBER_STATUSES[a.member.status]}
                </Tag>
              </Space>
            }
            extra={
              a.member.status === 'notified' && a.panel.status !== 'concluded' ? (
                <Space>
                  <Button
                    type="primary"
                    data-testid="assignment-accept"
                    loading={actions.accept.isPending}
                    onClick={() =>
                      actions.accept.mutate(
                        { memberId: a.member.id, version: a.member.version },
                        { onSuccess: () => feedback.message.success(t('panel.acceptedMsg')), onError: showApiError },
                      )
                    }
                  >
                    {t('panel.accept')}
                  </Button>
                  <Button data-testid="assignment-decline" onClick={() => setDeclining(a)}>
                    {t('panel.decline')}
                  </Button>
                </Space>
              ) : null
            }
          >
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('panel.county')}>{a.panel.countyName}</Descriptions.Item>
              <Descriptions.Item label={t('panel.applicant')}>{a.panel.applicantName}</Descriptions.Item>
              <Descriptions.Item label={t('panel.implementer')}>{a.panel.implementerName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('panel.drawnOn')}>{a.panel.drawnOn}</Descriptions.Item>
              <Descriptions.Item label={t('panel.domain')}>{a.member.domainLabel}</Descriptions.Item>
              {a.member.declineReason ? (
                <Descriptions.Item label={t('panel.declineReason')}>{a.member.declineReason}</Descriptions.Item>
              ) : null}
            </Descriptions>
            {a.panel.purpose === 'review' ? <ReviewApplication memberId={a.member.id} /> : null}
            {a.member.status === 'accepted' || a.member.status === 'scored' ? <ScoreSheet a={a} /> : null}
          </Card>
        ))}
      </Flex>
      <Modal
        open={!!declining}
        title={t('panel.decline')}
        onCancel={() => setDeclining(null)}
        okButtonProps={
          {
            loading: actions.decline.isPending,
            disabled: reason.trim().length < 2,
            'data-testid': 'assignment-decline-ok',
          } as never
        }
        onOk={() =>
          declining &&
          actions.decline.mutate(
            { memberId: declining.member.id, reason, version: declining.member.version },
            {
              onSuccess: () => {
                setDeclining(null);
                setReason('');
                feedback.message.success(t('panel.declinedMsg'));
              },
              onError: showApiError,
            },
          )
        }
      >
        <p>{t('panel.declineOwnHint')}</p>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="assignment-decline-reason"
        />
      </Modal>
    </>
  );
}

/** The scoring sheet: every criterion 0..max (half points), the weighted total shown as the server computes it. */
function ScoreSheet({ a }: { a: PanelAssignmentView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ scores: Record<string, number>; comment?: string }>();
  const { score } = useAssignmentAction();
  const locked = a.panel.status === 'concluded';
  const values = Form.useWatch('scores', form) ?? {};
  // preview: Σ points/max × weight (the stored total is computed exactly on the server)
  const preview = a.panel.criteria.reduce((sum, c) => sum + ((values[c.key] ?? 0) / c.max) * c.weight, 0);
  return (
    <Card type="inner" size="small" title={t('panel.sheet')} style={{ marginTop: 12 }} data-testid="score-sheet">
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 10 }}
        disabled={locked}
        initialValues={{ scores: a.member.scores ?? {}, comment: a.member.comment ?? undefined }}
        onFinish={(v) =>
          score.mutate(
            { memberId: a.member.id, scores: v.scores, comment: v.comment || null, version: a.member.version },
            { onSuccess: () => feedback.message.success(t('panel.scoredMsg')), onError: saveErrorHandler(form, null) },
          )
        }
      >
        {a.panel.criteria.map((c) => (
          <Form.Item
            key={c.key}
            name={['scores', c.key]}
            label={`${c.label}（权重 ${c.weight}，满分 ${c.max}）`}
            rules={[{ required: true, message: t('panel.scoreRequired', { label: c.label }) }]}
          >
            <InputNumber min={0} max={c.max} step={0.5} data-testid={`score-${c.key}`} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('panel.comment')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Flex justify="space-between" align="center">
          <Typography.Text>
            {t('panel.preview')}：<b>{preview.toFixed(2)}</b>
            {a.member.total !== null ? `　${t('panel.saved')}：${points(a.member.total)}` : ''}
          </Typography.Text>
          {locked ? (
            <Alert type="info" message={t('panel.locked')} />
          ) : (
            <Button type="primary" htmlType="submit" loading={score.isPending} data-testid="score-submit">
              {t('panel.submitScores')}
            </Button>
          )}
        </Flex>
      </Form>
    </Card>
  );
}
