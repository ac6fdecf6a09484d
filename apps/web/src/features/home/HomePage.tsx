import { RightOutlined } from '@ant-design/icons';
import { roleByCode } from '@yufang/contracts';
import { Card, Col, Descriptions, Flex, Row, Skeleton, Statistic, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { EmptyState } from '../../components/EmptyState';
import { useWorkbench } from './api';

const SCOPE_COLORS = { region: 'blue', unit: 'purple', employer: 'green', provider: 'orange' } as const;

export default function HomePage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const workbench = useWorkbench();
  const { token } = theme.useToken();
  const english = i18n.language === 'en-US';
  const roleNames = me.roles.map((code) => {
    const role = roleByCode(code);
    return role ? (english ? role.nameEn : role.name) : code;
  });
  const items = workbench.data?.items ?? [];

  return (
    <Flex vertical gap={24}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: '0 0 12px' }}>
          {t('home.greeting', { name: me.displayName })}
        </Typography.Title>
        <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}>
          <Descriptions.Item label={t('home.roles')}>
            <Flex gap={4} wrap data-testid="home-roles">
              {roleNames.map((name) => (
                <Tag key={name} color="geekblue">
                  {name}
                </Tag>
              ))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.scope')}>
            <Flex gap={4} wrap data-testid="home-scope">
              {me.scope.length === 0 ? (
                <Typography.Text type="secondary">{t('home.noScope')}</Typography.Text>
              ) : (
                me.scope.map((entry) => (
                  <Tag key={`${entry.kind}:${entry.code}`} color={SCOPE_COLORS[entry.kind]}>
                    {entry.name}
                  </Tag>
                ))
              )}
            </Flex>
          </Descriptions.Item>
        </Descriptions>
      </div>

      <section aria-labelledby="workbench-title">
        <Typography.Title level={2} id="workbench-title" style={{ fontSize: 17, marginTop: 0 }}>
          {t('home.workbench')}
        </Typography.Title>
        {workbench.isPending ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <EmptyState description={t('home.empty')} />
        ) : (
          <Row gutter={[16, 16]}>
            {items.map((item) => (
              <Col key={item.key} xs={24} sm={12} lg={8} xl={6}>
                <Link to={item.link} aria-label={`${item.title}：${item.count}`}>
                  <Card hoverable size="small">
                    <Statistic title={item.title} value={item.count} />
                    <span style={{ display: 'inline-flex', gap: 4, marginTop: 8, color: token.colorPrimary }}>
                      {t('home.go')} <RightOutlined style={{ fontSize: 10 }} />
                    </span>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </section>
    </Flex>
  );
}
