import { UploadOutlined } from '@ant-design/icons';
import type { CampaignEmployerView } from '@yufang/contracts';
import { Button, DatePicker, Descriptions, Drawer, Form, Input, List, Radio, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../api/errors';
import { useCan, useSession } from '../../app/session';
import { feedback } from '../../components/feedback';
import { evidenceUrl, useCampaignChecks, useRecordCheck } from './api';

const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx';

interface CheckForm {
  checkedOn: Dayjs;
  posted: boolean;
  current: boolean;
  note?: string;
}

/** One employer's coverage, its notice checks, and (with campaign.check) the form to record a new one. */
export function CheckDrawer({ row, onClose }: { row: CampaignEmployerView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const canCheck = useCan('campaign.check');
  const checks = useCampaignChecks(row?.employerId);
  const record = useRecordCheck(me.csrfToken);
  const [files, setFiles] = useState<File[]>([]);
  const [form] = Form.useForm<CheckForm>();

  const submit = (v: CheckForm) => {
    if (!row) return;
    record.mutate(
      {
        input: {
          employerId: row.employerId,
          checkedOn: v.checkedOn.format('YYYY-MM-DD'),
          posted: v.posted,
          current: v.current,
          note: v.note || undefined,
        },
        files,
      },
      {
        onSuccess: (c) => {
          feedback.message.success(t(c.result === 'pass' ? 'campaign.savedPass' : 'campaign.savedFail'));
          form.resetFields();
          setFiles([]);
        },
        onError: showApiError,
      },
    );
  };

  return (
    <Drawer
      open={!!row}
      onClose={onClose}
      size={520}
      title={row ? `${t('campaign.checkTitle')}：${row.name}` : ''}
      destroyOnHidden
    >
      {row ? (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('campaign.county')}>{row.countyName}</Descriptions.Item>
            <Descriptions.Item label={t('campaign.category')}>{row.category}</Descriptions.Item>
            <Descriptions.Item label={t('campaign.workforce')}>{row.workforce}</Descriptions.Item>
            <Descriptions.Item label={t('campaign.insured')}>{row.insured}</Descriptions.Item>
            <Descriptions.Item label={t('campaign.coverage')}>{row.coveragePct}%</Descriptions.Item>
            <Descriptions.Item label={t('campaign.gap')}>{row.gap}</Descriptions.Item>
          </Descriptions>
          {canCheck ? (
            <Form<CheckForm>
              name="campaignCheck"
              form={form}
              layout="vertical"
              initialValues={{ checkedOn: dayjs(), posted: true, current: true }}
              onFinish={submit}
            >
              <Form.Item label={t('campaign.checkedOn')} name="checkedOn" rules={[{ required: true }]}>
                <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label={t('campaign.posted')} name="posted">
                <Radio.Group
                  options={[
                    { value: true, label: t('campaign.yes') },
                    { value: false, label: t('campaign.no') },
                  ]}
                />
              </Form.Item>
              <Form.Item label={t('campaign.current')} name="current">
                <Radio.Group
                  options={[
                    { value: true, label: t('campaign.yes') },
                    { value: false, label: t('campaign.no') },
                  ]}
                />
              </Form.Item>
              <Form.Item label={t('campaign.note')} name="note" extra={t('campaign.noteHint')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Form.Item label={t('campaign.evidence')} extra={t('campaign.evidenceHint')}>
                <Upload
                  accept={ACCEPT}
                  multiple
                  fileList={files.map((f, i) => ({ uid: String(i), name: f.name }))}
                  beforeUpload={(f) => {
                    setFiles((prev) => [...prev, f]);
                    return false;
                  }}
                  onRemove={(f) => setFiles((prev) => prev.filter((_, i) => String(i) !== f.uid))}
                >
                  <Button icon={<UploadOutlined />}>{t('campaign.chooseFiles')}</Button>
                </Upload>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={record.isPending}>
                {t('campaign.recordCheck')}
              </Button>
            </Form>
          ) : null}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('campaign.history')}
          </Typography.Title>
          <List
            loading={checks.isLoading}
            dataSource={checks.data ?? []}
            locale={{ emptyText: t('campaign.noChecks') }}
            renderItem={(c) => (
              <List.Item data-testid="campaign-check">
                <List.Item.Meta
                  title={
                    <>
                      {c.checkedOn} {c.inspectorName}{' '}
                      <Tag color={c.result === 'pass' ? 'green' : 'red'}>{t(`campaign.results.${c.result}`)}</Tag>
                    </>
                  }
                  description={
                    <>
                      {c.note}
                      {c.evidence.map((e) => (
                        <div key={e.id}>
                          <a href={evidenceUrl(c.id, e.id)} target="_blank" rel="noreferrer">
                            {e.fileName}
                          </a>
                        </div>
                      ))}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Drawer>
  );
}
