import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import { importExperts } from './api';

/** Imports a neighbouring city's shared pool file: all rows or none, row errors listed. */
export function ImportDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ sourceCity: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onFinish = async ({ sourceCity }: { sourceCity: string }) => {
    if (!file) return;
    setSaving(true);
    setErrors(null);
    try {
      const result = await importExperts(file, sourceCity, me.csrfToken);
      feedback.message.success(t('expert.imported', { n: result.imported, city: result.sourceCity }));
      await queryClient.invalidateQueries({ queryKey: ['experts'] });
      setFile(null);
      onClose();
    } catch (error) {
      setErrors((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDrawer
      open={open}
      title={t('expert.importTitle')}
      size={520}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={saving}
      saveDisabled={!file}
    >
      <Alert type="info" showIcon title={t('expert.importHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" name="expertImport" onFinish={onFinish}>
        <Form.Item
          label={t('expert.importCity')}
          name="sourceCity"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写来源城市（如南平市）' }]}
        >
          <Input maxLength={20} placeholder="南平市" />
        </Form.Item>
        <Form.Item label={t('expert.importFile')}>
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button>{t('expert.choose')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {errors ? (
        <Alert
          type="error"
          showIcon
          title={t('expert.importFailed')}
          description={
            <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{errors}</Typography.Paragraph>
          }
        />
      ) : null}
    </FormDrawer>
  );
}
