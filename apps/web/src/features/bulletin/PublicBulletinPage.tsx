import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../components/datetime';
import { PublicFrame } from '../public/PublicFrame';
import { usePublicBulletin } from './api';
import { BulletinDocument } from './BulletinDocument';

/** One published bulletin for anyone to read and print (no login, no personal data). */
export default function PublicBulletinPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = usePublicBulletin(id);
  const b = query.data;
  useEffect(() => {
    if (b) document.title = `${b.title} - ${t('bulletin.public.title')}`;
  }, [b, t]);
  return (
    <PublicFrame privacy={t('bulletin.public.privacy')}>
      <Flex justify="space-between" className="no-print" style={{ marginBottom: 12 }}>
        <Link to="/public/bulletins">
          <ArrowLeftOutlined /> {t('bulletin.public.back')}
        </Link>
        {b ? (
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('bulletin.printNow')}
          </Button>
        ) : null}
      </Flex>
      {query.isPending ? <Skeleton active /> : null}
      {query.isError ? <Result status="404" title={t('bulletin.public.notFound')} /> : null}
      {b ? (
        <Card>
          <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
            {b.title}
          </Typography.Title>
          <Flex gap={8} justify="center" style={{ marginBottom: 16 }}>
            <Tag>{t(`bulletin.kinds.${b.sourceKind}` as never)}</Tag>
            <Tag>{b.countyName}</Tag>
            <Typography.Text type="secondary">
              {t('bulletin.public.publishedOn', { at: formatDateTime(b.publishedAt) })}
            </Typography.Text>
          </Flex>
          <BulletinDocument facts={b.facts} narrative={b.narrative} causes={b.causes} lessons={b.lessons} />
        </Card>
      ) : null}
    </PublicFrame>
  );
}
