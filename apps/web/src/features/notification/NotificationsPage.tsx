import { CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../components/datetime';
import { EmptyState } from '../../components/EmptyState';
import { feedback } from '../../components/feedback';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { type NotificationItem, useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './api';

type Filter = 'all' | 'unread';

/** Unread ones first, each group newest first (the order the server sent). */
function unreadFirst(items: NotificationItem[]): NotificationItem[] {
  return [...items.filter((n) => !n.readAt), ...items.filter((n) => n.readAt)];
}

export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter: Filter = params.get('unread') === 'true' ? 'unread' : 'all';
  const list = useNotifications(filter === 'unread');
  const { data: unreadCount = list.lastPage?.unreadCount ?? 0 } = useUnreadCount();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();

  const open = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (!n.link) return;
    if (n.link.startsWith('/') && !n.link.startsWith('//')) navigate(n.link);
    else window.open(n.link, '_blank', 'noopener');
  };

  return (
    <>
      <PageHeader
        title={t('notification.title')}
        subTitle={t('notification.unreadCount', { count: unreadCount })}
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={unreadCount === 0}
            loading={markAllRead.isPending}
            onClick={() =>
              markAllRead.mutate(undefined, { onSuccess: () => feedback.message.success(t('notification.allRead')) })
            }
          >
            {t('notification.markAllRead')}
          </Button>
        }
      />
      <Segmented<Filter>
        aria-label={t('notification.title')}
        value={filter}
        onChange={(value) => setParams(value === 'unread' ? { unread: 'true' } : {}, { replace: true })}
        options={[
          { value: 'all', label: t('notification.all') },
          { value: 'unread', label: t('notification.unread') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {list.isPending ? (
        <Skeleton active />
      ) : list.items.length === 0 ? (
        <EmptyState description={t('notification.empty')} />
      ) : (
        <Flex vertical gap={8} role="list" data-testid="notification-list">
          {unreadFirst(list.items).map((n) => (
            <Card
              key={n.id}
              size="small"
              role="listitem"
              style={n.readAt ? undefined : { borderColor: '#91caff', background: '#f5f9ff' }}
            >
              <Flex justify="space-between" align="flex-start" gap={16}>
                <Flex vertical gap={4} style={{ minWidth: 0 }}>
                  <Flex align="center" gap={8}>
                    {n.readAt ? null : <Badge status="processing" />}
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                    {n.body}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                    {n.readAt ? ` · ${t('notification.read')} ${formatDateTime(n.readAt)}` : ''}
                  </Typography.Text>
                </Flex>
                <Flex gap={4} style={{ flexShrink: 0 }}>
                  {n.link ? (
                    <Button type="link" size="small" onClick={() => open(n)}>
                      {t('notification.open')}
                    </Button>
                  ) : null}
                  {n.readAt ? null : (
                    <Button
                      type="link"
                      size="small"
                      loading={markRead.isPending && markRead.variables === n.id}
                      onClick={() => markRead.mutate(n.id)}
                    >
                      {t('notification.markRead')}
                    </Button>
                  )}
                </Flex>
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
      {list.isPending ? null : (
        <LoadMore
          loaded={list.items.length}
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
        />
      )}
    </>
  );
}
