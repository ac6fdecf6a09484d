import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import type { TokenView } from '@yufang/contracts';
import {
  Alert,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { formatDateTime } from '../../components/datetime';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { useCreateToken, useDataSets, useRevokeToken, useTokens } from './api';

interface FormValues {
  name: string;
  system: string;
  dataSets: string[];
}

export default function TokensPage() {
  const { t } = useTranslation();
  const tokens = useTokens();
  const sets = useDataSets().data ?? [];
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [form] = Form.useForm<FormValues>();
  const loadable = sets.filter((s) => s.can.load);

  const submit = async (values: FormValues) => {
    try {
      const created = await create.mutateAsync(values);
      setCreating(false);
      form.resetFields();
      setSecret(created.secret);
    } catch (e) {
      feedback.message.error(isApiError(e) ? e.message : String(e));
    }
  };

  const columns: TableColumnsType<TokenView> = [
    { title: t('exchange.tokenName'), dataIndex: 'name' },
    { title: t('exchange.system'), dataIndex: 'system' },
    {
      title: t('exchange.dataSets'),
      dataIndex: 'dataSets',
      render: (v: string[]) => v.map((c) => <Tag key={c}>{sets.find((s) => s.code === c)?.name ?? c}</Tag>),
    },
    { title: t('exchange.prefix'), dataIndex: 'prefix', width: 130, render: (v: string) => <code>{v}…</code> },
    { title: t('exchange.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('exchange.lastUsed'),
      dataIndex: 'lastUsedAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : '—'),
    },
    {
      title: t('exchange.status'),
      key: 'status',
      width: 180,
      render: (_: unknown, r) =>
        r.revokedAt ? (
          <Tag>{t('exchange.revokedAt', { at: formatDateTime(r.revokedAt) })}</Tag>
        ) : (
          <Popconfirm title={t('exchange.revokeConfirm')} onConfirm={() => revoke.mutateAsync(r.id)}>
            <Button danger size="small">
              {t('exchange.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('exchange.tokensTitle')}
        subTitle={t('exchange.tokensHint')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={!loadable.length}>
            {t('exchange.newToken')}
          </Button>
        }
      />
      <Table<TokenView>
        rowKey="id"
        columns={columns}
        dataSource={tokens.data ?? []}
        loading={tokens.isLoading}
        pagination={false}
      />
      <Modal
        open={creating}
        title={t('exchange.newToken')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form<FormValues> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="name"
            label={t('exchange.tokenName')}
            rules={[{ required: true, message: t('exchange.tokenNameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="system"
            label={t('exchange.system')}
            rules={[{ required: true, message: t('exchange.systemRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="dataSets"
            label={t('exchange.dataSets')}
            rules={[{ required: true, message: t('exchange.dataSetsRequired') }]}
          >
            <Select
              mode="multiple"
              options={loadable.map((s) => ({ value: s.code, label: `${s.ownerUnitName} · ${s.name}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!secret}
        title={t('exchange.secretTitle')}
        onCancel={() => setSecret(undefined)}
        footer={<Button onClick={() => setSecret(undefined)}>{t('exchange.secretDone')}</Button>}
      >
        <Alert type="warning" showIcon message={t('exchange.secretOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph
          copyable={{ text: secret, icon: <CopyOutlined /> }}
          code
          style={{ wordBreak: 'break-all' }}
        >
          {secret}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('exchange.secretUsage')}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
