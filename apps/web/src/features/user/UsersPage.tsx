import { PlusOutlined } from '@ant-design/icons';
import { ROLES, roleByCode, type UserView } from '@yufang/contracts';
import { Button, Flex, Form, Input, Popconfirm, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { showApiError } from '../../api/errors';
import { useCan } from '../../app/session';
import { formatDateTime, isFuture } from '../../components/datetime';
import { feedback } from '../../components/feedback';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { regionOptions, useRegions } from '../org/api';
import { type UserFilters, type UserWithPasswordData, useResetPassword, useUnlockUser, useUsers } from './api';
import { InitialPasswordModal } from './InitialPasswordModal';
import { type UserDrawerState, UserFormDrawer } from './UserFormDrawer';

const FILTER_KEYS = ['q', 'role', 'regionCode'] as const;
const SCOPE_TAGS_SHOWN = 3;

function UserStatus({ user }: { user: UserView }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {user.disabled ? (
        <Tag>{t('user.statusDisabled')}</Tag>
      ) : isFuture(user.lockedUntil) ? (
        <Tag color="red" title={formatDateTime(user.lockedUntil)}>
          {t('user.statusLocked')}
        </Tag>
      ) : (
        <Tag color="green">{t('user.statusActive')}</Tag>
      )}
      {user.mustChangePassword ? <Tag color="orange">{t('user.mustChange')}</Tag> : null}
    </Flex>
  );
}

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const [params, setParams] = useSearchParams();
  const filters: UserFilters = {
    q: params.get('q') ?? undefined,
    role: params.get('role') ?? undefined,
    regionCode: params.get('regionCode') ?? undefined,
  };
  const [filterForm] = Form.useForm<UserFilters>();
  const users = useUsers(filters);
  const canReadOrg = useCan('system.org.read');
  const regions = useRegions(canReadOrg);
  const canCreate = useCan('system.user.create');
  const [drawer, setDrawer] = useState<UserDrawerState>(null);
  const [password, setPassword] = useState<UserWithPasswordData | null>(null);
  const resetPassword = useResetPassword();
  const unlock = useUnlockUser();

  const applyFilters = (values: UserFilters) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = values[key]?.trim();
      if (value) next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const roleName = (code: string) => {
    const role = roleByCode(code);
    return role ? (english ? role.nameEn : role.name) : code;
  };

  const columns: TableColumnsType<UserView> = [
    {
      title: t('user.username'),
      dataIndex: 'username',
      width: 140,
      render: (username: string, user) => (
        <Flex gap={4} align="center">
          <Typography.Text>{username}</Typography.Text>
          {user.demo ? (
            <Tag color="orange" variant="filled" style={{ fontSize: 11, lineHeight: '16px' }}>
              {t('user.demo')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    { title: t('user.displayName'), dataIndex: 'displayName', width: 110 },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      width: 180,
      render: (roles: string[]) => (
        <Flex gap={4} wrap>
          {roles.map((code) => (
            <Tag key={code} color="geekblue">
              {roleName(code)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('user.region'), dataIndex: 'regionName', width: 80 },
    {
      title: t('user.scope'),
      dataIndex: 'scope',
      width: 180,
      render: (scope: UserView['scope']) =>
        scope.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {scope.slice(0, SCOPE_TAGS_SHOWN).map((e) => (
              <Tag key={`${e.kind}:${e.code}`}>{e.name}</Tag>
            ))}
            {scope.length > SCOPE_TAGS_SHOWN ? (
              <Typography.Text type="secondary" title={scope.map((e) => e.name).join('、')}>
                {t('user.more', { count: scope.length })}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
    },
    { title: t('user.status'), key: 'status', width: 115, render: (_: unknown, user) => <UserStatus user={user} /> },
    {
      title: t('user.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 165,
      render: (at: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      fixed: 'end',
      render: (_: unknown, user) => (
        <Flex gap={0} wrap>
          {user.can.update ? (
            <Button type="link" size="small" onClick={() => setDrawer({ mode: 'edit', id: user.id })}>
              {t('common.edit')}
            </Button>
          ) : null}
          {user.can.resetPassword ? (
            <Popconfirm
              title={t('user.resetConfirmTitle', { name: user.displayName })}
              description={t('user.resetConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                resetPassword.mutateAsync(user.id).then(setPassword, (error: unknown) => showApiError(error))
              }
            >
              <Button type="link" size="small">
                {t('user.resetPassword')}
              </Button>
            </Popconfirm>
          ) : null}
          {user.can.unlock && isFuture(user.lockedUntil) ? (
            <Button
              type="link"
              size="small"
              loading={unlock.isPending && unlock.variables === user.id}
              onClick={() =>
                unlock.mutate(user.id, {
                  onSuccess: () => feedback.message.success(t('user.unlocked', { name: user.displayName })),
                  onError: showApiError,
                })
              }
            >
              {t('user.unlock')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  // Read-only administrators (a county officer) get no empty 操作 column.
  const anyAction = users.items.some((u) => u.can.update || u.can.resetPassword || u.can.unlock);
  const shownColumns = anyAction ? columns : columns.filter((c) => c.key !== 'actions');

  return (
    <>
      <PageHeader
        title={t('user.title')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create' })}>
              {t('user.create')}
            </Button>
          ) : null
        }
      />
      <Form<UserFilters>
        name="userFilter"
        key={params.toString()}
        form={filterForm}
        layout="inline"
        initialValues={filters}
        onFinish={applyFilters}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label={t('user.keyword')} name="q">
          <Input placeholder={t('user.keywordPlaceholder')} allowClear style={{ width: 180 }} maxLength={64} />
        </Form.Item>
        <Form.Item label={t('user.role')} name="role">
          <Select
            allowClear
            placeholder={t('user.anyRole')}
            style={{ width: 200 }}
            options={ROLES.map((r) => ({ value: r.code, label: english ? r.nameEn : r.name }))}
          />
        </Form.Item>
        {canReadOrg ? (
          <Form.Item label={t('user.region')} name="regionCode">
            <Select
              allowClear
              placeholder={t('user.anyRegion')}
              style={{ width: 200 }}
              options={regionOptions(regions.data)}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        ) : null}
        <Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                filterForm.resetFields();
                filterForm.setFieldsValue({ q: undefined, role: undefined, regionCode: undefined });
                applyFilters({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
      <KeysetTable<UserView> rowKey="id" size="middle" columns={shownColumns} source={users} scroll={{ x: 1130 }} />
      <UserFormDrawer
        state={drawer}
        onClose={() => setDrawer(null)}
        onCreated={(result) => {
          setDrawer(null);
          setPassword(result);
        }}
      />
      <InitialPasswordModal result={password} onClose={() => setPassword(null)} />
    </>
  );
}
