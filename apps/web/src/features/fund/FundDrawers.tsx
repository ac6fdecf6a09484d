import { type CapView, type FundYearView, formatFen, yuanToFen } from '@yufang/contracts';
import { Alert, Button, Descriptions, Form, Input, InputNumber } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler } from '../../api/errors';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { useSaveYear, useSetBudget } from './api';
import { fenToInput, yuanRule } from './money';

const ratePercent = (bp: number) => `${bp / 100}%`;

/** Enter a year's contribution income and spending, or correct one (with its version). */
export function YearDrawer({
  open,
  year,
  existing,
  onClose,
}: {
  open: boolean;
  year: number;
  existing: FundYearView | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = useSaveYear();
  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        year,
        incomeFen: existing ? fenToInput(existing.incomeFen) : '',
        spendingFen: existing ? fenToInput(existing.spendingFen) : '',
        note: existing?.note ?? '',
      });
    }
  }, [open, year, existing, form]);
  const submit = async (v: { year: number; incomeFen: string; spendingFen: string; note?: string }) => {
    try {
      await save.mutateAsync({
        year: v.year,
        body: {
          incomeFen: yuanToFen(v.incomeFen),
          spendingFen: yuanToFen(v.spendingFen),
          note: v.note || undefined,
          version: existing && existing.year === v.year ? existing.version : undefined,
        },
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
      open={open}
      title={existing ? `${t('fund.correct')} ${existing.year}` : t('fund.enterYear')}
      size={480}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={save.isPending}
      saveTestId="fund-year-save"
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="year" label={t('fund.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} disabled={!!existing} data-testid="fund-year-year" />
        </Form.Item>
        <Form.Item name="incomeFen" label={t('fund.income')} rules={[yuanRule(t('fund.amountRule'))]}>
          <Input inputMode="decimal" data-testid="fund-year-income" />
        </Form.Item>
        <Form.Item name="spendingFen" label={t('fund.spending')} rules={[yuanRule(t('fund.amountRule'))]}>
          <Input inputMode="decimal" data-testid="fund-year-spending" />
        </Form.Item>
        <Form.Item name="note" label={t('fund.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** Set or revise a year's budget: the cap and its basis are shown; the server refuses anything above the cap. */
export function BudgetDrawer({
  open,
  cap,
  budgetFen,
  version,
  onClose,
}: {
  open: boolean;
  cap: CapView | undefined;
  budgetFen: number | undefined;
  version: number | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = useSetBudget();
  useEffect(() => {
    if (open) form.setFieldsValue({ budgetFen: budgetFen === undefined ? '' : fenToInput(budgetFen) });
  }, [open, budgetFen, form]);
  if (!cap) return null;
  const submit = async (v: { budgetFen: string }) => {
    try {
      await save.mutateAsync({ year: cap.year, body: { budgetFen: yuanToFen(v.budgetFen), version } });
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
      open={open}
      title={`${version === undefined ? t('fund.setBudget') : t('fund.reviseBudget')} ${cap.year}`}
      size={560}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={save.isPending}
      saveTestId="fund-budget-save"
    >
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('fund.cap')}>
          <span data-testid="fund-budget-cap">{formatFen(cap.capFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('fund.rate')}>
          <span data-testid="fund-budget-rate">{ratePercent(cap.rateBp)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Alert type={cap.deficit ? 'warning' : 'info'} showIcon message={t('fund.basis')} description={cap.basis} />
      <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 16 }}>
        <Form.Item
          name="budgetFen"
          label={t('fund.budgetAmount')}
          rules={[yuanRule(t('fund.amountRule'))]}
          extra={
            <Button
              type="link"
              size="small"
              style={{ paddingInline: 0 }}
              onClick={() => form.setFieldsValue({ budgetFen: fenToInput(cap.capFen) })}
            >
              {t('fund.useCap')}
            </Button>
          }
        >
          <Input inputMode="decimal" data-testid="fund-budget-amount" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
