import { PERMISSIONS, type Permission } from '@yufang/contracts';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

function BackHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.backHome')}
    </Button>
  );
}

/** Shown by a page whose permission the user lacks (the menu hides it too, but URLs can be typed). */
export function ForbiddenPage({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbidden', { permission: PERMISSIONS[permission] })}
      extra={<BackHome />}
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.notFoundTitle')} subTitle={t('errors.notFound')} extra={<BackHome />} />;
}
