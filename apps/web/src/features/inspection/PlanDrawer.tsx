import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { InspectionItem, InspectionPlanDetail, InspectionPlanInput } from '@yufang/contracts';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, showApiError } from '../../api/errors';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { useInspectionOptions, useSavePlan } from './api';

interface Values {
  title: string;
  regionCode: string;
  leadUnitCode: string;
  unitCodes: string[];
  period: [Dayjs, Dayjs];
  items: InspectionItem[];
  employerIds: string[];
  note?: string;
}

/** The plan form (create or edit) in a drawer. */
export function PlanDrawer({
  plan,
  open,
  onClose,
  onSaved,
}: {
  plan: InspectionPlanDetail | null;
  open: boolean;
  onClose: () => void;
  onSaved: (p: InspectionPlanDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const regionCode = Form.useWatch('regionCode', form);
  const options = useInspectionOptions(search, regionCode);
  const save = useSavePlan(plan?.id ?? null);
  // employers already chosen stay labelled while the search shows others
  const [known, setKnown] = useState<Map<string, string>>(
    () => new Map((plan?.targets ?? []).map((t) => [t.employerId, `${t.employerName}（${t.countyName}）`])),
  );
  const employerOptions = new Map(known);
  for (const e of options.data?.employers ?? []) employerOptions.set(e.id, `${e.name}（${e.countyName}）`);
  const data = options.data;

  const initial: Partial<Values> = plan
    ? {
        title: plan.title,
        regionCode: plan.regionCode,
        leadUnitCode: plan.leadUnitCode,
        unitCodes: plan.units.map((u) => u.code),
        period: [dayjs(plan.startOn), dayjs(plan.endOn)],
        items: plan.items,
        employerIds: plan.targets.map((t) => t.employerId),
        note: plan.note ?? undefined,
      }
    : { unitCodes: [], employerIds: [], items: [] };

  const submit = (v: Values) => {
    const input: InspectionPlanInput & { version?: number } = {
      title: v.title,
      regionCode: v.regionCode,
      leadUnitCode: v.leadUnitCode,
      unitCodes: v.unitCodes ?? [],
      startOn: v.period[0].format('YYYY-MM-DD'),
      endOn: v.period[1].format('YYYY-MM-DD'),
      items: v.items ?? [],
      employerIds: v.employerIds ?? [],
      note: v.note ?? null,
      ...(plan ? { version: plan.version } : {}),
    };
    save.mutate(input, {
      onSuccess: (saved) => {
        feedback.message.success(plan ? t('common.saved') : t('inspection.created', { no: saved.planNo }));
        onSaved(saved);
      },
      onError: (error) => {
        if (!applyFieldErrors(form, error)) showApiError(error);
      },
    });
  };

  return (
    <FormDrawer
      open={open}
      title={plan ? t('inspection.editPlan') : t('inspection.newPlan')}
      size={720}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={save.isPending}
      saveTestId="plan-save"
    >
      <Form<Values> form={form} name="inspectionPlan" layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="title" label={t('inspection.planTitle')} rules={[{ required: true, min: 4 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="regionCode" label={t('inspection.region')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(data?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))}
            />
          </Form.Item>
          <Form.Item name="period" label={t('inspection.period')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item
            name="leadUnitCode"
            label={t('inspection.leadUnit')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="unitCodes" label={t('inspection.units')} style={{ flex: 2 }}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={(data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="employerIds" label={t('inspection.employers')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            placeholder={t('inspection.employerSearch')}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={[...employerOptions].map(([value, label]) => ({ value, label }))}
            onChange={(ids: string[]) =>
              setKnown(new Map(ids.map((id) => [id, employerOptions.get(id) ?? id] as [string, string])))
            }
          />
        </Form.Item>
        <Form.Item label={t('inspection.items')} required>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="baseline">
                    <Form.Item
                      name={[field.name, 'code']}
                      rules={[{ required: true }]}
                      style={{ width: 90, marginBottom: 4 }}
                    >
                      <Input placeholder={t('inspection.itemCode')} maxLength={16} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'text']}
                      rules={[{ required: true }]}
                      style={{ flex: 1, marginBottom: 4 }}
                    >
                      <Input placeholder={t('inspection.itemText')} maxLength={200} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label="remove"
                    />
                  </Flex>
                ))}
                <Flex gap={8}>
                  <Button icon={<PlusOutlined />} onClick={() => add({ code: '', text: '' })}>
                    {t('inspection.addItem')}
                  </Button>
                  <Button
                    data-testid="use-default-checklist"
                    onClick={() => form.setFieldValue('items', data?.checklist ?? [])}
                  >
                    {t('inspection.useDefault')}
                  </Button>
                </Flex>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="note" label={t('inspection.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
