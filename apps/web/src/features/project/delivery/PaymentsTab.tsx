import { type DeliveryView, formatFen, type PaymentResult, type ProjectPaymentView } from '@yufang/contracts';
import { Button, Descriptions, Flex, Modal, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../api/errors';
import { formatDateTime } from '../../../components/datetime';
import { feedback } from '../../../components/feedback';
import { useDeliveryAction } from './api';

/**
 * The payment dialog: its idempotency key is generated once when it opens, so a double click (or a retry after a
 * lost answer) sends the same key and the server posts the payment once.
 */
export function PayButton({ view, kind }: { view: DeliveryView; kind: 'prepayment' | 'balance' }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string | null>(null);
  const pay = useDeliveryAction<PaymentResult>(view.projectId, kind);
  const amount = kind === 'prepayment' ? view.prepaymentDueFen : view.balanceDueFen;
  const submit = () => {
    if (!key) return;
    pay.mutate(
      { version: view.version, idempotencyKey: key },
      {
        onSuccess: (r) => {
          feedback.message.success(r.replayed ? t('projectDelivery.payReplayed') : t('projectDelivery.paid'));
          setKey(null);
        },
        onError: showApiError,
      },
    );
  };
  return (
    <>
      <Button type="primary" onClick={() => setKey(crypto.randomUUID())} data-testid={`pay-${kind}`}>
        {t(kind === 'prepayment' ? 'projectDelivery.prepay' : 'projectDelivery.payBalance')}
      </Button>
      <Modal
        open={key !== null}
        title={t('projectDelivery.payTitle')}
        onCancel={() => setKey(null)}
        onOk={submit}
        okButtonProps={{ 'data-testid': 'pay-confirm' } as Record<string, string>}
        destroyOnHidden
      >
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('projectDelivery.payAmount')}>
            {amount === null ? '—' : `${formatFen(amount)} 元`}
          </Descriptions.Item>
          <Descriptions.Item label={t('projectDelivery.contract')}>
            {view.contractFen === null ? '—' : `${formatFen(view.contractFen)} 元`}
            {kind === 'prepayment' && view.prepaymentPct !== null ? ` × ${view.prepaymentPct}%` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('projectDelivery.payKey')}>{key}</Descriptions.Item>
        </Descriptions>
      </Modal>
    </>
  );
}

export function PaymentsTab({ view }: { view: DeliveryView }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ProjectPaymentView> = [
    { title: t('projectDelivery.kind'), dataIndex: 'kindLabel', width: 90 },
    {
      title: t('projectDelivery.amount'),
      dataIndex: 'amountFen',
      width: 140,
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    { title: t('projectDelivery.basis'), dataIndex: 'basis' },
    { title: t('projectDelivery.postedAt'), dataIndex: 'postedAt', width: 170, render: formatDateTime },
    { title: t('projectDelivery.postedBy'), dataIndex: 'postedByName', width: 110 },
    { title: t('projectDelivery.voucher'), dataIndex: 'voucherNo', width: 120, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={4}>
        <Descriptions.Item label={t('projectDelivery.contract')}>
          {view.contractFen === null ? '—' : formatFen(view.contractFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('projectDelivery.prepaymentDue')}>
          {view.prepaymentDueFen === null ? '—' : formatFen(view.prepaymentDueFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('projectDelivery.deducted')}>{formatFen(view.deductionFen)}</Descriptions.Item>
        <Descriptions.Item label={t('projectDelivery.balanceDue')}>
          {view.balanceDueFen === null ? '—' : formatFen(view.balanceDueFen)}
        </Descriptions.Item>
      </Descriptions>
      <Table<ProjectPaymentView>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={view.payments}
        data-testid="payment-ledger"
        locale={{ emptyText: t('projectDelivery.noPayments') }}
      />
    </Flex>
  );
}
