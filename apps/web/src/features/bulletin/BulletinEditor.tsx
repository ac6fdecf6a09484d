import { type BulletinUpdateForm, BulletinUpdateInput, type BulletinView } from '@yufang/contracts';
import { Alert, Button, Card, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { handleFormError } from '../../api/errors';
import { useCan } from '../../app/session';
import { feedback } from '../../components/feedback';
import { zodRule } from '../../components/zodRule';
import { industryOptions, riskOptions } from '../employer/labels';
import { useRegions } from '../org/api';
import { useUpdateBulletin } from './api';

const shape = BulletinUpdateInput.shape;

/** The draft's text and targeting; the server refuses text that still identifies someone and says where. */
export function BulletinEditor({ bulletin }: { bulletin: BulletinView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BulletinUpdateForm>();
  const update = useUpdateBulletin(bulletin.id);
  const regions = useRegions(useCan('system.org.read'));
  const counties = (regions.data ?? []).filter((r) => r.level === 'county' && !r.replacedBy);

  const onFinish = (values: BulletinUpdateForm) =>
    update.mutate(BulletinUpdateInput.parse({ ...values, version: bulletin.version }), {
      onSuccess: () => feedback.message.success(t('common.saved')),
      onError: (err) => {
        if (isApiError(err) && err.status === 409) feedback.message.warning(t('common.conflict'));
        else handleFormError(form, err);
      },
    });

  const section = (name: 'narrative' | 'causes' | 'lessons') => (
    <Form.Item label={t(`bulletin.${name}`)} name={name} rules={[zodRule(shape[name])]}>
      <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={5000} showCount />
    </Form.Item>
  );

  return (
    <Card title={t('common.edit')} style={{ marginTop: 16 }}>
      <Alert type="info" showIcon title={t('bulletin.textRule')} style={{ marginBottom: 16 }} />
      <Form<BulletinUpdateForm>
        name="bulletinEdit"
        key={bulletin.version}
        form={form}
        layout="vertical"
        initialValues={bulletin}
        onFinish={onFinish}
      >
        <Form.Item label={t('bulletin.titleField')} name="title" rules={[{ required: true }, zodRule(shape.title)]}>
          <Input maxLength={80} />
        </Form.Item>
        {section('narrative')}
        {section('causes')}
        {section('lessons')}
        <Card type="inner" size="small" title={t('bulletin.targeting')} style={{ marginBottom: 16 }}>
          <Form.Item label={t('bulletin.industries')} name={['targeting', 'industryCodes']}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('bulletin.allIndustries')}
              options={industryOptions}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item label={t('bulletin.riskClasses')} name={['targeting', 'riskClasses']}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('bulletin.allRiskClasses')}
              options={riskOptions(t).map((o) => ({ ...o, value: Number(o.value) }))}
            />
          </Form.Item>
          <Form.Item label={t('bulletin.counties')} name={['targeting', 'countyCodes']}>
            <Select mode="multiple" options={counties.map((c) => ({ value: c.code, label: c.name }))} />
          </Form.Item>
          <Form.Item
            label={t('bulletin.keyIndustryOnly')}
            name={['targeting', 'keyIndustryOnly']}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('bulletin.save')}
        </Button>
      </Form>
    </Card>
  );
}
