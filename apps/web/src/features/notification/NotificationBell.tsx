import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUnreadCount } from './api';

/** The header bell: unread count (polled every 60 s), opens /notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: unread = 0 } = useUnreadCount();
  const label =
    unread > 0 ? `${t('header.notifications')}（${t('header.unread', { count: unread })}）` : t('header.notifications');
  return (
    <Badge count={unread} size="small" offset={[-4, 4]} data-testid="notification-badge">
      <Button
        type="text"
        aria-label={label}
        title={label}
        style={{ color: '#fff' }}
        icon={<BellOutlined style={{ fontSize: 18 }} />}
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}
