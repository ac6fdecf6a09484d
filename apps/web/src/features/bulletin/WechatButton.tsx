import { WechatOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWechat } from './api';

/** The WeChat official-account text in a dialog, ready to copy into the account's editor. */
export function WechatButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const wechat = useWechat(id, open);
  return (
    <>
      <Button icon={<WechatOutlined />} onClick={() => setOpen(true)}>
        {t('bulletin.wechat')}
      </Button>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} width={640} title={t('bulletin.wechat')}>
        {wechat.data ? (
          <>
            {wechat.data.shortened ? (
              <Alert type="info" showIcon title={t('bulletin.wechatShortened')} style={{ marginBottom: 12 }} />
            ) : null}
            <Typography.Paragraph
              copyable={{ text: wechat.data.text }}
              style={{ whiteSpace: 'pre-wrap', background: '#f6f8fa', padding: 12, borderRadius: 6 }}
              data-testid="wechat-text"
            >
              {wechat.data.text}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('bulletin.wechatLength', { length: wechat.data.length, limit: wechat.data.limit })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>
        )}
      </Modal>
    </>
  );
}
