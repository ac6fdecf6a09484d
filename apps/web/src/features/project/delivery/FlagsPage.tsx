import type { FlagView } from '@yufang/contracts';
import { Alert, Button, Form, Input, Modal, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { saveErrorHandler } from '../../../api/errors';
import { formatDateTime } from '../../../components/datetime';
import { feedback } from '../../../components/feedback';
import { KeysetTable } from '../../../components/KeysetTable';
import { PageHeader } from '../../../components/PageHeader';
import { useFlags, useReviewFlag } from './api';

const STATUS_COLORS = { open: 'red', cleared: 'default', confirmed: 'volcano' } as const;

function ReviewModal({
  flag,
  decision,
  onClose,
}: {
  flag: FlagView;
  decision: 'clear' | 'confirm';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const review = useReviewFlag();
  return (
    <Modal
      open
      title={`${t('projectDelivery.reviewTitle')}：${flag.ruleLabel}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={review.isPending}
      okButtonProps={{
        danger: decision === 'confirm',
        ...({ 'data-testid': 'flag-review-ok' } as Record<string, string>),
      }}
      okText={decision === 'confirm' ? t('projectDelivery.confirmFlag') : t('projectDelivery.clearFlag')}
      destroyOnHidden
    >
      <Typography.Paragraph>{flag.detail}</Typography.Paragraph>
      {decision === 'confirm' ? (
        <Alert type="warning" showIcon message={t('projectDelivery.confirmWarning')} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          review.mutate(
            { id: flag.id, version: flag.version, decision, note: v.note },
            {
              onSuccess: () => {
                feedback.message.success(t('projectDelivery.saved'));
                onClose();
              },
              onError: saveErrorHandler(form, null),
            },
          )
        }
      >
        <Form.Item label={t('projectDelivery.reviewNote')} name="note" rules={[{ required: true, min: 4 }]}>
          <Input.TextArea rows={3} data-testid="flag-review-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 疑点复核: flags raised by the fraud rules in the caller's scope, cleared with a note or confirmed (bars the implementer). */
export default function FlagsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? 'open') as FlagView['status'] | 'all';
  const flags = useFlags({ status: status === 'all' ? undefined : status });
  const [reviewing, setReviewing] = useState<{ flag: FlagView; decision: 'clear' | 'confirm' } | null>(null);
  const columns: TableColumnsType<FlagView> = [
    {
      title: t('projectDelivery.project'),
      width: 240,
      render: (_: unknown, f) => (
        <Link to={`/projects/${f.projectId}`}>{`${f.projectCode ?? ''} ${f.projectTitle}`}</Link>
      ),
    },
    {
      title: t('projectDelivery.implementer'),
      dataIndex: 'implementerName',
      width: 180,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('projectDelivery.flagRule'), dataIndex: 'ruleLabel', width: 170 },
    { title: t('projectDelivery.flagDetail'), dataIndex: 'detail' },
    { title: t('projectDelivery.createdAt'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
    {
      title: t('projectDelivery.flagStatus'),
      dataIndex: 'status',
      width: 200,
      render: (s: FlagView['status'], f) =>
        s === 'open' ? (
          <>
            <Button size="small" onClick={() => setReviewing({ flag: f, decision: 'clear' })} data-testid="flag-clear">
              {t('projectDelivery.clearFlag')}
            </Button>{' '}
            <Button
              size="small"
              danger
              onClick={() => setReviewing({ flag: f, decision: 'confirm' })}
              data-testid="flag-confirm"
            >
              {t('projectDelivery.confirmFlag')}
            </Button>
          </>
        ) : (
          <>
            <Tag color={STATUS_COLORS[s]}>{t(`projectDelivery.flagStatuses.${s}`)}</Tag>
            <Typography.Text type="secondary">{f.reviewNote}</Typography.Text>
          </>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t('projectDelivery.flagsTitle')} subTitle={t('projectDelivery.flagsSubTitle')} />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('projectDelivery.flagStatus')}>
          <Select
            value={status}
            style={{ width: 140 }}
            onChange={(v) => setParams({ status: v }, { replace: true })}
            options={[
              ...(['open', 'cleared', 'confirmed'] as const).map((s) => ({
                value: s,
                label: t(`projectDelivery.flagStatuses.${s}`),
              })),
              { value: 'all', label: t('projectDelivery.all') },
            ]}
          />
        </Form.Item>
      </Form>
      <KeysetTable<FlagView>
        rowKey="id"
        size="middle"
        columns={columns}
        source={flags}
        scroll={{ x: 1100 }}
        empty={<Typography.Text type="secondary">{t('projectDelivery.noFlags')}</Typography.Text>}
      />
      {reviewing ? <ReviewModal {...reviewing} onClose={() => setReviewing(null)} /> : null}
    </>
  );
}
