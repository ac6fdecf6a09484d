import { checkIdNumber, type WorkerLookupView } from '@yufang/contracts';
import { Alert, Flex, Form, type FormInstance, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lookUpWorker, useEmployerSearch } from './api';

interface PickerProps {
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
  /** The employer already on the record, shown by name before any search. */
  current?: { id: string; name: string } | null;
}

/** An employer of the caller's scope, searched by name or USCC on the server (the list is scoped there). */
export function EmployerPicker({ id, value, onChange, current }: PickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const employers = useEmployerSearch(q);
  const options = (employers.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.countyName}）` }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={employers.isFetching}
      placeholder={t('injury.employerPlaceholder')}
      notFoundContent={t('injury.noEmployer')}
      options={options}
      data-testid="employer-picker"
    />
  );
}

const idRule = (required: boolean, message: string) => ({
  validator: async (_: unknown, value: string | undefined) => {
    if (!value?.trim()) {
      if (required) throw new Error(message);
      return;
    }
    const check = checkIdNumber(value);
    if (!check.ok) throw new Error(check.reason);
  },
});

interface Props {
  form: FormInstance;
  /** The employer and event date the roster is searched for. */
  employerId: string | undefined;
  eventDate: string | undefined;
  /** An edit: the stored number (shown masked, if any) stays unless a new one is typed. */
  editing?: boolean;
  maskedId?: string | null;
}

/**
 * ID number (checked with its check character as typed), worker name and job. A valid number is looked up in the
 * employer's roster: name and job are filled from it, and the tenure found is shown.
 */
export function WorkerFields({ form, employerId, eventDate, editing = false, maskedId }: Props) {
  const { t } = useTranslation();
  const [found, setFound] = useState<WorkerLookupView | null>(null);
  const lookup = async () => {
    const idNumber = String(form.getFieldValue('idNumber') ?? '').trim();
    if (!employerId || !eventDate || !checkIdNumber(idNumber).ok) return setFound(null);
    try {
      const result = await lookUpWorker(employerId, idNumber, eventDate);
      setFound(result);
      if (result.person) {
        form.setFieldsValue({
          workerName: result.person.name,
          ...(form.getFieldValue('job') ? {} : { job: result.person.job }),
        });
      }
    } catch {
      setFound(null);
    }
  };
  return (
    <>
      <Form.Item
        label={t('injury.idNumber')}
        name="idNumber"
        required={!editing}
        rules={[idRule(!editing, t('injury.idRequired'))]}
        extra={editing ? t('injury.idKeep', { masked: maskedId ?? t('injury.idNone') }) : t('injury.idHint')}
        validateTrigger="onBlur"
      >
        <Input maxLength={18} autoComplete="off" onBlur={() => void lookup()} data-testid="id-number" />
      </Form.Item>
      {found ? (
        <Alert
          style={{ marginBottom: 16 }}
          type={found.person ? 'success' : 'warning'}
          showIcon
          title={
            found.person
              ? t('injury.rosterFound', {
                  name: found.person.name,
                  from: found.person.insuredFrom,
                  months: found.person.tenureMonths,
                  age: found.person.age,
                })
              : t('injury.rosterMissing')
          }
        />
      ) : null}
      <Flex gap={16}>
        <Form.Item
          label={t('injury.worker')}
          name="workerName"
          required
          rules={[{ required: true, whitespace: true, message: t('injury.workerRequired') }]}
          style={{ flex: 1 }}
        >
          <Input maxLength={32} data-testid="worker-name" />
        </Form.Item>
        <Form.Item label={t('injury.job')} name="job" style={{ flex: 1 }}>
          <Input maxLength={64} />
        </Form.Item>
      </Flex>
    </>
  );
}
