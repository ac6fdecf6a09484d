import { GlobalOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../api/errors';
import { formatDateTime } from '../../components/datetime';
import { PageHeader } from '../../components/PageHeader';
import { AckTracking, EmployerAck } from './AckPanel';
import { useBulletin } from './api';
import { BulletinDocument } from './BulletinDocument';
import { BulletinEditor } from './BulletinEditor';
import { STATUS_COLORS } from './labels';
import { TransitionBar } from './TransitionBar';
import { WechatButton } from './WechatButton';

/** One bulletin: its de-identified content, the editor while a draft, the workflow, the channels and the tracking. */
export default function BulletinDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useBulletin(id);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const b = query.data;
  const staff = b.employerName !== null && !b.employerNamed;

  return (
    <>
      <PageHeader
        title={
          <>
            {b.title} <Tag color={STATUS_COLORS[b.status]}>{t(`bulletin.statuses.${b.status}` as never)}</Tag>
          </>
        }
        subTitle={`${t(`bulletin.kinds.${b.sourceKind}` as never)} · ${b.countyName} · ${t('bulletin.author')}：${b.authorName}${
          b.reviewerName ? ` · ${t('bulletin.reviewer')}：${b.reviewerName}` : ''
        }`}
        extra={
          <>
            <TransitionBar bulletin={b} />
            <WechatButton id={b.id} />
            <Link to={`/print/bulletins/${b.id}`} target="_blank">
              <Button icon={<PrinterOutlined />}>{t('bulletin.print')}</Button>
            </Link>
            {b.status === 'published' ? (
              <Link to={`/public/bulletins/${b.id}`} target="_blank">
                <Button icon={<GlobalOutlined />}>{t('bulletin.publicLink')}</Button>
              </Link>
            ) : null}
          </>
        }
      />
      {b.status === 'draft' && b.returnReason ? (
        <Alert
          type="warning"
          showIcon
          title={`${t('bulletin.returnReason')}：${b.returnReason}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {b.status === 'withdrawn' && b.withdrawReason ? (
        <Alert
          type="warning"
          showIcon
          title={`${t('bulletin.withdrawReason')}：${b.withdrawReason}（${formatDateTime(b.withdrawnAt)}）`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card>
        {staff || b.employerNamed ? (
          <Descriptions size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('bulletin.employerInternal')}>
              {b.employerName} {b.employerNamed ? <Tag color="red">{t('bulletin.employerNamedTag')}</Tag> : null}
            </Descriptions.Item>
            {b.publishedAt ? (
              <Descriptions.Item label={t('bulletin.publishedAt')}>{formatDateTime(b.publishedAt)}</Descriptions.Item>
            ) : null}
          </Descriptions>
        ) : null}
        {b.can.edit ? (
          <BulletinDocument facts={b.facts} narrative="" causes="" lessons="" />
        ) : (
          <BulletinDocument facts={b.facts} narrative={b.narrative} causes={b.causes} lessons={b.lessons} />
        )}
        {!b.can.edit && staff ? (
          <Typography.Text type="secondary">
            {t('bulletin.targeting')}：{b.targeting.countyCodes.length} {t('bulletin.counties')}
          </Typography.Text>
        ) : null}
      </Card>
      {b.can.edit ? <BulletinEditor bulletin={b} /> : null}
      <EmployerAck bulletin={b} />
      <AckTracking bulletin={b} />
    </>
  );
}
