import { type DiseaseCaseView, diseaseEditionOn, isPneumoconiosis } from '@yufang/contracts';
import { DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler } from '../../api/errors';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { useSaveDisease } from './api';
import { disabilityOptions, diseaseCategoryOptions, recognitionOptions } from './labels';
import { EmployerPicker, WorkerFields } from './WorkerFields';

interface FormValues {
  employerId?: string;
  idNumber?: string;
  workerName: string;
  job?: string | null;
  diagnosedOn?: Dayjs;
  categoryNo?: number;
  diseaseName?: string;
  stage?: number | null;
  exposureMonths?: number | null;
  hazardFactor?: string | null;
  recognitionResult: string;
  disabilityGrade?: number | null;
}

function valuesOf(d: DiseaseCaseView): FormValues {
  return {
    workerName: d.workerName,
    job: d.job,
    diagnosedOn: dayjs(d.diagnosedOn),
    categoryNo: d.categoryNo,
    diseaseName: d.diseaseName,
    stage: d.stage,
    exposureMonths: d.exposureMonths,
    hazardFactor: d.hazardFactor,
    recognitionResult: d.recognitionResult,
    disabilityGrade: d.disabilityGrade,
  };
}

interface Props {
  open: boolean;
  record?: DiseaseCaseView;
  employerId?: string;
  onClose: () => void;
  onSaved?: (saved: DiseaseCaseView) => void;
}

/** Registration and correction of an occupational-disease case; the catalogue edition follows the diagnosis date. */
export function DiseaseFormDrawer({ open, record, employerId, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveDisease();
  const chosenEmployer = Form.useWatch('employerId', form) ?? record?.employerId ?? employerId;
  const diagnosedOn = Form.useWatch('diagnosedOn', form)?.format('YYYY-MM-DD');
  const categoryNo = Form.useWatch('categoryNo', form);
  const diseaseName = Form.useWatch('diseaseName', form) ?? '';
  const edition = diagnosedOn ? (diseaseEditionOn(diagnosedOn)?.edition ?? null) : null;
  const dust = !!edition && categoryNo !== undefined && isPneumoconiosis(edition, categoryNo, diseaseName);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(record ? valuesOf(record) : { employerId, recognitionResult: 'pending' });
  }, [open, record, employerId, form]);

  const onFinish = (v: FormValues) => {
    const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
    const body = {
      workerName: v.workerName.trim(),
      job: text(v.job),
      diagnosedOn: v.diagnosedOn?.format('YYYY-MM-DD'),
      categoryNo: v.categoryNo,
      diseaseName: v.diseaseName?.trim(),
      stage: dust ? (v.stage ?? null) : null,
      exposureMonths: v.exposureMonths ?? null,
      hazardFactor: text(v.hazardFactor),
      recognitionResult: v.recognitionResult,
      disabilityGrade: v.disabilityGrade ?? null,
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

  return (
    <FormDrawer
      open={open}
      title={record ? t('injury.editDisease', { no: record.caseNo }) : t('injury.createDisease')}
      size={600}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={save.isPending}
    >
      <Form<FormValues> name="disease" form={form} layout="vertical" onFinish={onFinish}>
        {record ? null : (
          <Form.Item
            label={t('injury.employer')}
            name="employerId"
            rules={[{ required: true, message: t('injury.employerRequired') }]}
          >
            <EmployerPicker />
          </Form.Item>
        )}
        <Form.Item
          label={t('injury.diagnosedOn')}
          name="diagnosedOn"
          rules={[{ required: true, message: t('injury.diagnosedRequired') }]}
          extra={edition ? t('injury.editionInForce', { edition }) : undefined}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <WorkerFields
          form={form}
          employerId={chosenEmployer}
          eventDate={diagnosedOn}
          editing={!!record}
          maskedId={record?.idMasked}
        />
        <Flex gap={16}>
          <Form.Item
            label={t('injury.diseaseCategory')}
            name="categoryNo"
            rules={[{ required: true, message: t('injury.categoryRequired') }]}
            style={{ flex: 3 }}
          >
            <Select options={diseaseCategoryOptions(edition)} />
          </Form.Item>
          <Form.Item label={t('injury.stage')} name="stage" style={{ flex: 1 }}>
            <Select
              allowClear
              disabled={!dust}
              options={[1, 2, 3].map((n) => ({ value: n, label: t('injury.stageN', { n }) }))}
            />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item
            label={t('injury.disease')}
            name="diseaseName"
            rules={[{ required: true, whitespace: true, message: t('injury.diseaseRequired') }]}
            style={{ flex: 2 }}
          >
            <Input maxLength={100} placeholder="矽肺" />
          </Form.Item>
          <Form.Item label={t('injury.hazardFactor')} name="hazardFactor" style={{ flex: 1 }}>
            <Input maxLength={64} placeholder="矽尘" />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item label={t('injury.exposure')} name="exposureMonths" style={{ flex: 1 }}>
            <InputNumber min={0} max={1200} precision={0} style={{ width: '100%' }} suffix={t('injury.months')} />
          </Form.Item>
          <Form.Item label={t('injury.recognition')} name="recognitionResult" style={{ flex: 1 }}>
            <Select options={recognitionOptions} />
          </Form.Item>
          <Form.Item label={t('injury.disabilityGrade')} name="disabilityGrade" style={{ flex: 1 }}>
            <Select allowClear options={disabilityOptions} />
          </Form.Item>
        </Flex>
      </Form>
    </FormDrawer>
  );
}
