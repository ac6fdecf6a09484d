import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api/queryClient';
import { FeedbackBinder } from '../components/feedback';

/** Query cache, antd theme and locale (following the UI language), and the App context for messages. */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en-US' ? enUS : zhCN;
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={locale}
        button={{ autoInsertSpace: false }}
        theme={{ token: { colorPrimary: '#1559b3', borderRadius: 6 } }}
      >
        <AntdApp>
          <FeedbackBinder />
          {children}
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
