import { Flex, Form, Input, Select, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/session';
import { FilterActions } from '../../components/FilterActions';
import { useEmployer } from '../employer/api';
import { industryOptions } from '../employer/labels';
import { useRegions } from '../org/api';
import { filtersFrom, RECORD_KINDS, type RecordFilters, type RecordKind } from './api';

const FIRST_YEAR = 2015;

interface Props {
  kind: RecordKind;
  /** The kind's own filters (category, severity …) as form items. */
  children?: ReactNode;
  /** The names of the filters `children` holds (so the form keeps the others from the URL). */
  own: readonly string[];
}

/**
 * The filter bar of a record list, kept in the URL so that a dashboard can link to the records behind a number.
 * Parameters a drill-down sets that the bar has no field for (employerId, from, to …) are kept and shown as tags.
 */
export function RecordFilterForm({ kind, children, own }: Props) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<RecordFilters>();
  const filters = filtersFrom(kind, params);
  const regions = useRegions(useCan('system.org.read'));
  const counties = (regions.data ?? []).filter((r) => r.level === 'county' && !r.replacedBy);
  const shown = new Set(['year', 'county', 'industry', 'keyIndustry', 'q', ...own]);
  const hidden = RECORD_KINDS[kind].filters.filter((k) => !shown.has(k) && filters[k]);
  // a drill-down to one employer names it rather than showing its id
  const employer = useEmployer(filters.employerId);

  const apply = (values: RecordFilters) => {
    const next = new URLSearchParams();
    for (const key of RECORD_KINDS[kind].filters) {
      const value = shown.has(key) ? values[key] : filters[key];
      const text = value === undefined || value === null ? '' : String(value).trim();
      if (text) next.set(key, text);
    }
    setParams(next, { replace: true });
  };
  const dropHidden = (key: string) => {
    const next = new URLSearchParams(params);
    next.delete(key);
    setParams(next, { replace: true });
  };

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];

  return (
    <Form<RecordFilters>
      name={`${kind}Filter`}
      key={params.toString()}
      form={form}
      layout="inline"
      initialValues={filters}
      onFinish={apply}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item label={t('injury.keyword')} name="q">
        <Input placeholder={t(`injury.keywordPlaceholder.${kind}`)} allowClear style={{ width: 200 }} maxLength={64} />
      </Form.Item>
      <Form.Item label={t('injury.year')} name="year">
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 100 }}
          options={years.map((y) => ({ value: y, label: y }))}
        />
      </Form.Item>
      {counties.length > 1 ? (
        <Form.Item label={t('injury.county')} name="county">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={counties.map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
      ) : null}
      {/* several industries travel as one comma-separated parameter (a key-industry category from the dashboard) */}
      <Form.Item
        label={t('injury.industry')}
        name="industry"
        getValueProps={(v?: string) => ({ value: v ? v.split(',') : [] })}
        normalize={(v: string[]) => (v.length ? v.join(',') : undefined)}
      >
        <Select
          mode="multiple"
          maxTagCount="responsive"
          allowClear
          placeholder={t('common.all')}
          style={{ width: 200 }}
          options={industryOptions}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={320}
        />
      </Form.Item>
      <Form.Item label={t('injury.keyIndustry')} name="keyIndustry">
        <Select allowClear placeholder={t('common.all')} style={{ width: 90 }} options={yesNo} />
      </Form.Item>
      {children}
      <FilterActions onReset={() => setParams(new URLSearchParams(), { replace: true })} />
      {hidden.length ? (
        <Flex gap={4} align="center" wrap style={{ width: '100%', marginTop: 4 }}>
          {hidden.map((k) => (
            <Tag key={k} closable onClose={() => dropHidden(k)} data-testid={`filter-${k}`}>
              {t(`injury.filter.${k}` as never, { defaultValue: k })}：
              {k === 'employerId' ? (employer.data?.name ?? filters[k]) : filters[k]}
            </Tag>
          ))}
        </Flex>
      ) : null}
    </Form>
  );
}
