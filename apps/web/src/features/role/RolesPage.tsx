import type { RoleView } from '@yufang/contracts';
import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useRoles } from './api';

export default function RolesPage() {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  const english = i18n.language === 'en-US';

  const columns: TableColumnsType<RoleView> = [
    {
      title: t('role.name'),
      dataIndex: 'name',
      width: 200,
      render: (_: unknown, role) => (
        <Flex vertical>
          <Typography.Text strong>{english ? role.nameEn : role.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {role.code}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('role.description'), dataIndex: 'description', width: 260 },
    {
      title: t('role.scopeKind'),
      dataIndex: 'scopeKind',
      width: 120,
      render: (kind: RoleView['scopeKind']) => t(`scopeKind.${kind}`),
    },
    { title: t('role.userCount'), dataIndex: 'userCount', width: 90, align: 'right' },
    {
      title: t('role.permissions'),
      dataIndex: 'permissions',
      render: (permissions: RoleView['permissions']) =>
        permissions.length === 0 ? (
          <Typography.Text type="secondary">{t('role.noPermissions')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {permissions.map((p) => (
              <Tag key={p.code} title={p.code}>
                {p.label}
              </Tag>
            ))}
          </Flex>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('role.title')} />
      <Table<RoleView>
        rowKey="code"
        columns={columns}
        dataSource={roles.data}
        loading={roles.isPending}
        pagination={false}
        scroll={{ x: 900 }}
      />
    </>
  );
}
