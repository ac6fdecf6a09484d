import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The centred card used by the pages outside the layout. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 16,
        background: 'linear-gradient(160deg, #0b3a75 0%, #1559b3 55%, #e8eef7 55%)',
      }}
    >
      <div style={{ position: 'fixed', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Flex vertical align="center" gap={4} style={{ marginBottom: 24, textAlign: 'center' }}>
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <Typography.Title level={1} style={{ color: '#fff', fontSize: 26, margin: '8px 0 0' }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.8)', fontSize: 15 }}>{t('app.shortName')}</Typography.Text>
      </Flex>
      <Card style={{ width: '100%', maxWidth: 420, boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0, marginBottom: 20 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24 }}>
        {t('auth.footer')}
      </Typography.Text>
    </Flex>
  );
}
