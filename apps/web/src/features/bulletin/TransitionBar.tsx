import type { BulletinAction, BulletinView } from '@yufang/contracts';
import { Button, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../api/errors';
import { feedback } from '../../components/feedback';
import { useTransition } from './api';

const ORDER: BulletinAction[] = ['submit', 'publish', 'return', 'withdraw'];
const NEEDS_REASON: Partial<Record<BulletinAction, true>> = { return: true, withdraw: true };

/** The workflow buttons the caller may use (from `can`), each confirmed in a dialog that asks what the step needs. */
export function TransitionBar({ bulletin }: { bulletin: BulletinView }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<BulletinAction | null>(null);
  const [form] = Form.useForm<{ reason?: string; nameEmployer?: boolean }>();
  const transition = useTransition(bulletin.id);
  const allowed = ORDER.filter((a) => bulletin.can[a]);

  const onOk = async () => {
    if (!action) return;
    const values = await form.validateFields();
    transition.mutate(
      { action, version: bulletin.version, reason: values.reason, nameEmployer: values.nameEmployer },
      {
        onSuccess: () => {
          feedback.message.success(t(`bulletin.done.${action}`));
          setAction(null);
          form.resetFields();
        },
        onError: showApiError,
      },
    );
  };

  return (
    <>
      {allowed.map((a) => (
        <Button
          key={a}
          type={a === 'publish' || a === 'submit' ? 'primary' : 'default'}
          danger={a === 'withdraw'}
          onClick={() => setAction(a)}
        >
          {t(`bulletin.actions.${a}`)}
        </Button>
      ))}
      <Modal
        open={action !== null}
        title={action ? t(`bulletin.actions.${action}`) : ''}
        okText={action ? t(`bulletin.actions.${action}`) : ''}
        onOk={onOk}
        onCancel={() => setAction(null)}
        confirmLoading={transition.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="bulletinTransition" preserve={false}>
          {action === 'submit' ? <Typography.Paragraph>{t('bulletin.confirmSubmit')}</Typography.Paragraph> : null}
          {action === 'publish' ? (
            <>
              <Typography.Paragraph>{t('bulletin.publishHint')}</Typography.Paragraph>
              <Form.Item name="nameEmployer" valuePropName="checked" extra={t('bulletin.nameEmployerHint')}>
                <Checkbox>
                  {t('bulletin.nameEmployer')}
                  {bulletin.employerName ? `（${bulletin.employerName}）` : ''}
                </Checkbox>
              </Form.Item>
            </>
          ) : null}
          {action && NEEDS_REASON[action] ? (
            <Form.Item
              label={t('bulletin.reason')}
              name="reason"
              rules={[{ required: true, whitespace: true, min: 5, message: t('bulletin.reasonPlaceholder') }]}
            >
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} placeholder={t('bulletin.reasonPlaceholder')} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
