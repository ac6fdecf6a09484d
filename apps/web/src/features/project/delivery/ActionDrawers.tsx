import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { type DeliveryView, yuanToFen } from '@yufang/contracts';
import { Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler } from '../../../api/errors';
import { FormDrawer } from '../../../components/FormDrawer';
import { feedback } from '../../../components/feedback';
import { useAcceptanceDomains, useDeliveryAction } from './api';

export type DrawerKind = 'check' | 'panel' | 'decide' | 'rectify' | 'terminate';

interface Props {
  kind: DrawerKind;
  view: DeliveryView;
  onClose: () => void;
}

const PATHS: Record<DrawerKind, string> = {
  check: 'checks',
  panel: 'acceptance/panel',
  decide: 'acceptance/decision',
  rectify: 'rectify',
  terminate: 'terminate',
};

/** The bureau's forms on the delivery tab: interim check, acceptance panel and decision, rectification, termination. */
export function ActionDrawer({ kind, view, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const action = useDeliveryAction(view.projectId, PATHS[kind]);
  const domains = useAcceptanceDomains();
  const titles: Record<DrawerKind, string> = {
    check: t('projectDelivery.check'),
    panel: t('projectDelivery.drawPanel'),
    decide: t('projectDelivery.decide'),
    rectify: t('projectDelivery.rectify'),
    terminate: t('projectDelivery.terminate'),
  };
  const body = (v: Record<string, unknown>) => {
    if (kind === 'check') {
      return {
        ...v,
        checkedOn: (v.checkedOn as Dayjs | undefined)?.format('YYYY-MM-DD'),
        followUp: v.followUp || null,
      };
    }
    if (kind === 'decide') return { version: view.version, delivered: v.delivered, note: v.note || null };
    if (kind === 'terminate') {
      let deductionFen: number | string = String(v.deduction ?? '');
      try {
        deductionFen = yuanToFen(String(v.deduction ?? ''));
      } catch {
        // the server names the field
      }
      return { version: view.version, deductionFen, reason: v.reason };
    }
    if (kind === 'rectify') return { version: view.version, note: v.note || null };
    return { version: view.version, mix: v.mix };
  };
  const onFinish = (v: Record<string, unknown>) =>
    action.mutate(body(v), {
      onSuccess: () => {
        feedback.message.success(t('projectDelivery.saved'));
        onClose();
      },
      onError: saveErrorHandler(form, null),
    });
  const initial =
    kind === 'decide'
      ? { delivered: Object.fromEntries(view.deliveredDefaults.map((d) => [d.key, d.delivered])) }
      : kind === 'panel'
        ? { mix: [{ domain: domains.data?.domains[0]?.code, count: 3 }] }
        : kind === 'check'
          ? { result: 'ok' }
          : {};
  return (
    <FormDrawer
      open
      title={titles[kind]}
      size={560}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={action.isPending}
      saveTestId={`${kind}-save`}
    >
      {kind === 'panel' && domains.isLoading ? null : (
        <Form form={form} layout="vertical" onFinish={onFinish} initialValues={initial}>
          {kind === 'check' ? (
            <>
              <Form.Item label={t('projectDelivery.checkedOn')} name="checkedOn" rules={[{ required: true }]}>
                <DatePicker data-testid="check-date" />
              </Form.Item>
              <Form.Item label={t('projectDelivery.result')} name="result">
                <Radio.Group
                  options={[
                    { value: 'ok', label: t('projectDelivery.resultOk') },
                    { value: 'issues', label: t('projectDelivery.resultIssues') },
                  ]}
                />
              </Form.Item>
              <Form.Item label={t('projectDelivery.findings')} name="findings" rules={[{ required: true, min: 4 }]}>
                <Input.TextArea rows={3} data-testid="check-findings" />
              </Form.Item>
              <Form.Item label={t('projectDelivery.followUp')} name="followUp">
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          ) : null}
          {kind === 'panel' ? (
            <Form.List name="mix">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item
                        label={t('projectDelivery.domain')}
                        name={[f.name, 'domain']}
                        rules={[{ required: true }]}
                      >
                        <Select
                          style={{ width: 220 }}
                          options={(domains.data?.domains ?? []).map((d) => ({ value: d.code, label: d.label }))}
                        />
                      </Form.Item>
                      <Form.Item
                        label={t('projectDelivery.count')}
                        name={[f.name, 'count']}
                        rules={[{ required: true }]}
                      >
                        <InputNumber min={1} max={15} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ count: 1 })}>
                    {t('projectDelivery.addDomain')}
                  </Button>
                </>
              )}
            </Form.List>
          ) : null}
          {kind === 'decide'
            ? view.deliveredDefaults.map((d) => (
                <Form.Item
                  key={d.key}
                  label={`${d.label}（${t('projectDelivery.target')} ${d.comparator} ${d.target}${d.unit}）`}
                  name={['delivered', d.key]}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={0} style={{ width: 200 }} data-testid={`decide-${d.key}`} />
                </Form.Item>
              ))
            : null}
          {kind === 'terminate' ? (
            <>
              <Form.Item label={t('projectDelivery.deduction')} name="deduction" rules={[{ required: true }]}>
                <Input style={{ width: 200 }} data-testid="terminate-deduction" />
              </Form.Item>
              <Form.Item label={t('projectDelivery.reason')} name="reason" rules={[{ required: true, min: 4 }]}>
                <Input.TextArea rows={3} data-testid="terminate-reason" />
              </Form.Item>
            </>
          ) : null}
          {kind === 'decide' || kind === 'rectify' ? (
            <Form.Item
              label={kind === 'rectify' ? t('projectDelivery.noteOptional') : t('projectDelivery.note')}
              name="note"
            >
              <Input.TextArea rows={3} data-testid={`${kind}-note`} />
            </Form.Item>
          ) : null}
        </Form>
      )}
    </FormDrawer>
  );
}
