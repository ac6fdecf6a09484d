import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { ChangePasswordInput, DEFAULT_SECURITY_POLICY, passwordProblems } from '@yufang/contracts';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { handleFormError } from '../../api/errors';
import { useSession } from '../../app/session';
import { useLogout } from '../../app/useLogout';
import { feedback } from '../../components/feedback';
import { zodRule } from '../../components/zodRule';
import { AuthFrame } from './AuthFrame';
import { useChangePassword } from './api';

type Values = ChangePasswordInput & { confirmPassword: string };

const orEmpty = (value: unknown) => value ?? '';

/**
 * The browser checks against the minimum policy (等保 defaults, which the security administrator can only tighten);
 * a stricter installed policy is enforced by the server, whose messages land on the field.
 */
const policy = DEFAULT_SECURITY_POLICY;

function Rule({ ok, text }: { ok: boolean | null; text: string }) {
  return (
    <li style={{ listStyle: 'none', display: 'flex', gap: 6, alignItems: 'center' }}>
      {ok === null ? (
        <span style={{ width: 14 }}>•</span>
      ) : ok ? (
        <CheckCircleFilled style={{ color: '#52c41a' }} />
      ) : (
        <CloseCircleOutlined style={{ color: '#bfbfbf' }} />
      )}
      <span>{text}</span>
    </li>
  );
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const newPassword: string = Form.useWatch('newPassword', form) ?? '';

  useEffect(() => {
    document.title = `${t('auth.changeTitle')} - ${t('app.name')}`;
  }, [t]);

  const forced = me.mustChangePassword;
  const reason =
    me.passwordChangeReason === 'expired' ? t('auth.reasonExpired') : forced ? t('auth.reasonInitial') : null;

  const typed = newPassword.length > 0;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(newPassword)).length;
  const rules = [
    {
      ok: typed ? newPassword.length >= policy.passwordMinLength : null,
      text: t('auth.ruleLength', { min: policy.passwordMinLength }),
    },
    {
      ok: typed ? classes >= policy.passwordMinClasses : null,
      text: t('auth.ruleClasses', { min: policy.passwordMinClasses }),
    },
    {
      ok: typed ? !newPassword.toLowerCase().includes(me.username.toLowerCase()) : null,
      text: t('auth.ruleUsername'),
    },
  ];

  const onFinish = ({ currentPassword, newPassword: next }: Values) => {
    change.mutate(
      { currentPassword, newPassword: next },
      {
        onSuccess: () => {
          feedback.message.success(t('auth.changed'));
          navigate('/', { replace: true });
        },
        onError: (error) => handleFormError(form, error),
      },
    );
  };

  return (
    <AuthFrame title={t('auth.changeTitle')}>
      {reason ? <Alert type="warning" showIcon title={reason} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> name="changePassword" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <Form.Item
          label={t('auth.currentPassword')}
          name="currentPassword"
          rules={[zodRule(ChangePasswordInput.shape.currentPassword, orEmpty)]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('auth.newPassword')}
          name="newPassword"
          rules={[
            zodRule(ChangePasswordInput.shape.newPassword, orEmpty),
            {
              validator: async (_rule, value: string | undefined) => {
                const problems = value ? passwordProblems(value, me.username, policy) : [];
                if (problems.length > 0) throw new Error(problems.join('；'));
              },
            },
          ]}
          validateFirst
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <div style={{ margin: '-8px 0 16px' }} aria-live="polite">
          <Typography.Text type="secondary">{t('auth.rulesTitle')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', padding: 0 }} data-testid="password-rules">
            {rules.map((r) => (
              <Rule key={r.text} ok={r.ok} text={r.text} />
            ))}
          </ul>
        </div>
        <Form.Item
          label={t('auth.confirmPassword')}
          name="confirmPassword"
          dependencies={['newPassword']}
          validateFirst
          rules={[
            { required: true, message: t('auth.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string) => {
                if (value !== getFieldValue('newPassword')) throw new Error(t('auth.confirmMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Flex gap={8} vertical>
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            {t('auth.submitChange')}
          </Button>
          {forced ? (
            <Button type="link" onClick={() => void logout()}>
              {t('header.logout')}
            </Button>
          ) : (
            <Button onClick={() => navigate('/')}>{t('auth.back')}</Button>
          )}
        </Flex>
      </Form>
    </AuthFrame>
  );
}
