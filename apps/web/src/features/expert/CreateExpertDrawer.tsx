import { CURRENT_COUNTIES, type ExpertCreateInput } from '@yufang/contracts';
import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { saveErrorHandler } from '../../api/errors';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { useCreateExpert, useExpertOptions } from './api';

/** A new application to the pool (status applied); the ID number is checked on the server with its check character. */
export function CreateExpertDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ExpertCreateInput>();
  const create = useCreateExpert();
  const options = useExpertOptions();
  const navigate = useNavigate();
  const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

  const onFinish = (values: ExpertCreateInput) =>
    create.mutate(
      { ...values, workUnitUscc: values.workUnitUscc || null, groupName: values.groupName || null },
      {
        onSuccess: (e) => {
          feedback.message.success(t('expert.created'));
          onClose();
          navigate(`/experts/${e.id}`);
        },
        onError: saveErrorHandler(form, null),
      },
    );

  return (
    <FormDrawer
      open={open}
      title={t('expert.createTitle')}
      size={520}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={create.isPending}
      saveTestId="expert-create-save"
    >
      <Form
        form={form}
        layout="vertical"
        name="expertCreate"
        onFinish={onFinish}
        initialValues={{ shareConsent: false }}
      >
        <Form.Item label={t('expert.name')} name="name" rules={required(t('expert.name'))}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label={t('expert.idNumber')} name="idNumber" rules={required(t('expert.idNumber'))}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item label={t('expert.mobile')} name="mobile" rules={required(t('expert.mobile'))}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item label={t('expert.workUnit')} name="workUnit" rules={required(t('expert.workUnit'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('expert.workUnitUscc')} name="workUnitUscc">
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item label={t('expert.title_')} name="title" rules={required(t('expert.title_'))}>
          <Input maxLength={50} />
        </Form.Item>
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
        <Form.Item
          label={t('expert.county')}
          name="countyCode"
          rules={[{ required: true, message: '请选择县（市、区）' }]}
        >
          <Select options={CURRENT_COUNTIES.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item label={t('expert.shareConsent')} name="shareConsent" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
