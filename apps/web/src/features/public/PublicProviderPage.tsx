import { formatFen, type PublicProviderProfile } from '@yufang/contracts';
import { Card, Descriptions, Result, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePublicProvider, usePublicProviders } from '../provider/api';
import { GRADE_COLORS } from '../provider/ProviderProfile';
import { PublicFrame } from './PublicFrame';

/** A listed organisation's public profile and project record (no personal data). */
export default function PublicProviderPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const profile = usePublicProvider(id);
  const lists = usePublicProviders();
  const p = profile.data;
  useEffect(() => {
    document.title = `${p?.name ?? t('public.providersTitle')} - ${t('app.name')}`;
  }, [p, t]);
  const typeName = (code: string) => lists.data?.serviceTypes.find((s) => s.code === code)?.name ?? code;
  return (
    <PublicFrame privacy={t('public.privacy')}>
      <Link to="/public/providers">{t('public.back')}</Link>
      {profile.isError ? (
        <Result status="404" title={t('public.notListed')} />
      ) : (
        <Card loading={!p} style={{ marginTop: 12 }}>
          {p ? (
            <>
              <Typography.Title level={1} style={{ fontSize: 22 }}>
                {p.name}
              </Typography.Title>
              <Descriptions bordered size="small" column={2}>
                <Descriptions.Item label={t('public.uscc')}>{p.uscc}</Descriptions.Item>
                <Descriptions.Item label={t('public.county')}>{p.countyName}</Descriptions.Item>
                <Descriptions.Item label={t('public.services')}>
                  {p.serviceTypes.map((s) => (
                    <Tag key={s}>{typeName(s)}</Tag>
                  ))}
                </Descriptions.Item>
                <Descriptions.Item label={t('public.grade')}>
                  <Tag color={GRADE_COLORS[p.grade]}>{p.grade}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('public.listedSince')} span={2}>
                  {p.lists.map((l) => `${t(`provider.lists.${l.list}`)}（${l.listedSince}）`).join('；')}
                </Descriptions.Item>
                <Descriptions.Item label={t('public.qualifications')} span={2}>
                  {p.qualifications.map((q) => `${q.name}（${q.validUntil}）`).join('；')}
                </Descriptions.Item>
                <Descriptions.Item label={t('provider.introduction')} span={2}>
                  {p.introduction ?? '—'}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Title level={2} style={{ fontSize: 18, marginTop: 20 }}>
                {t('public.record')}
              </Typography.Title>
              <Table<PublicProviderProfile['engagements'][number]>
                rowKey={(_, i) => String(i)}
                size="small"
                pagination={false}
                locale={{ emptyText: t('public.noRecord') }}
                dataSource={p.engagements}
                columns={[
                  { title: t('public.year'), dataIndex: 'year', width: 70 },
                  { title: t('public.project'), dataIndex: 'title' },
                  { title: t('public.amount'), dataIndex: 'contractedFen', align: 'right', render: formatFen },
                  {
                    title: t('public.outcome'),
                    dataIndex: 'outcome',
                    render: (o: string) => t(`provider.outcomes.${o}` as never),
                  },
                  {
                    title: t('public.score'),
                    dataIndex: 'acceptanceScore',
                    align: 'right',
                    render: (s: number | null) => (s === null ? '—' : (s / 100).toFixed(1)),
                  },
                ]}
              />
            </>
          ) : null}
        </Card>
      )}
    </PublicFrame>
  );
}
