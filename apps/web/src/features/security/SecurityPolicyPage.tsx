import { SecurityPolicy } from '@yufang/contracts';
import { Alert, Button, Card, Col, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { handleFormError } from '../../api/errors';
import { useCan } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { zodRule } from '../../components/zodRule';
import { type PolicyView, useSaveSecurityPolicy, useSecurityPolicy } from './api';

type Field = keyof typeof SecurityPolicy.shape;
type Values = Record<Field, number>;

const GROUPS: {
  titleKey: 'security.groupPassword' | 'security.groupLockout' | 'security.groupSession';
  fields: Field[];
}[] = [
  { titleKey: 'security.groupPassword', fields: ['passwordMinLength', 'passwordMinClasses', 'passwordMaxAgeDays'] },
  { titleKey: 'security.groupLockout', fields: ['lockoutThreshold', 'lockoutMinutes'] },
  { titleKey: 'security.groupSession', fields: ['idleTimeoutMinutes'] },
];

function valuesOf(policy: PolicyView): Values {
  const { version: _version, updatedAt: _updatedAt, ...values } = policy;
  return values;
}

export default function SecurityPolicyPage() {
  const { t } = useTranslation();
  const canUpdate = useCan('security.policy.update');
  const policy = useSecurityPolicy();
  const save = useSaveSecurityPolicy();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (policy.data) form.setFieldsValue(valuesOf(policy.data));
  }, [policy.data, form]);

  const onFinish = (values: Values) => {
    if (!policy.data) return;
    save.mutate(
      { ...values, version: policy.data.version },
      {
        onSuccess: () => feedback.message.success(t('security.saved')),
        onError: (error) => {
          if (isApiError(error) && error.code === 'CONFLICT') {
            feedback.message.warning(t('common.conflict'), 6);
            void policy.refetch();
            return;
          }
          handleFormError(form, error);
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('security.title')}
        subTitle={
          policy.data?.updatedAt
            ? t('security.updatedAt', { at: formatDateTime(policy.data.updatedAt) })
            : policy.data
              ? t('security.neverUpdated')
              : undefined
        }
      />
      {canUpdate ? null : <Alert type="info" showIcon title={t('security.readOnly')} style={{ marginBottom: 16 }} />}
      {policy.isPending ? (
        <Skeleton active />
      ) : policy.data ? (
        <Form<Values>
          name="securityPolicy"
          form={form}
          layout="vertical"
          disabled={!canUpdate}
          initialValues={valuesOf(policy.data)}
          onFinish={onFinish}
          style={{ maxWidth: 880 }}
        >
          {GROUPS.map((group) => (
            <Card key={group.titleKey} size="small" title={t(group.titleKey)} style={{ marginBottom: 16 }}>
              <Row gutter={24}>
                {group.fields.map((field) => (
                  <Col key={field} xs={24} md={12}>
                    <Form.Item
                      label={t(`security.${field}`)}
                      name={field}
                      required
                      rules={[zodRule(SecurityPolicy.shape[field])]}
                    >
                      <InputNumber precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
          {canUpdate ? (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          ) : null}
        </Form>
      ) : (
        <Typography.Text type="danger">{t('errors.loadFailed')}</Typography.Text>
      )}
    </>
  );
}
