import {
  EXPERT_ASSESSMENT_RESULTS,
  EXPERT_DISCIPLINE_KINDS,
  EXPERT_RELATION_KINDS,
  type ExpertAction,
  type ExpertDetail,
} from '@yufang/contracts';
import { Button, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler } from '../../api/errors';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { type ExpertRecordKind, useAddExpertRecord, useExpertOptions, useExpertTransition } from './api';

type Values = Record<string, unknown>;
const DATE_FIELDS = [
  'termStart',
  'declaredOn',
  'endedOn',
  'validUntil',
  'recordedOn',
  'suspendedUntil',
  'fromDate',
  'toDate',
];

/** Dates from the pickers as YYYY-MM-DD, empty optional fields as null. */
function toBody(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (DATE_FIELDS.includes(k)) out[k] = v ? (v as Dayjs).format('YYYY-MM-DD') : null;
    else out[k] = v === '' || v === undefined ? null : v;
  }
  return out;
}

/** The transition drawers: one button per action the server allows from the current status. */
export function ExpertActions({ expert }: { expert: ExpertDetail }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<ExpertAction | null>(null);
  const [form] = Form.useForm<Values>();
  const transition = useExpertTransition(expert.id);
  const options = useExpertOptions();
  const reason = (
    <Form.Item
      label={t('expert.reason')}
      name="reason"
      rules={[{ required: true, whitespace: true, min: 2, message: '请填写原因（至少 2 个字）' }]}
    >
      <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} />
    </Form.Item>
  );
  const note = (
    <Form.Item label={t('expert.note')} name="note">
      <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
    </Form.Item>
  );

  const onFinish = (values: Values) => {
    if (!action) return;
    transition.mutate(
      { action, version: expert.version, ...toBody(values) },
      {
        onSuccess: () => {
          feedback.message.success(t('expert.done', { action: t(`expert.actions.${action}`) }));
          setAction(null);
        },
        onError: saveErrorHandler(form, () => {
          feedback.message.warning(t('expert.stale'));
          setAction(null);
        }),
      },
    );
  };

  return (
    <>
      {expert.actions.map((a) => (
        <Button
          key={a}
          type={a === 'reject' || a === 'dismiss' ? 'default' : 'primary'}
          danger={a === 'reject' || a === 'dismiss'}
          onClick={() => {
            form.resetFields();
            if (a === 'appoint') form.setFieldsValue({ termStart: dayjs() });
            if (a === 'adjust') form.setFieldsValue({ domains: expert.domains, groupName: expert.groupName });
            setAction(a);
          }}
        >
          {t(`expert.actions.${a}`)}
        </Button>
      ))}
      <FormDrawer
        open={action !== null}
        title={action ? `${t(`expert.actions.${action}`)}：${expert.name}` : ''}
        size={480}
        onClose={() => setAction(null)}
        onSave={() => form.submit()}
        saving={transition.isPending}
        saveTestId="expert-action-save"
      >
        <Form form={form} layout="vertical" name="expertTransition" onFinish={onFinish}>
          {action === 'appoint' ? (
            <>
              <Form.Item
                label={t('expert.termStart')}
                name="termStart"
                rules={[{ required: true, message: '请选择聘期开始日期' }]}
                extra={
                  options.data
                    ? t('expert.termHint', {
                        years: options.data.termYears,
                        days: options.data.reminderDays.join('/'),
                      })
                    : null
                }
              >
                <DatePicker />
              </Form.Item>
              {note}
            </>
          ) : null}
          {action === 'review' || action === 'renew' ? note : null}
          {action === 'reject' || action === 'dismiss' ? reason : null}
          {action === 'assess' ? (
            <>
              <Form.Item
                label={t('expert.result')}
                name="result"
                rules={[{ required: true, message: '请选择考核结果' }]}
              >
                <Radio.Group
                  options={Object.entries(EXPERT_ASSESSMENT_RESULTS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
              <Form.Item
                label={t('expert.opinion')}
                name="note"
                rules={[{ required: true, whitespace: true, min: 2, message: '请填写考核意见' }]}
              >
                <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} />
              </Form.Item>
            </>
          ) : null}
          {action === 'adjust' ? (
            <>
              <Form.Item
                label={t('expert.domains')}
                name="domains"
                rules={[{ required: true, message: '至少选择一个专业领域' }]}
              >
                <Select
                  mode="multiple"
                  options={(options.data?.domains ?? []).map((d) => ({ value: d.code, label: d.label }))}
                />
              </Form.Item>
              <Form.Item label={t('expert.group')} name="groupName">
                <Input maxLength={50} />
              </Form.Item>
              {reason}
            </>
          ) : null}
        </Form>
      </FormDrawer>
    </>
  );
}

const RECORD_TITLES: Record<ExpertRecordKind, string> = {
  relations: 'expert.addRelation',
  qualifications: 'expert.addQualification',
  discipline: 'expert.addDiscipline',
  unavailability: 'expert.addUnavailability',
};

/** A button and drawer that add one record of the expert's file (relation, qualification, discipline, absence). */
export function AddRecord({ expert, kind }: { expert: ExpertDetail; kind: ExpertRecordKind }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const add = useAddExpertRecord(expert.id);
  const text = (name: string, label: string, required = true, max = 100) => (
    <Form.Item
      label={label}
      name={name}
      rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}
    >
      <Input maxLength={max} />
    </Form.Item>
  );
  const date = (name: string, label: string, required = true) => (
    <Form.Item label={label} name={name} rules={required ? [{ required: true, message: `请选择${label}` }] : []}>
      <DatePicker />
    </Form.Item>
  );
  const onFinish = (values: Values) =>
    add.mutate(
      { kind, ...toBody(values) },
      {
        onSuccess: () => {
          feedback.message.success(t('common.saved'));
          setOpen(false);
        },
        onError: saveErrorHandler(form, null),
      },
    );
  return (
    <>
      <Button
        onClick={() => {
          form.resetFields();
          setOpen(true);
        }}
      >
        {t(RECORD_TITLES[kind] as never)}
      </Button>
      <FormDrawer
        open={open}
        title={t(RECORD_TITLES[kind] as never)}
        size={480}
        onClose={() => setOpen(false)}
        onSave={() => form.submit()}
        saving={add.isPending}
      >
        <Form form={form} layout="vertical" name={`expert-${kind}`} onFinish={onFinish}>
          {kind === 'relations' ? (
            <>
              <Form.Item
                label={t('expert.relationKind')}
                name="kind"
                rules={[{ required: true, message: '请选择关联类型' }]}
              >
                <Select options={Object.entries(EXPERT_RELATION_KINDS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              {text('partyName', t('expert.partyName'))}
              {text('partyUscc', t('expert.partyUscc'), false, 18)}
              {text('nature', t('expert.nature'), true, 50)}
              {date('declaredOn', t('expert.declaredOn'))}
              {date('endedOn', t('expert.endedOn'), false)}
            </>
          ) : null}
          {kind === 'qualifications' ? (
            <>
              {text('name', t('expert.qualificationName'))}
              {text('number', t('expert.qualificationNumber'), false, 50)}
              {text('issuer', t('expert.issuer'), false)}
              {date('validUntil', t('expert.validUntil'), false)}
            </>
          ) : null}
          {kind === 'discipline' ? (
            <>
              <Form.Item
                label={t('expert.disciplineKind')}
                name="kind"
                rules={[{ required: true, message: '请选择类型' }]}
              >
                <Select
                  options={(['warning', 'suspension'] as const).map((value) => ({
                    value,
                    label: EXPERT_DISCIPLINE_KINDS[value],
                  }))}
                />
              </Form.Item>
              {date('recordedOn', t('expert.recordedOn'))}
              {date('suspendedUntil', t('expert.suspendedUntil'), false)}
              {text('reason', t('expert.reason'), true, 500)}
            </>
          ) : null}
          {kind === 'unavailability' ? (
            <>
              {date('fromDate', t('expert.fromDate'))}
              {date('toDate', t('expert.toDate'))}
              {text('reason', t('expert.reason'), true, 500)}
            </>
          ) : null}
        </Form>
      </FormDrawer>
    </>
  );
}
