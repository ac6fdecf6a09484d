import { DownloadOutlined } from '@ant-design/icons';
import type { EmployerView } from '@yufang/contracts';
import { Button, Flex, Form, Input, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useCan, useSession } from '../../app/session';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { useRegions } from '../org/api';
import { type EmployerFilters, employerExportUrl, FILTER_KEYS, useEmployers } from './api';
import { INSURANCE_COLORS, industryOptions, insuranceOptions, riskOptions } from './labels';

/** The registry list: filters in the URL, keyset "加载更多", export with the same filters. */
export default function EmployersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const filters: EmployerFilters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]),
  ) as EmployerFilters;
  const [filterForm] = Form.useForm<EmployerFilters>();
  const employers = useEmployers(filters);
  const canExport = useCan('employer.export');
  const canReadOrg = useCan('system.org.read');
  const regions = useRegions(canReadOrg);

  // An employer account holds exactly one employer: its "list" is its own record.
  const only = me.scope.length === 1 && me.scope[0]?.kind === 'employer' ? me.scope[0].code : null;
  if (only) return <Navigate to={`/employers/${only}`} replace />;

  const applyFilters = (values: EmployerFilters) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = values[key]?.trim();
      if (value) next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];
  const counties = (regions.data ?? []).filter((r) => r.level === 'county' && !r.replacedBy);

  const columns: TableColumnsType<EmployerView> = [
    {
      title: t('employer.name'),
      dataIndex: 'name',
      width: 240,
      render: (name: string, e) => <Link to={`/employers/${e.id}`}>{name}</Link>,
    },
    {
      title: t('employer.uscc'),
      dataIndex: 'uscc',
      width: 175,
      render: (v: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>,
    },
    { title: t('employer.countyShort'), dataIndex: 'countyName', width: 75 },
    {
      title: t('employer.industry'),
      dataIndex: 'industryName',
      width: 170,
      render: (name: string, e) => `${e.industryCode} ${name}`,
    },
    {
      title: t('employer.riskClass'),
      dataIndex: 'riskClass',
      width: 80,
      render: (n: number | null) => (n === null ? '—' : t('employer.riskClassN', { n })),
    },
    {
      title: t('employer.keyIndustry'),
      dataIndex: 'keyIndustry',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="volcano">{t('employer.keyIndustryTag')}</Tag> : null),
    },
    {
      title: t('employer.dustHazard'),
      dataIndex: 'dustHazard',
      width: 80,
      render: (v: boolean) => (v ? <Tag color="gold">{t('employer.dustTag')}</Tag> : null),
    },
    {
      title: t('employer.insuranceStatus'),
      dataIndex: 'insuranceStatus',
      width: 90,
      render: (s: string) => <Tag color={INSURANCE_COLORS[s]}>{t(`employer.insurance.${s}` as never)}</Tag>,
    },
    {
      title: t('employer.workforce'),
      dataIndex: 'workforce',
      width: 85,
      align: 'right',
      render: (n: number | null) => (n === null ? '—' : n.toLocaleString('zh-CN')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('employer.title')}
        subTitle={t('employer.subtitle')}
        extra={
          canExport ? (
            <Button icon={<DownloadOutlined />} href={employerExportUrl(filters)}>
              {t('employer.export')}
            </Button>
          ) : null
        }
      />
      <Form<EmployerFilters>
        name="employerFilter"
        key={params.toString()}
        form={filterForm}
        layout="inline"
        initialValues={filters}
        onFinish={applyFilters}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label={t('employer.keyword')} name="q">
          <Input placeholder={t('employer.keywordPlaceholder')} allowClear style={{ width: 220 }} maxLength={64} />
        </Form.Item>
        {counties.length > 1 ? (
          <Form.Item label={t('employer.county')} name="countyCode">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 130 }}
              options={counties.map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('employer.industry')} name="industryCode">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 220 }}
            options={industryOptions}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={320}
          />
        </Form.Item>
        <Form.Item label={t('employer.riskClass')} name="riskClass">
          <Select allowClear placeholder={t('common.all')} style={{ width: 100 }} options={riskOptions(t)} />
        </Form.Item>
        <Form.Item label={t('employer.keyIndustry')} name="keyIndustry">
          <Select allowClear placeholder={t('common.all')} style={{ width: 90 }} options={yesNo} />
        </Form.Item>
        <Form.Item label={t('employer.dustHazard')} name="dustHazard">
          <Select allowClear placeholder={t('common.all')} style={{ width: 90 }} options={yesNo} />
        </Form.Item>
        <Form.Item label={t('employer.insuranceStatus')} name="insuranceStatus">
          <Select allowClear placeholder={t('common.all')} style={{ width: 120 }} options={insuranceOptions(t)} />
        </Form.Item>
        <Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                filterForm.resetFields();
                filterForm.setFieldsValue(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])));
                applyFilters({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
      <KeysetTable<EmployerView> rowKey="id" size="middle" columns={columns} source={employers} scroll={{ x: 1080 }} />
    </>
  );
}
