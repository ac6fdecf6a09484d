import { formatFen, type ProjectView, yuanToFen } from '@yufang/contracts';
import { Alert, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { saveErrorHandler } from '../../api/errors';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { type ProjectStep, useProcurement, useProjectStep } from './api';

const TITLES: Partial<Record<ProjectStep, string>> = {
  review: '抽取评审专家',
  approve: '立项',
  reject: '不予立项',
  procurement: '确定采购方式',
  implementer: '选定实施单位',
  contract: '签订服务协议',
};

type Values = Record<string, unknown> & { signedOn?: Dayjs; endsOn?: Dayjs };
const yuan = [{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: '金额（元）最多两位小数' }];

/** The form of one workspace step; posts to /projects/:id/<step> with the project's version. */
export function StepDrawer({
  project: p,
  step,
  onClose,
}: {
  project: ProjectView;
  step: ProjectStep;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const mutation = useProjectStep(p.id);
  const advice = useProcurement(p.id, step === 'procurement' || step === 'implementer');

  const body = (v: Values): Record<string, unknown> => {
    switch (step) {
      case 'review':
        return {
          mix: [
            { domain: 'work_safety', count: v.safety },
            ...(v.finance ? [{ domain: 'finance', count: v.finance }] : []),
          ],
        };
      case 'approve':
        return { approvedFen: yuanToFen(String(v.amount)), note: v.note || null };
      case 'contract':
        return {
          contractNo: v.contractNo,
          contractFen: yuanToFen(String(v.amount)),
          signedOn: v.signedOn?.format('YYYY-MM-DD'),
          endsOn: v.endsOn?.format('YYYY-MM-DD'),
          deliverables: [{ name: v.deliverable, quantity: v.quantity, unit: v.unit ?? '' }],
          targets: p.targets,
          prepaymentPct: v.prepaymentPct,
        };
      default:
        return v;
    }
  };
  const save = (v: Values) =>
    mutation.mutate(
      { step, body: { ...body(v), version: p.version } },
      {
        onSuccess: (out) => {
          feedback.message.success(`已${TITLES[step] ?? '保存'}，项目现为“${out.statusLabel}”`);
          onClose();
        },
        onError: saveErrorHandler(form, null),
      },
    );

  return (
    <FormDrawer
      open
      title={TITLES[step]}
      size={560}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={mutation.isPending}
      saveTestId="step-save"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name={`step-${step}`}
        onFinish={save}
        initialValues={{
          safety: 3,
          finance: 0,
          amount: p.approvedFen ? (p.approvedFen / 100).toFixed(2) : (p.requestedFen / 100).toFixed(2),
          route: advice.data?.requiredRoute,
          prepaymentPct: 50,
          quantity: 1,
        }}
      >
        {step === 'review' ? (
          <>
            <Alert
              showIcon
              type="info"
              style={{ marginBottom: 16 }}
              message="从专家库随机抽取（sha256-rank-v1），与申请单位有关联的专家自动回避"
            />
            <Form.Item label="安全生产领域人数" name="safety" rules={[{ required: true }]}>
              <InputNumber min={1} max={15} />
            </Form.Item>
            <Form.Item label="财务领域人数" name="finance">
              <InputNumber min={0} max={5} />
            </Form.Item>
          </>
        ) : null}
        {step === 'approve' ? (
          <>
            <Alert
              showIcon
              type="info"
              style={{ marginBottom: 16 }}
              message={`申请金额 ${formatFen(p.requestedFen)} 元；立项金额不超过申请金额与年度预算剩余额度`}
            />
            <Form.Item label="立项金额（元）" name="amount" rules={yuan}>
              <Input />
            </Form.Item>
            <Form.Item label="立项意见" name="note">
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        ) : null}
        {step === 'reject' ? (
          <Form.Item
            label="不予立项理由"
            name="reason"
            rules={[{ required: true, min: 4, message: '请填写理由（至少 4 个字）' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : null}
        {step === 'procurement' && advice.data ? (
          <>
            <Alert
              showIcon
              type="info"
              style={{ marginBottom: 16 }}
              message={`立项金额 ${formatFen(p.approvedFen ?? 0)} 元须采用“${advice.data.requiredRouteLabel}”或更严格的方式`}
            />
            <Form.Item label="采购方式" name="route" rules={[{ required: true, message: '请选择采购方式' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={advice.data.allowed.map((a) => ({ value: a.route, label: a.label }))}
              />
            </Form.Item>
            <Form.Item
              label="理由"
              name="reason"
              rules={[{ required: true, min: 4, message: '请填写理由（至少 4 个字）' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        ) : null}
        {step === 'implementer' && advice.data ? (
          <>
            <Form.Item label="实施单位" name="providerId" rules={[{ required: true, message: '请选择实施单位' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={advice.data.candidates.map((c) => ({
                  value: c.providerId,
                  disabled: !c.eligible,
                  label: c.eligible ? `${c.name}（${c.countyName}）` : `${c.name}（不符合条件：${c.reason}）`,
                }))}
              />
            </Form.Item>
            <Form.Item
              label="选定理由"
              name="reason"
              rules={[{ required: true, min: 4, message: '请填写理由（至少 4 个字）' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        ) : null}
        {step === 'contract' ? (
          <>
            <Form.Item
              label="合同编号"
              name="contractNo"
              rules={[{ required: true, min: 3, message: '请填写合同编号' }]}
            >
              <Input />
            </Form.Item>
            <Form.Item label="合同金额（元，不超过立项金额）" name="amount" rules={yuan}>
              <Input />
            </Form.Item>
            <Form.Item label="签订日期" name="signedOn" rules={[{ required: true, message: '请选择签订日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item label="合同截止日期" name="endsOn" rules={[{ required: true, message: '请选择截止日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item
              label="交付成果"
              name="deliverable"
              rules={[{ required: true, min: 2, message: '请填写交付成果' }]}
            >
              <Input placeholder="如：培训课时" />
            </Form.Item>
            <Form.Item label="数量" name="quantity" rules={[{ required: true }]}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item label="单位" name="unit">
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item
              label="预付款比例（%）"
              name="prepaymentPct"
              rules={[{ required: true, message: '请填写预付款比例' }]}
            >
              <InputNumber min={0} max={100} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </FormDrawer>
  );
}
