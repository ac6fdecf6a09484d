import type { PublicProviderRow } from '@yufang/contracts';
import { Button, Card, Flex, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { publicExportUrl, usePublicProviders } from '../provider/api';
import { GRADE_COLORS } from '../provider/ProviderProfile';
import { PublicFrame } from './PublicFrame';

/** The public recommended lists (no login): training organisations and online training platforms. */
export default function PublicProvidersPage() {
  const { t } = useTranslation();
  const lists = usePublicProviders();
  useEffect(() => {
    document.title = `${t('public.providersTitle')} - ${t('app.name')}`;
  }, [t]);
  const typeName = (code: string) => lists.data?.serviceTypes.find((s) => s.code === code)?.name ?? code;
  const columns: TableColumnsType<PublicProviderRow> = [
    {
      title: t('public.name'),
      dataIndex: 'name',
      render: (n: string, r) => <Link to={`/public/providers/${r.id}`}>{n}</Link>,
    },
    { title: t('public.uscc'), dataIndex: 'uscc', width: 180 },
    { title: t('public.county'), dataIndex: 'countyName', width: 90 },
    {
      title: t('public.services'),
      dataIndex: 'serviceTypes',
      render: (s: string[]) => s.map((c) => <Tag key={c}>{typeName(c)}</Tag>),
    },
    {
      title: t('public.qualifications'),
      dataIndex: 'qualifications',
      render: (qs: PublicProviderRow['qualifications']) => (
        <Flex vertical>
          {qs.map((q) => (
            <span key={q.number}>
              {q.name}（{q.validUntil}）
            </span>
          ))}
        </Flex>
      ),
    },
    {
      title: t('public.grade'),
      dataIndex: 'grade',
      width: 80,
      render: (g: string) => <Tag color={GRADE_COLORS[g]}>{g}</Tag>,
    },
    { title: t('public.listedSince'), dataIndex: 'listedSince', width: 110 },
  ];
  const tab = (list: 'training' | 'online_platform') => ({
    key: list,
    label: `${t(`provider.lists.${list}`)}（${lists.data?.[list].length ?? 0}）`,
    children: (
      <>
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button href={publicExportUrl(list)} download>
            {t('public.download')}
          </Button>
        </Flex>
        <Table
          rowKey="id"
          size="middle"
          loading={lists.isLoading}
          columns={columns}
          dataSource={lists.data?.[list] ?? []}
          pagination={false}
          locale={{ emptyText: t('public.empty') }}
          data-testid={`public-list-${list}`}
        />
      </>
    ),
  });
  return (
    <PublicFrame privacy={t('public.privacy')}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('public.providersTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('public.providersSubtitle')}</Typography.Paragraph>
      <Card>
        <Tabs items={[tab('training'), tab('online_platform')]} />
      </Card>
    </PublicFrame>
  );
}
