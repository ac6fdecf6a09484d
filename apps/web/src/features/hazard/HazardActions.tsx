import type { HazardDetail } from '@yufang/contracts';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, showApiError } from '../../api/errors';
import { feedback } from '../../components/feedback';
import { type HazardAction, useHazardTransition } from './api';

const ORDER: HazardAction[] = ['notify', 'respond', 'submit', 'verify', 'reject'];

interface Values {
  responsiblePerson?: string;
  plan?: string;
  note?: string;
  reason?: string;
}

/** The life-cycle buttons the caller may use (from `can`), each confirmed in a dialog asking what the step needs. */
export function HazardActions({ hazard }: { hazard: HazardDetail }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<HazardAction | null>(null);
  const [form] = Form.useForm<Values>();
  const transition = useHazardTransition(hazard.id);
  const allowed = ORDER.filter((a) => hazard.can[a]);
  const hasRectificationFiles = hazard.evidence.some((e) => e.purpose === 'rectification');

  const onOk = async () => {
    if (!action) return;
    const values = await form.validateFields();
    transition.mutate(
      { action, version: hazard.version, ...values },
      {
        onSuccess: () => {
          feedback.message.success(t(`hazard.done.${action}`));
          setAction(null);
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error)) showApiError(error);
        },
      },
    );
  };
  const text = (name: keyof Values, label: string, min: number, placeholder?: string) => (
    <Form.Item
      label={label}
      name={name}
      rules={[{ required: true, whitespace: true, min, message: placeholder ?? `${label}（至少 ${min} 个字）` }]}
    >
      <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} placeholder={placeholder} />
    </Form.Item>
  );

  return (
    <>
      {allowed.map((a) => (
        <Button
          key={a}
          type={a === 'reject' ? 'default' : 'primary'}
          danger={a === 'reject'}
          onClick={() => {
            form.resetFields();
            if (a === 'respond') form.setFieldsValue({ responsiblePerson: hazard.responsiblePerson ?? '' });
            setAction(a);
          }}
        >
          {t(`hazard.actions.${a}`)}
        </Button>
      ))}
      <Modal
        open={action !== null}
        title={action ? t(`hazard.actions.${action}`) : ''}
        okText={action ? t(`hazard.actions.${action}`) : ''}
        okButtonProps={{ danger: action === 'reject' }}
        onOk={onOk}
        onCancel={() => setAction(null)}
        confirmLoading={transition.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" name="hazardTransition">
          {action === 'respond' ? (
            <>
              <Form.Item
                label={t('hazard.responsiblePerson')}
                name="responsiblePerson"
                rules={[{ required: true, whitespace: true, min: 2, message: t('hazard.responsiblePerson') }]}
              >
                <Input maxLength={32} />
              </Form.Item>
              {text('plan', t('hazard.plan'), 4)}
            </>
          ) : null}
          {action === 'submit' ? (
            <>
              {hasRectificationFiles ? null : (
                <Alert type="warning" showIcon title={t('hazard.submitHint')} style={{ marginBottom: 12 }} />
              )}
              {text('note', t('hazard.note'), 4)}
            </>
          ) : null}
          {action === 'verify' ? (
            <Form.Item label={t('hazard.verifyNote')} name="note">
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
            </Form.Item>
          ) : null}
          {action === 'reject' ? text('reason', t('hazard.reason'), 4, t('hazard.reasonPlaceholder')) : null}
        </Form>
      </Modal>
    </>
  );
}
