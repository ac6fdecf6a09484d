import {
  HAZARD_CATEGORIES,
  HAZARD_LEVELS,
  type InspectionFindingInput,
  type InspectionPlanDetail,
  type InspectionTargetView,
} from '@yufang/contracts';
import { Card, DatePicker, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, showApiError } from '../../api/errors';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { useInspectionOptions, useRecordVisit } from './api';

type ItemValue = { result?: 'pass' | 'fail' | 'na'; note?: string } & Partial<Omit<InspectionFindingInput, 'itemCode'>>;
interface Values {
  visitedOn: Dayjs;
  note?: string;
  items: Record<string, ItemValue>;
}

/** Records the visit of one employer: a result per item; a failed item needs its finding (it becomes a hazard). */
export function VisitDrawer({
  plan,
  target,
  onClose,
}: {
  plan: InspectionPlanDetail;
  target: InspectionTargetView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const items = Form.useWatch('items', form) ?? {};
  const units = useInspectionOptions().data?.units ?? [];
  const record = useRecordVisit(plan.id);
  const today = dayjs();
  const initialVisit = dayjs(plan.endOn).isBefore(today) ? dayjs(plan.endOn) : today;

  const submit = (v: Values) => {
    const itemResults = plan.items.map((item) => ({
      code: item.code,
      result: v.items?.[item.code]?.result ?? 'pass',
      ...(v.items?.[item.code]?.note ? { note: v.items[item.code]?.note } : {}),
    }));
    const findings = plan.items
      .filter((item) => v.items?.[item.code]?.result === 'fail')
      .map((item) => {
        const f = v.items[item.code] as ItemValue;
        return {
          itemCode: item.code,
          category: f.category ?? 'safety',
          hazardFactor: f.category === 'exposure' ? (f.hazardFactor ?? null) : null,
          level: f.level ?? 'general',
          description: f.description ?? '',
          location: f.location ?? '',
          responsibleUnitCode: f.responsibleUnitCode ?? '',
        };
      });
    record.mutate(
      {
        targetId: target.id,
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        itemResults,
        findings,
        note: v.note ?? null,
        version: target.version,
      },
      {
        onSuccess: () => {
          feedback.message.success(t('inspection.recorded', { count: findings.length }));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error)) showApiError(error);
        },
      },
    );
  };

  return (
    <FormDrawer
      open
      title={t('inspection.recordTitle', { name: target.employerName })}
      size={760}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={record.isPending}
      saveTestId="visit-save"
    >
      <Form<Values>
        form={form}
        name="inspectionVisit"
        layout="vertical"
        initialValues={{
          visitedOn: initialVisit,
          items: Object.fromEntries(
            plan.items.map((i) => [i.code, { result: 'pass', category: 'safety', level: 'general' }]),
          ),
        }}
        onFinish={submit}
      >
        <Form.Item name="visitedOn" label={t('inspection.visitedOn')} rules={[{ required: true }]}>
          <DatePicker
            disabledDate={(d) =>
              d.isAfter(today, 'day') || d.isBefore(dayjs(plan.startOn), 'day') || d.isAfter(dayjs(plan.endOn), 'day')
            }
          />
        </Form.Item>
        <Flex vertical gap={8}>
          {plan.items.map((item) => {
            const failed = items[item.code]?.result === 'fail';
            return (
              <Card key={item.code} size="small" data-testid={`item-${item.code}`}>
                <Flex justify="space-between" align="center" gap={12} wrap>
                  <Typography.Text>
                    <Typography.Text strong>{item.code}</Typography.Text> {item.text}
                  </Typography.Text>
                  <Form.Item name={['items', item.code, 'result']} noStyle>
                    <Radio.Group
                      optionType="button"
                      size="small"
                      options={(['pass', 'fail', 'na'] as const).map((r) => ({
                        value: r,
                        label: t(`inspection.results.${r}`),
                      }))}
                    />
                  </Form.Item>
                </Flex>
                {failed ? (
                  <div style={{ marginTop: 8 }}>
                    <Typography.Text type="danger">{t('inspection.finding')}</Typography.Text>
                    <Flex gap={8} wrap style={{ marginTop: 4 }}>
                      <Form.Item
                        name={['items', item.code, 'category']}
                        label={t('inspection.category')}
                        style={{ width: 170 }}
                      >
                        <Select
                          options={Object.entries(HAZARD_CATEGORIES).map(([value, label]) => ({ value, label }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={['items', item.code, 'level']}
                        label={t('inspection.level')}
                        style={{ width: 120 }}
                      >
                        <Select options={Object.entries(HAZARD_LEVELS).map(([value, label]) => ({ value, label }))} />
                      </Form.Item>
                      {items[item.code]?.category === 'exposure' ? (
                        <Form.Item
                          name={['items', item.code, 'hazardFactor']}
                          label={t('inspection.hazardFactor')}
                          rules={[{ required: true }]}
                          style={{ width: 120 }}
                        >
                          <Input maxLength={64} />
                        </Form.Item>
                      ) : null}
                      <Form.Item
                        name={['items', item.code, 'responsibleUnitCode']}
                        label={t('inspection.responsibleUnit')}
                        rules={[{ required: true }]}
                        style={{ width: 150 }}
                      >
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          options={units.map((u) => ({ value: u.code, label: u.name }))}
                        />
                      </Form.Item>
                    </Flex>
                    <Flex gap={8}>
                      <Form.Item
                        name={['items', item.code, 'description']}
                        label={t('inspection.description')}
                        rules={[{ required: true, min: 4 }]}
                        style={{ flex: 2 }}
                      >
                        <Input maxLength={900} />
                      </Form.Item>
                      <Form.Item
                        name={['items', item.code, 'location']}
                        label={t('inspection.location')}
                        rules={[{ required: true, min: 2 }]}
                        style={{ flex: 1 }}
                      >
                        <Input maxLength={200} />
                      </Form.Item>
                    </Flex>
                  </div>
                ) : (
                  <Form.Item name={['items', item.code, 'note']} noStyle>
                    <Input
                      size="small"
                      placeholder={t('inspection.itemNote')}
                      style={{ marginTop: 6 }}
                      maxLength={500}
                    />
                  </Form.Item>
                )}
              </Card>
            );
          })}
        </Flex>
        <Form.Item name="note" label={t('inspection.visitNote')} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
