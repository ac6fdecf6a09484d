import { DownloadOutlined } from '@ant-design/icons';
import { KEY_ROLES, type PersonView } from '@yufang/contracts';
import { Button, Flex, Form, Input, Select, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session';
import { KeysetTable } from '../../../components/KeysetTable';
import { type PersonFilters, personExportUrl, usePersons } from './api';
import { MaskedIdCell } from './MaskedIdCell';
import { PersonFormDrawer, type PersonFormTarget } from './PersonFormDrawer';

/** 导出 Excel with the filters on screen, for those who may export (ID numbers always masked). */
export function PersonExportButton({ filters }: { filters: PersonFilters }) {
  const { t } = useTranslation();
  if (!useCan('employer.person.export')) return null;
  return (
    <Button icon={<DownloadOutlined />} href={personExportUrl(filters)} data-testid="person-export">
      {t('person.export')}
    </Button>
  );
}

export const PERSON_FILTER_KEYS = ['q', 'idNumber', 'keyRole', 'active'] as const;
type FilterValues = Pick<PersonFilters, (typeof PERSON_FILTER_KEYS)[number]>;

/** The filter row: name fragment, exact ID number, key role, insured status. */
export function PersonFilterForm({
  initial,
  onApply,
  name,
}: {
  initial: FilterValues;
  onApply: (values: FilterValues) => void;
  name: string;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const [form] = Form.useForm<FilterValues>();
  const apply = (values: FilterValues) => {
    const next: FilterValues = {};
    for (const key of PERSON_FILTER_KEYS) {
      const value = values[key]?.trim();
      if (value) next[key] = value;
    }
    onApply(next);
  };
  return (
    <Form<FilterValues>
      name={name}
      form={form}
      layout="inline"
      initialValues={initial}
      onFinish={apply}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item label={t('person.name')} name="q">
        <Input placeholder={t('person.namePlaceholder')} allowClear style={{ width: 140 }} maxLength={32} />
      </Form.Item>
      <Form.Item
        label={t('person.idNumber')}
        name="idNumber"
        rules={[{ pattern: /^\s*(\d{17}[\dXx])?\s*$/, message: t('person.idNumberFull') }]}
      >
        <Input placeholder={t('person.idNumberPlaceholder')} allowClear style={{ width: 210 }} maxLength={18} />
      </Form.Item>
      <Form.Item label={t('person.keyRole')} name="keyRole">
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 180 }}
          options={KEY_ROLES.map((r) => ({ value: r.code, label: english ? r.labelEn : r.label }))}
        />
      </Form.Item>
      <Form.Item label={t('person.status')} name="active">
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 110 }}
          options={[
            { value: 'true', label: t('person.active') },
            { value: 'false', label: t('person.ended') },
          ]}
        />
      </Form.Item>
      <Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ q: undefined, idNumber: undefined, keyRole: undefined, active: undefined });
              apply({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}

/** Insured persons in keyset pages; the employer column is left out inside an employer's own page. */
export function PersonsTable({ filters, showEmployer }: { filters: PersonFilters; showEmployer: boolean }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const persons = usePersons(filters);
  const [editing, setEditing] = useState<PersonFormTarget | null>(null);
  const roleLabel = (p: PersonView) =>
    english ? (KEY_ROLES.find((r) => r.code === p.keyRole)?.labelEn ?? p.keyRole) : p.keyRoleLabel;

  const columns: TableColumnsType<PersonView> = [
    { title: t('person.name'), dataIndex: 'name', width: 96 },
    {
      title: t('person.idNumber'),
      key: 'id',
      width: 205,
      render: (_: unknown, p) => <MaskedIdCell person={p} />,
    },
    {
      title: t('person.sexAge'),
      key: 'sex',
      width: 84,
      render: (_: unknown, p) => `${p.sex === 'M' ? t('person.male') : t('person.female')} / ${p.age}`,
    },
    ...(showEmployer
      ? [{ title: t('person.employer'), dataIndex: 'employerName', width: 160, ellipsis: true } as const]
      : []),
    { title: t('person.job'), dataIndex: 'job', width: 100, render: (job: string | null) => job ?? '—' },
    {
      title: t('person.keyRole'),
      key: 'keyRole',
      width: 130,
      render: (_: unknown, p) =>
        p.keyRole === 'other' ? (
          roleLabel(p)
        ) : (
          <Tag color={p.keyRole === 'team_leader' ? 'blue' : 'gold'}>{roleLabel(p)}</Tag>
        ),
    },
    {
      title: t('person.insuredPeriod'),
      key: 'period',
      width: 180,
      render: (_: unknown, p) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {p.insuredFrom} ~ {p.insuredTo ?? t('person.open')}
        </span>
      ),
    },
    {
      title: t('person.status'),
      key: 'active',
      width: 80,
      render: (_: unknown, p) =>
        p.active ? <Tag color="green">{t('person.active')}</Tag> : <Tag>{t('person.ended')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 64,
      render: (_: unknown, p) =>
        p.can.update ? (
          <Button type="link" size="small" onClick={() => setEditing({ person: p })} data-testid="person-edit">
            {t('common.edit')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <KeysetTable<PersonView>
        rowKey="id"
        size="middle"
        columns={columns}
        source={persons}
        scroll={{ x: showEmployer ? 1100 : 940 }}
      />
      <PersonFormDrawer target={editing} onClose={() => setEditing(null)} />
    </>
  );
}
