import { Card, Flex, List, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/datetime';
import { LoadMore } from '../../components/LoadMore';
import { PublicFrame } from '../public/PublicFrame';
import { usePublicBulletins } from './api';

/** The public list of published bulletins (no login), newest first. */
export default function PublicBulletinsPage() {
  const { t } = useTranslation();
  const bulletins = usePublicBulletins();
  useEffect(() => {
    document.title = `${t('bulletin.public.title')} - ${t('app.name')}`;
  }, [t]);
  return (
    <PublicFrame privacy={t('bulletin.public.privacy')}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('bulletin.public.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('bulletin.public.subtitle')}</Typography.Paragraph>
      <Card>
        <List
          loading={bulletins.isLoading}
          dataSource={bulletins.items}
          locale={{ emptyText: t('bulletin.public.empty') }}
          renderItem={(b) => (
            <List.Item key={b.id}>
              <List.Item.Meta
                title={<Link to={`/public/bulletins/${b.id}`}>{b.title}</Link>}
                description={
                  <>
                    <Flex gap={8} wrap style={{ marginBottom: 4 }}>
                      <Tag>{t(`bulletin.kinds.${b.sourceKind}` as never)}</Tag>
                      <Tag>{b.countyName}</Tag>
                      <span>{t('bulletin.public.publishedOn', { at: formatDateTime(b.publishedAt) })}</span>
                    </Flex>
                    {b.excerpt}
                  </>
                }
              />
            </List.Item>
          )}
        />
        <LoadMore
          loaded={bulletins.items.length}
          hasNextPage={bulletins.hasNextPage}
          isFetchingNextPage={bulletins.isFetchingNextPage}
          fetchNextPage={bulletins.fetchNextPage}
        />
      </Card>
    </PublicFrame>
  );
}
