import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginInput } from '@yufang/contracts';
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { applyFieldErrors, errorText } from '../../api/errors';
import { useMe } from '../../api/session';
import { FullPageSpin, safeNext } from '../../app/session';
import { zodRule } from '../../components/zodRule';
import { AuthFrame } from './AuthFrame';
import { useLogin } from './api';

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginInput>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const { data: me, isPending } = useMe();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('auth.loginTitle')} - ${t('app.name')}`;
  }, [t]);

  if (isPending) return <FullPageSpin />;
  // Already signed in (e.g. the back button): no second login.
  if (me && !login.isPending && !login.isSuccess)
    return <Navigate to={me.mustChangePassword ? '/change-password' : next} replace />;

  const onFinish = (values: LoginInput) => {
    setError(null);
    login.mutate(values, {
      onSuccess: (signedIn) => navigate(signedIn.mustChangePassword ? '/change-password' : next, { replace: true }),
      onError: (err) => {
        applyFieldErrors(form, err);
        setError(errorText(err));
        if (isApiError(err) && err.status === 401) form.setFieldValue('password', '');
      },
    });
  };

  return (
    <AuthFrame title={t('auth.loginTitle')}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form<LoginInput>
        name="login"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        autoComplete="on"
      >
        <Form.Item
          label={t('auth.username')}
          name="username"
          validateFirst
          rules={[{ required: true, message: t('auth.usernameRequired') }, zodRule(LoginInput.shape.username)]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('auth.password')}
          name="password"
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
          {t('auth.login')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/public/bulletins">{t('bulletin.loginLink')}</Link>
        <span style={{ margin: '0 8px' }}>·</span>
        <Link to="/public/providers">{t('public.loginLink')}</Link>
        <span style={{ margin: '0 8px' }}>·</span>
        <Link to="/public/projects">{t('public.projectsNav')}</Link>
      </div>
    </AuthFrame>
  );
}
