import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserWithPasswordData } from './api';

/**
 * Shows a generated initial password exactly once. It lives only in this component's props: closing the modal
 * drops it, and it is never cached or logged.
 */
export function InitialPasswordModal({
  result,
  onClose,
}: {
  result: UserWithPasswordData | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!result}
      title={t('user.passwordTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('user.passwordCopied')}
        </Button>
      }
    >
      {result ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('user.passwordHint', { name: result.user.displayName, username: result.user.username })}
          />
          <Typography.Paragraph
            copyable={{
              text: result.initialPassword,
              icon: [
                <span key="copy">
                  <CopyOutlined /> {t('common.copy')}
                </span>,
                <span key="done">
                  <CheckOutlined /> {t('common.copied')}
                </span>,
              ],
              tooltips: false,
            }}
            style={{ fontSize: 20, textAlign: 'center', margin: 0 }}
          >
            <Typography.Text code data-testid="initial-password" style={{ fontSize: 20, letterSpacing: 1 }}>
              {result.initialPassword}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
