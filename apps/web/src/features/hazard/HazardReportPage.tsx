import {
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  type HazardCategory,
  type HazardDetail,
  HazardReportInput,
} from '@yufang/contracts';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { applyFieldErrors, showApiError } from '../../api/errors';
import { useSession } from '../../app/session';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { zodRule } from '../../components/zodRule';
import { useHazardOptions, useReportHazard } from './api';

interface Values {
  employerId?: string;
  category: HazardCategory;
  hazardFactor?: string;
  level?: 'general' | 'major';
  description?: string;
  location?: string;
  foundOn: Dayjs;
  foundByUnitCode?: string | null;
  responsibleUnitCode?: string;
  responsiblePerson?: string;
}

const field = HazardReportInput.shape;

/**
 * Records a hazard: an officer at an employer in their scope (a unit officer always for their own unit), or an
 * employer's self-report at /hazards/self-report. The deadline is not entered: the server sets it from the level.
 */
export default function HazardReportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const selfReport = useLocation().pathname.endsWith('/self-report');
  const me = useSession();
  const [search, setSearch] = useState('');
  const options = useHazardOptions(search);
  const report = useReportHazard(selfReport);
  const [form] = Form.useForm<Values>();
  const category = Form.useWatch('category', form);
  const ownUnit = options.data?.ownUnitCode ?? null;
  const ownEmployer = me.scope.find((s) => s.kind === 'employer')?.code;
  const units = (options.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }));

  const onFinish = (v: Values) => {
    const input = {
      employerId: ownEmployer && selfReport ? ownEmployer : (v.employerId ?? ''),
      category: v.category,
      hazardFactor: v.category === 'exposure' ? (v.hazardFactor ?? null) : null,
      level: v.level as 'general' | 'major',
      description: v.description ?? '',
      location: v.location ?? '',
      foundOn: v.foundOn.format('YYYY-MM-DD'),
      foundByUnitCode: selfReport ? null : (ownUnit ?? v.foundByUnitCode ?? null),
      responsibleUnitCode: v.responsibleUnitCode ?? '',
      responsiblePerson: v.responsiblePerson ?? null,
    };
    report.mutate(input, {
      onSuccess: (h: HazardDetail) => {
        feedback.message.success(t('hazard.created', { no: h.hazardNo }));
        navigate(`/hazards/${h.id}`);
      },
      onError: (error) => {
        if (!applyFieldErrors(form, error)) showApiError(error);
      },
    });
  };

  return (
    <>
      <PageHeader title={selfReport ? t('hazard.selfReport') : t('hazard.report')} subTitle={t('hazard.subtitle')} />
      <Card style={{ maxWidth: 820 }}>
        <Alert type="info" showIcon title={t('hazard.deadlineRule')} style={{ marginBottom: 16 }} />
        <Form<Values>
          // remounted once the caller's own unit is known, so that it is the default responsible department
          key={ownUnit ?? 'none'}
          form={form}
          name="hazardReport"
          layout="vertical"
          initialValues={{ category: 'safety', foundOn: dayjs(), responsibleUnitCode: ownUnit ?? undefined }}
          onFinish={onFinish}
        >
          {selfReport ? null : (
            <Form.Item label={t('hazard.employer')} name="employerId" rules={[zodRule(field.employerId)]}>
              <Select
                showSearch={{ filterOption: false, onSearch: setSearch }}
                placeholder={t('hazard.employerPlaceholder')}
                options={(options.data?.employers ?? []).map((e) => ({
                  value: e.id,
                  label: `${e.name}（${e.countyName}）`,
                }))}
              />
            </Form.Item>
          )}
          <Flex gap={16} wrap>
            <Form.Item label={t('hazard.category')} name="category" style={{ flex: '1 1 300px' }}>
              <Radio.Group
                options={Object.keys(HAZARD_CATEGORIES).map((c) => ({
                  value: c,
                  label: t(`hazard.categories.${c}` as never),
                }))}
              />
            </Form.Item>
            <Form.Item
              label={t('hazard.level')}
              name="level"
              rules={[zodRule(field.level)]}
              style={{ flex: '1 1 200px' }}
            >
              <Radio.Group
                options={Object.keys(HAZARD_LEVELS).map((l) => ({ value: l, label: t(`hazard.levels.${l}` as never) }))}
              />
            </Form.Item>
          </Flex>
          {category === 'exposure' ? (
            <Form.Item
              label={t('hazard.hazardFactor')}
              name="hazardFactor"
              rules={[{ required: true, whitespace: true, message: t('hazard.hazardFactorPlaceholder') }]}
            >
              <Input maxLength={64} placeholder={t('hazard.hazardFactorPlaceholder')} />
            </Form.Item>
          ) : null}
          <Form.Item label={t('hazard.description')} name="description" rules={[zodRule(field.description)]}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item
              label={t('hazard.location')}
              name="location"
              rules={[zodRule(field.location)]}
              style={{ flex: '2 1 300px' }}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              label={t('hazard.foundOn')}
              name="foundOn"
              rules={[{ required: true }]}
              style={{ flex: '1 1 160px' }}
            >
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Flex gap={16} wrap>
            {selfReport || ownUnit ? null : (
              <Form.Item label={t('hazard.foundBy')} name="foundByUnitCode" style={{ flex: '1 1 200px' }}>
                <Select allowClear options={units} />
              </Form.Item>
            )}
            <Form.Item
              label={t('hazard.responsibleUnit')}
              name="responsibleUnitCode"
              extra={t('hazard.responsibleUnitHint')}
              rules={[zodRule(field.responsibleUnitCode, (v) => v ?? '')]}
              style={{ flex: '1 1 240px' }}
            >
              <Select options={units} />
            </Form.Item>
            <Form.Item label={t('hazard.responsiblePerson')} name="responsiblePerson" style={{ flex: '1 1 160px' }}>
              <Input maxLength={32} />
            </Form.Item>
          </Flex>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={report.isPending}>
              {selfReport ? t('hazard.selfReport') : t('hazard.report')}
            </Button>
            <Button onClick={() => navigate('/hazards')}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
