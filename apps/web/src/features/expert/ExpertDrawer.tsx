import { CURRENT_COUNTIES, type ExpertCreateInput, type ExpertDetail } from '@yufang/contracts';
import { Button, Form, Input, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { saveErrorHandler } from '../../api/errors';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { useCreateExpert, useExpertOptions, useUpdateExpert } from './api';

/**
 * A new application to the pool (status applied; the ID number is checked on the server with its check character),
 * or, given `editing`, a change to a profile's contact and work details: the ID number is not edited, domains and
 * group change through 调整, and an empty mobile keeps the one on file.
 */
export function ExpertDrawer({
  open,
  onClose,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  editing?: ExpertDetail;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ExpertCreateInput>();
  const create = useCreateExpert();
  const update = useUpdateExpert(editing?.id ?? '');
  const options = useExpertOptions();
  const navigate = useNavigate();
  const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

  const onFinish = (values: ExpertCreateInput) => {
    if (editing) {
      update.mutate(
        {
          name: values.name,
          mobile: values.mobile ?? '',
          workUnit: values.workUnit,
          workUnitUscc: values.workUnitUscc || null,
          title: values.title,
          countyCode: values.countyCode,
          shareConsent: values.shareConsent,
          version: editing.version,
        },
        {
          onSuccess: () => {
            feedback.message.success(t('expert.updated'));
            onClose();
          },
          onError: saveErrorHandler(form, onClose),
        },
      );
      return;
    }
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
  };

  return (
    <FormDrawer
      open={open}
      title={editing ? t('expert.editTitle') : t('expert.createTitle')}
      size={520}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={create.isPending || update.isPending}
      saveTestId={editing ? 'expert-edit-save' : 'expert-create-save'}
    >
      <Form
        form={form}
        layout="vertical"
        name={editing ? 'expertEdit' : 'expertCreate'}
        onFinish={onFinish}
        initialValues={editing ? { ...editing, mobile: '' } : { shareConsent: false }}
      >
        <Form.Item label={t('expert.name')} name="name" rules={required(t('expert.name'))}>
          <Input maxLength={30} />
        </Form.Item>
        {editing ? null : (
          <Form.Item label={t('expert.idNumber')} name="idNumber" rules={required(t('expert.idNumber'))}>
            <Input maxLength={18} />
          </Form.Item>
        )}
        <Form.Item
          label={t('expert.mobile')}
          name="mobile"
          rules={editing ? [] : required(t('expert.mobile'))}
          extra={editing ? t('expert.mobileKeep', { masked: editing.phoneMasked }) : undefined}
        >
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
        {editing ? null : (
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
          </>
        )}
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

/** 修改资料 on a profile page. */
export function EditExpertButton({ expert }: { expert: ExpertDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="expert-edit">
        {t('expert.edit')}
      </Button>
      {open ? <ExpertDrawer open editing={expert} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
