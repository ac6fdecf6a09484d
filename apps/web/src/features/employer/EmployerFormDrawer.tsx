import { EmployerUpdateInput, type EmployerView } from '@yufang/contracts';
import { Flex, Form, Input, InputNumber, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler } from '../../api/errors';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { emptyToNull, zodRule } from '../../components/zodRule';
import { useUpdateEmployer } from './api';
import { industryOptions, insuranceOptions, ownershipOptions, sizeOptions } from './labels';

interface FormValues {
  name: string;
  legalRepresentative?: string | null;
  address?: string | null;
  industryCode: string;
  industryGroup?: string | null;
  ownershipType?: string | null;
  size?: string | null;
  workforce?: number | null;
  safetyContactName?: string | null;
  /** Empty keeps the stored number (only its masked form is ever shown). */
  safetyContactPhone?: string;
  insuranceStatus: string;
}

const shape = EmployerUpdateInput.shape;
const orEmpty = (value: unknown) => value ?? '';
const trimmedOrNull = (value: string | null | undefined) => (emptyToNull(value?.trim()) as string | null) ?? null;

function valuesOf(e: EmployerView): FormValues {
  return {
    name: e.name,
    legalRepresentative: e.legalRepresentative ?? '',
    address: e.address ?? '',
    industryCode: e.industryCode,
    industryGroup: e.industryGroup ?? '',
    ownershipType: e.ownershipType,
    size: e.size,
    workforce: e.workforce,
    safetyContactName: e.safetyContactName ?? '',
    safetyContactPhone: '',
    insuranceStatus: e.insuranceStatus,
  };
}

interface Props {
  employer: EmployerView | undefined;
  open: boolean;
  onClose: () => void;
  /** After a 409: read the record again (the form then shows the fresh values). */
  onStale: () => void;
}

/** The edit form of an employer profile; the USCC and the county are not editable. */
export function EmployerFormDrawer({ employer, open, onClose, onStale }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const update = useUpdateEmployer();

  useEffect(() => {
    if (open && employer) form.setFieldsValue(valuesOf(employer));
  }, [open, employer, form]);

  const onFinish = (v: FormValues) => {
    if (!employer) return;
    const phone = v.safetyContactPhone?.trim();
    const input = {
      name: v.name.trim(),
      legalRepresentative: trimmedOrNull(v.legalRepresentative),
      address: trimmedOrNull(v.address),
      industryCode: v.industryCode,
      industryGroup: trimmedOrNull(v.industryGroup),
      ownershipType: v.ownershipType ?? null,
      size: v.size ?? null,
      workforce: v.workforce ?? null,
      safetyContactName: trimmedOrNull(v.safetyContactName),
      ...(phone ? { safetyContactPhone: phone } : {}),
      insuranceStatus: v.insuranceStatus,
      version: employer.version,
    } as EmployerUpdateInput;
    update.mutate(
      { id: employer.id, input },
      {
        onSuccess: (saved) => {
          feedback.message.success(t('employer.saved', { name: saved.name }));
          onClose();
        },
        onError: saveErrorHandler(form, () => {
          feedback.message.warning(t('common.conflict'), 6);
          onStale();
        }),
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={t('employer.editTitle', { name: employer?.name ?? '' })}
      size={560}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={update.isPending}
    >
      <Form<FormValues>
        name="employer"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={employer ? valuesOf(employer) : undefined}
        preserve={false}
      >
        <Form.Item label={t('employer.uscc')}>
          <Input value={employer?.uscc} disabled />
        </Form.Item>
        <Form.Item
          label={t('employer.name')}
          name="name"
          required
          rules={[zodRule(shape.name, orEmpty)]}
          extra={t('employer.nameHint')}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item label={t('employer.industry')} name="industryCode" required style={{ flex: 2 }}>
            <Select options={industryOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item
            label={t('employer.industryGroup')}
            name="industryGroup"
            rules={[zodRule(shape.industryGroup, emptyToNull)]}
            style={{ flex: 1 }}
          >
            <Input maxLength={3} placeholder="301" />
          </Form.Item>
        </Flex>
        <Flex gap={16}>
          <Form.Item label={t('employer.ownershipType')} name="ownershipType" style={{ flex: 1 }}>
            <Select allowClear options={ownershipOptions(t)} />
          </Form.Item>
          <Form.Item label={t('employer.size')} name="size" style={{ flex: 1 }}>
            <Select allowClear options={sizeOptions(t)} />
          </Form.Item>
          <Form.Item label={t('employer.workforce')} name="workforce" style={{ flex: 1 }}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('employer.legalRepresentative')} name="legalRepresentative">
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item label={t('employer.address')} name="address">
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item label={t('employer.safetyContactName')} name="safetyContactName" style={{ flex: 1 }}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item
            label={t('employer.safetyContactPhone')}
            name="safetyContactPhone"
            rules={[zodRule(shape.safetyContactPhone, (v) => emptyToNull(v) ?? undefined)]}
            extra={
              employer?.safetyContactPhoneMasked
                ? t('employer.phoneKeep', { masked: employer.safetyContactPhoneMasked })
                : undefined
            }
            style={{ flex: 1 }}
          >
            <Input maxLength={11} autoComplete="off" />
          </Form.Item>
        </Flex>
        <Form.Item label={t('employer.insuranceStatus')} name="insuranceStatus" required>
          <Select options={insuranceOptions(t)} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
