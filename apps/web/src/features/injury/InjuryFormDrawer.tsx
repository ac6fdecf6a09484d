import { type InjuryCaseDetail, LOST_WORKDAYS, RECOGNISED_RESULTS } from '@yufang/contracts';
import { DatePicker, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler } from '../../api/errors';
import { isoToPicker, pickerToIso } from '../../components/datetime';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { useAccidents, useSaveInjury } from './api';
import {
  bodyPartOptions,
  categoryOptions,
  disabilityOptions,
  natureOptions,
  recognitionOptions,
  severityOptions,
} from './labels';
import { EmployerPicker, WorkerFields } from './WorkerFields';

interface FormValues {
  employerId?: string;
  idNumber?: string;
  workerName: string;
  job?: string | null;
  occurredAt?: Dayjs;
  place?: string | null;
  accidentCategory?: string;
  injuryNature?: string | null;
  bodyPart?: string | null;
  cause?: string | null;
  harmingObject?: string | null;
  activity?: string | null;
  severity?: 'minor' | 'serious' | 'death';
  lostWorkdays?: number;
  commuting: boolean;
  recognitionResult: string;
  recognitionDate?: Dayjs | null;
  disabilityGrade?: number | null;
  disabilityAssessedOn?: Dayjs | null;
  accidentId?: string | null;
}

const day = (v: string | null) => (v ? dayjs(v) : null);
const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function valuesOf(c: InjuryCaseDetail): FormValues {
  return {
    workerName: c.workerName,
    job: c.job,
    occurredAt: isoToPicker(c.occurredAt) ?? undefined,
    place: c.place,
    accidentCategory: c.accidentCategory ?? undefined,
    injuryNature: c.injuryNature,
    bodyPart: c.bodyPart,
    cause: c.cause,
    harmingObject: c.harmingObject,
    activity: c.activity,
    severity: c.severity,
    lostWorkdays: c.lostWorkdays,
    commuting: c.commuting,
    recognitionResult: c.recognitionResult,
    recognitionDate: day(c.recognitionDate),
    disabilityGrade: c.disabilityGrade,
    disabilityAssessedOn: day(c.disabilityAssessedOn),
    accidentId: c.accidentId,
  };
}

interface Props {
  open: boolean;
  /** The case to correct; absent: a new registration. */
  record?: InjuryCaseDetail;
  /** A new case for this employer (from the employer's page). */
  employerId?: string;
  onClose: () => void;
  onSaved?: (saved: InjuryCaseDetail) => void;
}

/** Registration and correction of a work-injury case. */
export function InjuryFormDrawer({ open, record, employerId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveInjury();
  const chosenEmployer = Form.useWatch('employerId', form) ?? record?.employerId ?? employerId;
  const occurredAt = Form.useWatch('occurredAt', form);
  const result = Form.useWatch('recognitionResult', form);
  const accidents = useAccidents({ employerId: chosenEmployer }, { limit: 50, enabled: !!chosenEmployer && open });
  const graded = RECOGNISED_RESULTS.includes(result as never);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(record ? valuesOf(record) : { employerId, commuting: false, recognitionResult: 'pending' });
  }, [open, record, employerId, form]);

  const onSeverity = (severity: FormValues['severity']) => {
    // GB 6441: a death counts 6000 lost workdays, a serious injury at least 105
    if (severity === 'death') form.setFieldValue('lostWorkdays', LOST_WORKDAYS.death);
    else if (severity === 'serious' && (form.getFieldValue('lostWorkdays') ?? 0) < LOST_WORKDAYS.seriousMin)
      form.setFieldValue('lostWorkdays', LOST_WORKDAYS.seriousMin);
  };

  const onFinish = (v: FormValues) => {
    const body = {
      workerName: v.workerName.trim(),
      job: text(v.job),
      occurredAt: v.occurredAt ? pickerToIso(v.occurredAt) : '',
      place: text(v.place),
      accidentCategory: v.accidentCategory,
      injuryNature: v.injuryNature ?? null,
      bodyPart: v.bodyPart ?? null,
      cause: text(v.cause),
      harmingObject: text(v.harmingObject),
      activity: text(v.activity),
      severity: v.severity,
      lostWorkdays: v.lostWorkdays ?? 0,
      commuting: v.commuting,
      recognitionResult: v.recognitionResult,
      recognitionDate: v.recognitionDate?.format('YYYY-MM-DD') ?? null,
      disabilityGrade: graded ? (v.disabilityGrade ?? null) : null,
      disabilityAssessedOn: graded ? (v.disabilityAssessedOn?.format('YYYY-MM-DD') ?? null) : null,
      accidentId: v.accidentId ?? null,
      ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim() } : {}),
    };
    const input = record ? { ...body, version: record.version } : { ...body, employerId: v.employerId };
    save.mutate(
      { id: record?.id, input: input as never },
      {
        onSuccess: (saved) => {
          feedback.message.success(t('injury.saved', { no: saved.caseNo }));
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

  // the picker's wall-clock fields are Beijing time
  const eventDate = occurredAt?.format('YYYY-MM-DD');
  return (
    <FormDrawer
      open={open}
      title={record ? t('injury.editInjury', { no: record.caseNo }) : t('injury.createInjury')}
      size={640}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={save.isPending}
      saveTestId="injury-save"
    >
      <Form<FormValues> name="injury" form={form} layout="vertical" onFinish={onFinish}>
        {record ? null : (
          <Form.Item
            label={t('injury.employer')}
            name="employerId"
            rules={[{ required: true, message: t('injury.employerRequired') }]}
          >
            <EmployerPicker />
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
              data-testid="occurred-at"
            />
          </Form.Item>
          <Form.Item label={t('injury.place')} name="place" style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <WorkerFields
          form={form}
          employerId={chosenEmployer}
          eventDate={eventDate}
          editing={!!record}
          maskedId={record?.idMasked}
        />
        <Flex gap={16}>
          <Form.Item
            label={t('injury.category')}
            name="accidentCategory"
            rules={[{ required: true, message: t('injury.categoryRequired') }]}
            style={{ flex: 1 }}
          >
            <Select options={categoryOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="category" />
          </Form.Item>
          <Form.Item label={t('injury.nature')} name="injuryNature" style={{ flex: 1 }}>
            <Select allowClear options={natureOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item label={t('injury.bodyPart')} name="bodyPart" style={{ flex: 1 }}>
            <Select allowClear options={bodyPartOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item label={t('injury.cause')} name="cause" style={{ flex: 1 }}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item label={t('injury.harmingObject')} name="harmingObject" style={{ flex: 1 }}>
            <Input maxLength={64} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('injury.activity')} name="activity">
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            label={t('injury.severity')}
            name="severity"
            rules={[{ required: true, message: t('injury.severityRequired') }]}
            style={{ flex: 1 }}
          >
            <Select
              options={severityOptions}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={onSeverity}
              data-testid="severity"
            />
          </Form.Item>
          <Form.Item
            label={t('injury.lostWorkdays')}
            name="lostWorkdays"
            rules={[{ required: true, message: t('injury.lostRequired') }]}
            extra={t('injury.lostHint')}
            style={{ flex: 1 }}
          >
            <InputNumber
              min={0}
              max={LOST_WORKDAYS.death}
              precision={0}
              style={{ width: '100%' }}
              data-testid="lost-workdays"
            />
          </Form.Item>
          <Form.Item label={t('injury.commuting')} name="commuting" valuePropName="checked" style={{ flex: 1 }}>
            <Switch />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item label={t('injury.recognition')} name="recognitionResult" style={{ flex: 1 }}>
            <Select options={recognitionOptions} />
          </Form.Item>
          <Form.Item label={t('injury.recognitionDate')} name="recognitionDate" style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} disabled={result === 'pending'} />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item
            label={t('injury.disabilityGrade')}
            name="disabilityGrade"
            extra={graded ? undefined : t('injury.gradeHint')}
            style={{ flex: 1 }}
          >
            <Select allowClear options={disabilityOptions} disabled={!graded} />
          </Form.Item>
          <Form.Item label={t('injury.assessedOn')} name="disabilityAssessedOn" style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} disabled={!graded} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('injury.linkedAccident')} name="accidentId">
          <Select
            allowClear
            placeholder={t('injury.noAccident')}
            options={accidents.items.map((a) => ({
              value: a.id,
              label: `${a.accidentNo} · ${a.categoryName} · ${a.legalGradeName}`,
            }))}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
