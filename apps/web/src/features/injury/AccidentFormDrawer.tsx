import { type AccidentDetail, formatFen, yuanToFen } from '@yufang/contracts';
import { Alert, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler } from '../../api/errors';
import { useCan } from '../../app/session';
import { isoToPicker, pickerToIso } from '../../components/datetime';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { useRegions } from '../org/api';
import { useSaveAccident } from './api';
import { categoryOptions } from './labels';
import { EmployerPicker } from './WorkerFields';

interface FormValues {
  accidentNo?: string;
  employerId?: string | null;
  countyCode?: string | null;
  occurredAt?: Dayjs;
  category?: string;
  deaths: number;
  seriousInjuries: number;
  minorInjuries: number;
  directLoss?: string;
  summary?: string | null;
}

function valuesOf(a: AccidentDetail): FormValues {
  return {
    accidentNo: a.accidentNo,
    employerId: a.employerId,
    countyCode: a.countyCode,
    occurredAt: isoToPicker(a.occurredAt) ?? undefined,
    category: a.category,
    deaths: a.deaths,
    seriousInjuries: a.seriousInjuries,
    minorInjuries: a.minorInjuries,
    directLoss: a.directLossFen === null ? '' : formatFen(a.directLossFen),
    summary: a.summary,
  };
}

interface Props {
  open: boolean;
  record?: AccidentDetail;
  onClose: () => void;
  onSaved?: (saved: AccidentDetail) => void;
}

/** Registration and correction of a production-safety accident; the server grades it (条例第三条). */
export function AccidentFormDrawer({ open, record, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveAccident();
  const regions = useRegions(useCan('system.org.read'));
  const counties = (regions.data ?? []).filter((r) => r.level === 'county' && !r.replacedBy);
  const employerId = Form.useWatch('employerId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(record ? valuesOf(record) : { deaths: 0, seriousInjuries: 0, minorInjuries: 0 });
  }, [open, record, form]);

  const onFinish = (v: FormValues) => {
    let directLossFen: number | null = null;
    if (v.directLoss?.trim()) {
      try {
        directLossFen = yuanToFen(v.directLoss);
      } catch (e) {
        form.setFields([{ name: 'directLoss', errors: [(e as Error).message] }]);
        return;
      }
    }
    const body = {
      ...(v.accidentNo?.trim() ? { accidentNo: v.accidentNo.trim() } : {}),
      employerId: v.employerId ?? null,
      countyCode: v.employerId ? null : (v.countyCode ?? null),
      occurredAt: v.occurredAt ? pickerToIso(v.occurredAt) : '',
      category: v.category,
      deaths: v.deaths,
      seriousInjuries: v.seriousInjuries,
      minorInjuries: v.minorInjuries,
      directLossFen,
      summary: v.summary?.trim() || null,
    };
    save.mutate(
      { id: record?.id, input: (record ? { ...body, version: record.version } : body) as never },
      {
        onSuccess: (saved) => {
          feedback.message.success(t('injury.accidentSaved', { no: saved.accidentNo, grade: saved.legalGradeName }));
          onClose();
          onSaved?.(saved);
        },
        onError: saveErrorHandler(
          form,
          record
            ? () => {
                feedback.message.warning(t('common.conflict'), 6);
                onClose();
              }
            : null,
        ),
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={record ? t('injury.editAccident', { no: record.accidentNo }) : t('injury.createAccident')}
      size={560}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={save.isPending}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('injury.gradeRule')} />
      <Form<FormValues> name="accident" form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('injury.accidentNo')} name="accidentNo" extra={t('injury.accidentNoHint')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label={t('injury.employer')} name="employerId">
          <EmployerPicker
            current={record?.employerId ? { id: record.employerId, name: record.employerName ?? '' } : null}
          />
        </Form.Item>
        {employerId ? null : (
          <Form.Item
            label={t('injury.county')}
            name="countyCode"
            rules={[{ required: true, message: t('injury.countyRequired') }]}
          >
            <Select options={counties.map((c) => ({ value: c.code, label: c.name }))} />
          </Form.Item>
        )}
        <Flex gap={16}>
          <Form.Item
            label={t('injury.occurredAt')}
            name="occurredAt"
            rules={[{ required: true, message: t('injury.occurredRequired') }]}
            style={{ flex: 1 }}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs())}
            />
          </Form.Item>
          <Form.Item
            label={t('injury.category')}
            name="category"
            rules={[{ required: true, message: t('injury.categoryRequired') }]}
            style={{ flex: 1 }}
          >
            <Select options={categoryOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item label={t('injury.deaths')} name="deaths" style={{ flex: 1 }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('injury.seriousInjuries')} name="seriousInjuries" style={{ flex: 1 }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('injury.minorInjuries')} name="minorInjuries" style={{ flex: 1 }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('injury.directLossYuan')} name="directLoss">
          <Input placeholder="120000.00" />
        </Form.Item>
        <Form.Item label={t('injury.summary')} name="summary">
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
