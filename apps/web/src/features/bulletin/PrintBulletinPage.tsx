import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText } from '../../api/errors';
import { formatDateTime } from '../../components/datetime';
import { useBulletin } from './api';
import { BulletinDocument } from './BulletinDocument';

/** A printable page (A4, no menus) of any bulletin the caller may read, drafts included for review on paper. */
export default function PrintBulletinPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useBulletin(id);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const b = query.data;
  return (
    <div style={{ maxWidth: 800, margin: '0 auto', padding: 32, background: '#fff' }}>
      <style>{'@page { size: A4; margin: 18mm } @media print { .no-print { display: none !important } }'}</style>
      <Button
        className="no-print"
        icon={<PrinterOutlined />}
        onClick={() => window.print()}
        style={{ marginBottom: 16 }}
      >
        {t('bulletin.printNow')}
      </Button>
      <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
        {b.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {b.countyName} · {t(`bulletin.statuses.${b.status}` as never)}
        {b.publishedAt ? ` · ${t('bulletin.public.publishedOn', { at: formatDateTime(b.publishedAt) })}` : ''}
      </Typography.Paragraph>
      <BulletinDocument
        bordered={false}
        facts={b.facts}
        narrative={b.narrative}
        causes={b.causes}
        lessons={b.lessons}
      />
    </div>
  );
}
