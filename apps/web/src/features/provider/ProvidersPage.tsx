import type { ProviderSummary } from '@yufang/contracts';
import { Button, Form, Input, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { saveErrorHandler } from '../../api/errors';
import { useCan } from '../../app/session';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { type ProviderFilters, useCreateProvider, useProviderOptions, useProviders } from './api';
import { GradeTag, ProfileFields } from './ProviderProfile';

/** 服务机构: the registry with filters (service type, status, list, grade, sanction, text) and registration. */
export default function ProvidersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: ProviderFilters = Object.fromEntries(
    ['q', 'serviceType', 'status', 'list', 'grade', 'sanctioned'].flatMap((k) => {
      const v = params.get(k);
      return v ? [[k, v]] : [];
    }),
  );
  const list = useProviders(filters);
  const options = useProviderOptions();
  const canManage = useCan('provider.manage');
  const create = useCreateProvider();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const typeName = (code: string) => options.data?.serviceTypes.find((s) => s.code === code)?.name ?? code;

  const columns: TableColumnsType<ProviderSummary> = [
    {
      title: t('provider.name'),
      dataIndex: 'name',
      render: (n: string, r) => <Link to={`/providers/${r.id}`}>{n}</Link>,
    },
    { title: t('provider.uscc'), dataIndex: 'uscc', width: 190 },
    { title: t('provider.county'), dataIndex: 'countyName', width: 100 },
    {
      title: t('provider.serviceTypes'),
      dataIndex: 'serviceTypes',
      render: (types: string[]) => types.map((s) => <Tag key={s}>{typeName(s)}</Tag>),
    },
    {
      title: t('provider.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => t(`provider.statuses.${s}` as never),
    },
    {
      title: t('provider.listed'),
      dataIndex: 'listed',
      render: (l: string[]) =>
        l.map((x) => (
          <Tag color="green" key={x}>
            {t(`provider.lists.${x}` as never)}
          </Tag>
        )),
    },
    {
      title: t('provider.grade'),
      dataIndex: 'grade',
      width: 90,
      render: (g: string, r) => <GradeTag grade={g} score={r.score} />,
    },
    {
      title: t('provider.sanction'),
      dataIndex: 'sanction',
      width: 80,
      render: (s: string | null) => (s ? <Tag color="red">{t(`provider.sanctions.${s}` as never)}</Tag> : null),
    },
    { title: t('provider.nextExpiry'), dataIndex: 'nextExpiry', width: 110, render: (d: string | null) => d ?? '—' },
  ];

  const submit = async (values: Record<string, unknown>) => {
    try {
      const p = await create.mutateAsync({
        ...values,
        introduction: values.introduction || null,
        staff: values.staff ?? [],
        equipment: values.equipment ?? [],
      });
      feedback.message.success(t('provider.saved'));
      setOpen(false);
      void navigate(`/providers/${p.id}`);
    } catch (error) {
      saveErrorHandler(form, null)(error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('provider.title')}
        subTitle={t('provider.subTitle')}
        extra={
          <Space>
            <Button href="/public/providers" target="_blank">
              {t('provider.publicLink')}
            </Button>
            {canManage ? (
              <Button
                type="primary"
                onClick={() => {
                  form.resetFields();
                  setOpen(true);
                }}
              >
                {t('provider.register')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('provider.search')}
          defaultValue={filters.q}
          style={{ width: 240 }}
          onSearch={(v) => set('q', v.trim() || undefined)}
        />
        <Select
          aria-label={t('provider.serviceTypes')}
          allowClear
          placeholder={t('provider.allTypes')}
          value={filters.serviceType}
          style={{ width: 150 }}
          options={options.data?.serviceTypes.map((s) => ({ value: s.code, label: s.name }))}
          onChange={(v) => set('serviceType', v)}
        />
        <Select
          aria-label={t('provider.status')}
          allowClear
          placeholder={t('provider.allStatuses')}
          value={filters.status}
          style={{ width: 120 }}
          options={(['registered', 'approved', 'rejected'] as const).map((s) => ({
            value: s,
            label: t(`provider.statuses.${s}`),
          }))}
          onChange={(v) => set('status', v)}
        />
        <Select
          aria-label={t('provider.listed')}
          allowClear
          placeholder={t('provider.allLists')}
          value={filters.list}
          style={{ width: 190 }}
          options={(['training', 'online_platform'] as const).map((s) => ({
            value: s,
            label: t(`provider.lists.${s}`),
          }))}
          onChange={(v) => set('list', v)}
        />
        <Select
          aria-label={t('provider.grade')}
          allowClear
          placeholder={t('provider.allGrades')}
          value={filters.grade}
          style={{ width: 110 }}
          options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: g }))}
          onChange={(v) => set('grade', v)}
        />
        <Select
          aria-label={t('provider.sanction')}
          allowClear
          placeholder={t('provider.allSanctions')}
          value={filters.sanctioned}
          style={{ width: 130 }}
          options={[
            { value: 'true', label: t('provider.sanctioned') },
            { value: 'false', label: t('provider.unsanctioned') },
          ]}
          onChange={(v) => set('sanctioned', v)}
        />
      </Space>
      <KeysetTable rowKey="id" size="middle" columns={columns} source={list} />
      <FormDrawer
        open={open}
        title={t('provider.register')}
        size={720}
        onClose={() => setOpen(false)}
        onSave={() => form.submit()}
        saving={create.isPending}
        saveTestId="provider-save"
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ staff: [], equipment: [] }}>
          <ProfileFields create />
        </Form>
      </FormDrawer>
    </>
  );
}
