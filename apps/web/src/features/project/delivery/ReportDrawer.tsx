import { UploadOutlined } from '@ant-design/icons';
import type { DeliveryView, ReportView } from '@yufang/contracts';
import { Button, DatePicker, Form, Input, InputNumber, Select, Switch, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler, showApiError } from '../../../api/errors';
import { useSession } from '../../../app/session';
import { FormDrawer } from '../../../components/FormDrawer';
import { feedback } from '../../../components/feedback';
import { useDeliveryAction, useUploadProjectDocument } from './api';

interface Values {
  milestoneKey?: string;
  summary: string;
  delivered?: Record<string, number | null>;
  hasSession?: boolean;
  sessionOn?: Dayjs;
  venue?: string;
  venueCapacity?: number;
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** 报送进展: milestone, delivered values, an optional training session with its attendance list, evidence files. */
export function ReportDrawer({ view, onClose }: { view: DeliveryView; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const [attendance, setAttendance] = useState<File | null>(null);
  const [evidence, setEvidence] = useState<File[]>([]);
  const submit = useDeliveryAction<ReportView>(view.projectId, 'reports');
  const upload = useUploadProjectDocument(view.projectId, me.csrfToken);
  const hasSession = Form.useWatch('hasSession', form);
  const targets = view.deliveredDefaults;

  const onFinish = async (v: Values) => {
    const delivered = Object.fromEntries(
      Object.entries(v.delivered ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
    const body = {
      milestoneKey: v.milestoneKey ?? null,
      summary: v.summary,
      delivered,
      session: v.hasSession
        ? { sessionOn: v.sessionOn?.format('YYYY-MM-DD'), venue: v.venue, venueCapacity: v.venueCapacity }
        : null,
      attendance:
        v.hasSession && attendance ? { fileName: attendance.name, contentBase64: await base64Of(attendance) } : null,
    };
    submit.mutate(body, {
      onSuccess: async (report) => {
        try {
          for (const file of evidence) await upload.mutateAsync({ file, kind: 'evidence', reportId: report.id });
        } catch (e) {
          showApiError(e);
        }
        if (report.notInsured > 0) feedback.message.warning(t('projectDelivery.notInsured', { n: report.notInsured }));
        else feedback.message.success(t('projectDelivery.saved'));
        onClose();
      },
      onError: saveErrorHandler(form, null),
    });
  };

  return (
    <FormDrawer
      open
      title={t('projectDelivery.report')}
      size={640}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={submit.isPending || upload.isPending}
      saveTestId="report-save"
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('projectDelivery.milestone')} name="milestoneKey">
          <Select
            allowClear
            options={view.milestones.map((m) => ({ value: m.key, label: `${m.name}（${m.dueOn}）` }))}
            data-testid="report-milestone"
          />
        </Form.Item>
        <Form.Item label={t('projectDelivery.summary')} name="summary" rules={[{ required: true, min: 4 }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="report-summary" />
        </Form.Item>
        {targets.map((tg) => (
          <Form.Item key={tg.key} label={`${tg.label}（${tg.unit}）`} name={['delivered', tg.key]}>
            <InputNumber min={0} style={{ width: 200 }} data-testid={`report-delivered-${tg.key}`} />
          </Form.Item>
        ))}
        <Form.Item label={t('projectDelivery.hasSession')} name="hasSession" valuePropName="checked">
          <Switch data-testid="report-has-session" />
        </Form.Item>
        {hasSession ? (
          <>
            <Form.Item label={t('projectDelivery.sessionOn')} name="sessionOn" rules={[{ required: true }]}>
              <DatePicker data-testid="report-session-on" />
            </Form.Item>
            <Form.Item label={t('projectDelivery.venue')} name="venue" rules={[{ required: true, min: 2 }]}>
              <Input maxLength={200} data-testid="report-venue" />
            </Form.Item>
            <Form.Item label={t('projectDelivery.venueCapacity')} name="venueCapacity" rules={[{ required: true }]}>
              <InputNumber min={1} max={100000} data-testid="report-capacity" />
            </Form.Item>
            <Form.Item label={t('projectDelivery.attendance')} name="attendance">
              <Upload
                accept=".xlsx"
                maxCount={1}
                fileList={attendance ? [{ uid: '1', name: attendance.name }] : []}
                beforeUpload={(f) => {
                  setAttendance(f);
                  return false;
                }}
                onRemove={() => setAttendance(null)}
              >
                <Button icon={<UploadOutlined />} data-testid="report-attendance">
                  {t('projectDelivery.chooseFile')}
                </Button>
              </Upload>
            </Form.Item>
          </>
        ) : null}
        <Form.Item label={t('projectDelivery.evidence')}>
          <Upload
            accept=".jpg,.jpeg,.png,.pdf,.docx"
            multiple
            fileList={evidence.map((f, i) => ({ uid: String(i), name: f.name }))}
            beforeUpload={(f) => {
              setEvidence((prev) => [...prev, f]);
              return false;
            }}
            onRemove={(f) => setEvidence((prev) => prev.filter((_, i) => String(i) !== f.uid))}
          >
            <Button icon={<UploadOutlined />} data-testid="report-evidence">
              {t('projectDelivery.chooseFile')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
