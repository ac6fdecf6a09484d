import {
  KEY_ROLES,
  type KeyRoleCode,
  type PersonCreateInput,
  type PersonUpdateInput,
  type PersonView,
} from '@yufang/contracts';
import { Alert, Button, Checkbox, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, saveErrorHandler, showApiError } from '../../../api/errors';
import { FormDrawer } from '../../../components/FormDrawer';
import { feedback } from '../../../components/feedback';
import { fetchPerson, useSavePerson } from './api';

interface FormValues {
  idNumber?: string;
  convertLegacyId: boolean;
  name: string;
  job?: string;
  keyRole: KeyRoleCode;
  insuredFrom?: Dayjs | null;
  insuredTo?: Dayjs | null;
}

const DATE = 'YYYY-MM-DD';

function valuesOf(p: PersonView | undefined): FormValues {
  if (!p) return { convertLegacyId: false, name: '', keyRole: 'other', insuredFrom: null, insuredTo: null };
  return {
    idNumber: '',
    convertLegacyId: false,
    name: p.name,
    job: p.job ?? '',
    keyRole: p.keyRole,
    insuredFrom: dayjs(p.insuredFrom),
    insuredTo: p.insuredTo ? dayjs(p.insuredTo) : null,
  };
}

/** What the drawer edits: a new person of one employer, or an existing person. */
export type PersonFormTarget = { employerId: string; employerName: string } | { person: PersonView };

/**
 * The create / correct form of an insured person. Sex and birth date follow from the ID number on the server;
 * the server checks the number's check character and the insured period and its messages land on the fields.
 * On edit the number is shown masked and kept unless a new one is typed. A 409 (someone else saved first, or
 * the same spell exists) is shown above the form, with a way to load the current record.
 */
export function PersonFormDrawer({ target, onClose }: { target: PersonFormTarget | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const [form] = Form.useForm<FormValues>();
  const save = useSavePerson();
  const [current, setCurrent] = useState<PersonView | undefined>();
  const [conflict, setConflict] = useState<string | null>(null);
  const person = target && 'person' in target ? (current ?? target.person) : undefined;
  const employerName = target ? ('person' in target ? target.person.employerName : target.employerName) : '';

  useEffect(() => {
    setCurrent(undefined);
    setConflict(null);
    if (target) form.setFieldsValue(valuesOf('person' in target ? target.person : undefined));
  }, [target, form]);

  const reload = () => {
    if (!person) return;
    fetchPerson(person.id).then((fresh) => {
      setCurrent(fresh);
      setConflict(null);
      form.setFieldsValue(valuesOf(fresh));
    }, showApiError);
  };

  const onFinish = (v: FormValues) => {
    if (!target) return;
    setConflict(null);
    const idNumber = v.idNumber?.trim();
    const fields = {
      ...(idNumber ? { idNumber } : {}),
      convertLegacyId: v.convertLegacyId,
      name: v.name.trim(),
      job: v.job?.trim() || null,
      keyRole: v.keyRole,
      insuredFrom: v.insuredFrom?.format(DATE) ?? '',
      insuredTo: v.insuredTo ? v.insuredTo.format(DATE) : null,
    };
    const request = person
      ? { id: person.id, input: { ...fields, version: person.version } as PersonUpdateInput }
      : { input: { ...fields, employerId: 'employerId' in target ? target.employerId : '' } as PersonCreateInput };
    save.mutate(request, {
      onSuccess: (saved) => {
        feedback.message.success(t(person ? 'person.updated' : 'person.created', { name: saved.name }));
        onClose();
      },
      onError: saveErrorHandler(form, (error) => setConflict(errorText(error))),
    });
  };

  return (
    <FormDrawer
      open={!!target}
      title={
        person ? t('person.editTitle', { name: person.name }) : t('person.createTitle', { employer: employerName })
      }
      size={520}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={save.isPending}
      saveTestId="person-save"
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={conflict}
          data-testid="person-conflict"
          action={
            person ? (
              <Button size="small" onClick={reload} data-testid="person-reload">
                {t('person.reload')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form<FormValues>
        name="person"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={valuesOf(person)}
        preserve={false}
      >
        <Form.Item label={t('person.employer')}>
          <Input value={employerName} disabled />
        </Form.Item>
        <Form.Item
          label={t('person.idNumber')}
          name="idNumber"
          required={!person}
          rules={person ? [] : [{ required: true, whitespace: true, message: t('person.idNumberRequired') }]}
          extra={person ? t('person.idKeep', { masked: person.idMasked }) : t('person.idDerives')}
        >
          <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="convertLegacyId" valuePropName="checked" style={{ marginTop: -8 }}>
          <Checkbox>{t('person.convertLegacy')}</Checkbox>
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            label={t('person.name')}
            name="name"
            required
            rules={[{ required: true, whitespace: true, message: t('person.nameRequired') }]}
            style={{ flex: 1 }}
          >
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item label={t('person.job')} name="job" style={{ flex: 1 }}>
            <Input maxLength={64} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('person.keyRole')} name="keyRole" required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={KEY_ROLES.map((r) => ({ value: r.code, label: english ? r.labelEn : r.label }))}
          />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            label={t('person.insuredFrom')}
            name="insuredFrom"
            required
            rules={[{ required: true, message: t('person.insuredFromRequired') }]}
            style={{ flex: 1 }}
          >
            <DatePicker format={DATE} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label={t('person.insuredTo')}
            name="insuredTo"
            extra={t('person.insuredToHint')}
            style={{ flex: 1 }}
          >
            <DatePicker format={DATE} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </FormDrawer>
  );
}
