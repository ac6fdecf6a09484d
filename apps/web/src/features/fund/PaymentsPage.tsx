import { DownloadOutlined } from '@ant-design/icons';
import { formatFen, type PaymentView, TransferInput } from '@yufang/contracts';
import { Button, DatePicker, Form, Input, InputNumber, Select, type TableColumnsType, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler } from '../../api/errors';
import { useCan } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { FilterActions } from '../../components/FilterActions';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { zodRule } from '../../components/zodRule';
import { type PaymentFilters, paymentsExportUrl, usePayments, useRecordTransfer } from './api';

/** Records the actual transfer of one payment (voucher number and date), once. */
function TransferDrawer({ payment, onClose }: { payment: PaymentView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const record = useRecordTransfer();
  const submit = async (v: { voucherNo: string; transferredOn: Dayjs }) => {
    if (!payment) return;
    try {
      await record.mutateAsync({
        id: payment.id,
        body: { voucherNo: v.voucherNo, transferredOn: v.transferredOn.format('YYYY-MM-DD'), version: payment.version },
      });
      feedback.message.success(t('fund.saved'));
      onClose();
    } catch (error) {
      saveErrorHandler(form, (e) => {
        feedback.message.warning(e.message);
        onClose();
      })(error);
    }
  };
  return (
    <FormDrawer
      open={!!payment}
      title={`${t('fund.recordTransfer')} ${payment?.projectCode ?? ''}`}
      size={440}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={record.isPending}
      saveTestId="fund-transfer-save"
    >
      {payment ? (
        <p>
          {payment.projectTitle} · {t(`fund.kinds.${payment.kind}`)} · {formatFen(payment.amountFen)} 元
        </p>
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ transferredOn: dayjs() }}>
        <Form.Item name="voucherNo" label={t('fund.voucherNo')} rules={[zodRule(TransferInput.shape.voucherNo)]}>
          <Input maxLength={60} data-testid="fund-transfer-voucher" />
        </Form.Item>
        <Form.Item name="transferredOn" label={t('fund.transferredOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 支付台账: every posted payment with its project, basis and transfer; the agency records the transfer. */
export default function PaymentsPage() {
  const { t } = useTranslation();
  const pay = useCan('fund.pay');
  const [filters, setFilters] = useState<PaymentFilters>({});
  const [form] = Form.useForm();
  const list = usePayments(filters);
  const [transfer, setTransfer] = useState<PaymentView | null>(null);
  const columns: TableColumnsType<PaymentView> = [
    { title: t('fund.year'), dataIndex: 'year', width: 70 },
    {
      title: t('fund.project'),
      key: 'project',
      render: (_: unknown, p) => (
        <>
          <div>{p.projectCode}</div>
          <div>{p.projectTitle}</div>
        </>
      ),
    },
    {
      title: t('fund.kind'),
      dataIndex: 'kind',
      width: 80,
      render: (k: PaymentView['kind']) => <Tag>{t(`fund.kinds.${k}`)}</Tag>,
    },
    { title: t('fund.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
    { title: t('fund.paymentBasis'), dataIndex: 'basis', ellipsis: true },
    {
      title: t('fund.postedAt'),
      key: 'posted',
      width: 170,
      render: (_: unknown, p) => `${formatDateTime(p.postedAt).slice(0, 16)} ${p.postedByName}`,
    },
    {
      title: t('fund.transferred'),
      key: 'transfer',
      width: 200,
      render: (_: unknown, p) =>
        p.voucherNo ? (
          <span>
            <Tag color="green">{t('fund.transferredYes')}</Tag>
            {p.voucherNo} · {p.transferredOn}
          </span>
        ) : pay ? (
          <Button size="small" onClick={() => setTransfer(p)} data-testid={`transfer-${p.id}`}>
            {t('fund.recordTransfer')}
          </Button>
        ) : (
          <Tag>{t('fund.transferredNo')}</Tag>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('fund.paymentsTitle')}
        subTitle={t('fund.paymentsSubtitle')}
        extra={
          <Button href={paymentsExportUrl(filters)} download icon={<DownloadOutlined />}>
            {t('fund.export')}
          </Button>
        }
      />
      <Form
        form={form}
        layout="inline"
        onFinish={(v: PaymentFilters) => setFilters(Object.fromEntries(Object.entries(v).filter(([, x]) => x != null)))}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="year" label={t('fund.year')}>
          <InputNumber min={2000} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="kind" label={t('fund.kind')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('fund.all')}
            options={(['prepayment', 'balance', 'recovery'] as const).map((k) => ({
              value: k,
              label: t(`fund.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="transferred" label={t('fund.transferred')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('fund.all')}
            options={[
              { value: 'yes', label: t('fund.transferredYes') },
              { value: 'no', label: t('fund.transferredNo') },
            ]}
          />
        </Form.Item>
        <FilterActions
          onReset={() => {
            form.resetFields();
            setFilters({});
          }}
        />
      </Form>
      <KeysetTable
        rowKey="id"
        size="middle"
        columns={columns}
        source={list}
        empty={t('fund.empty')}
        data-testid="fund-payments"
      />
      <TransferDrawer payment={transfer} onClose={() => setTransfer(null)} />
    </>
  );
}
