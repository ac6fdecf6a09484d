import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { PANEL_PURPOSES, type PanelDrawInput, type PanelView } from '@yufang/contracts';
import { Alert, Button, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler } from '../../api/errors';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { useOrganisationOptions, useRegions } from '../org/api';
import { useDrawPanel, usePanelOptions } from './api';

interface Values {
  purpose: PanelDrawInput['purpose'];
  subject: string;
  subjectRef?: string;
  countyCode: string;
  applicantKind: 'employer' | 'provider';
  applicantId: string;
  implementerProviderId?: string;
  mix: { domain: string; count: number }[];
}

/** The new-draw form: purpose, subject, county, applicant and implementer, the domain mix rows. */
export function DrawDrawer({ onClose, onDrawn }: { onClose: () => void; onDrawn: (p: PanelView) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('applicantKind', form) ?? 'employer';
  const [applicantQ, setApplicantQ] = useState('');
  const [implQ, setImplQ] = useState('');
  const applicants = useOrganisationOptions(kind === 'employer' ? 'employers' : 'providers', applicantQ);
  const implementers = useOrganisationOptions('providers', implQ);
  const regions = useRegions();
  const options = usePanelOptions();
  const draw = useDrawPanel();
  const counties = (regions.data ?? []).filter((r) => !r.replacedBy && r.level === 'county');
  const orgOptions = (list: { id: string; name: string; uscc: string }[] | undefined) =>
    (list ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.uscc}）` }));

  const submit = (v: Values) => {
    const input: PanelDrawInput = {
      purpose: v.purpose,
      subject: v.subject,
      subjectRef: v.subjectRef || null,
      countyCode: v.countyCode,
      applicantEmployerId: v.applicantKind === 'employer' ? v.applicantId : null,
      applicantProviderId: v.applicantKind === 'provider' ? v.applicantId : null,
      implementerProviderId: v.implementerProviderId ?? null,
      mix: v.mix,
    };
    draw.mutate(input, {
      onSuccess: (p) => {
        feedback.message.success(t('panel.drawn', { n: p.members.length }));
        onDrawn(p);
      },
      onError: saveErrorHandler(form, null),
    });
  };

  return (
    <FormDrawer
      open
      title={t('panel.newDraw')}
      size={640}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={draw.isPending}
      saveTestId="panel-draw-save"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('panel.algorithmNote')} />
      <Form<Values>
        form={form}
        name="panelDraw"
        layout="vertical"
        initialValues={{ purpose: 'review', applicantKind: 'employer', mix: [{ domain: 'work_safety', count: 3 }] }}
        onFinish={submit}
      >
        <Form.Item label={t('panel.purpose')} name="purpose" rules={[{ required: true }]}>
          <Radio.Group
            options={Object.entries(PANEL_PURPOSES).map(([value, label]) => ({ value, label }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item
          label={t('panel.subject')}
          name="subject"
          rules={[{ required: true, message: t('panel.subjectRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('panel.subjectRef')} name="subjectRef">
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          label={t('panel.county')}
          name="countyCode"
          rules={[{ required: true, message: t('panel.countyRequired') }]}
        >
          <Select
            data-testid="panel-county"
            showSearch
            optionFilterProp="label"
            options={counties.map((r) => ({ value: r.code, label: r.name }))}
          />
        </Form.Item>
        <Form.Item label={t('panel.applicant')} required>
          <Flex gap={8}>
            <Form.Item name="applicantKind" noStyle>
              <Select
                style={{ width: 130 }}
                onChange={() => form.setFieldValue('applicantId', undefined)}
                options={[
                  { value: 'employer', label: t('panel.applicantEmployer') },
                  { value: 'provider', label: t('panel.applicantProvider') },
                ]}
              />
            </Form.Item>
            <Form.Item name="applicantId" noStyle rules={[{ required: true, message: t('panel.applicantRequired') }]}>
              <Select
                data-testid="panel-applicant"
                showSearch
                filterOption={false}
                onSearch={setApplicantQ}
                options={orgOptions(applicants.data)}
                style={{ flex: 1 }}
              />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item label={t('panel.implementer')} name="implementerProviderId">
          <Select
            data-testid="panel-implementer"
            allowClear
            showSearch
            filterOption={false}
            onSearch={setImplQ}
            options={orgOptions(implementers.data)}
          />
        </Form.Item>
        <Form.List name="mix">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8 }}>{t('panel.mix')}</div>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'domain']} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Select
                      data-testid={`panel-mix-domain-${f.name}`}
                      options={(options.data?.domains ?? []).map((d) => ({ value: d.code, label: d.label }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'count']} rules={[{ required: true }]}>
                    <InputNumber
                      min={1}
                      max={15}
                      addonAfter={t('panel.persons')}
                      data-testid={`panel-mix-count-${f.name}`}
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('panel.remove')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ count: 1 })} data-testid="panel-mix-add">
                {t('panel.addDomain')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}
