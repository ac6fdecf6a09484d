import { Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../auth/LanguageSwitch';

/**
 * The frame of the public pages (no login): a plain header with the platform name, the public pages and a way to
 * sign in; `privacy` says at the foot what the page leaves out.
 */
export function PublicFrame({ children, privacy }: { children: ReactNode; privacy: string }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <style>{'@media print { .no-print { display: none !important } }'}</style>
      <Layout.Header className="no-print" style={{ background: '#0b3a75', paddingInline: 24 }}>
        <Flex justify="space-between" align="center" style={{ height: '100%' }}>
          <Link to="/public/bulletins" style={{ color: '#fff', display: 'flex', alignItems: 'center', gap: 8 }}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span style={{ fontSize: 17 }}>{t('app.name')}</span>
          </Link>
          <Flex gap={16} align="center">
            <Link to="/public/bulletins" style={{ color: '#fff' }}>
              {t('bulletin.public.title')}
            </Link>
            <Link to="/public/providers" style={{ color: '#fff' }}>
              {t('public.providersTitle')}
            </Link>
            <Link to="/public/projects" style={{ color: '#fff' }}>
              {t('public.projectsNav')}
            </Link>
            <LanguageSwitch />
            <Link to="/login" style={{ color: '#fff' }}>
              {t('bulletin.public.login')}
            </Link>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ width: '100%', maxWidth: 960, margin: '0 auto', padding: '24px 16px' }}>
        {children}
      </Layout.Content>
      <Typography.Text type="secondary" className="no-print" style={{ textAlign: 'center', padding: 16 }}>
        {privacy}
      </Typography.Text>
    </Layout>
  );
}
