import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { IndustryCycleInput, IndustryCycleView } from '@yufang/contracts';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handleFormError } from '../../api/errors';
import { useCan } from '../../app/session';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { useCreateCycle, useIndustryCycles } from './api';

interface CycleForm {
  key: IndustryCycleInput['key'];
  effectiveFrom: Dayjs;
  source?: string;
  categories: { name: string; codes: string }[];
}

function CycleCard({ cycle }: { cycle: IndustryCycleView }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space>
          {cycle.keyName}
          <span>
            {cycle.effectiveFrom} — {cycle.effectiveTo ?? t('ledger.openEnded')}
          </span>
          {cycle.inForce ? <Tag color="green">{t('ledger.inForce')}</Tag> : null}
        </Space>
      }
    >
      <Typography.Text type="secondary">
        {t('ledger.source')}：{cycle.source}
      </Typography.Text>
      <Table
        rowKey="name"
        size="small"
        style={{ marginTop: 8 }}
        pagination={false}
        dataSource={cycle.categories}
        columns={[
          { title: t('ledger.categoryName'), dataIndex: 'name', width: 140 },
          {
            title: t('ledger.codes'),
            dataIndex: 'codes',
            render: (codes: IndustryCycleView['categories'][number]['codes']) =>
              codes.map((c) => <Tag key={c.code}>{`${c.code} ${c.name}`}</Tag>),
          },
          { title: t('ledger.employers'), dataIndex: 'employers', width: 110, align: 'right' },
        ]}
      />
    </Card>
  );
}

/** The key-industry and dust-industry sets of each five-year cycle, and the form for the next cycle. */
export default function IndustryCyclesPage() {
  const { t } = useTranslation();
  const cycles = useIndustryCycles();
  const create = useCreateCycle();
  const canManage = useCan('industry.cycle.manage');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CycleForm>();
  const rows = cycles.data ?? [];

  const submit = (v: CycleForm) =>
    create.mutate(
      {
        key: v.key,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        source: v.source,
        categories: v.categories.map((c) => ({
          name: c.name,
          codes: c.codes
            .split(/[,，\s]+/)
            .map((s) => s.trim())
            .filter(Boolean),
        })),
      },
      {
        onSuccess: () => {
          feedback.message.success(t('ledger.saved'));
          setOpen(false);
          form.resetFields();
        },
        onError: (e) => handleFormError(form, e),
      },
    );

  return (
    <>
      <PageHeader
        title={t('ledger.cycles')}
        subTitle={t('ledger.cyclesHint')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(!open)}>
              {t('ledger.addCycle')}
            </Button>
          ) : null
        }
      />
      {open ? (
        <Card title={t('ledger.addCycle')} size="small" style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ key: 'industry.key', categories: [{ name: '', codes: '' }] }}
          >
            <Flex gap={16} wrap>
              <Form.Item name="key" label={t('ledger.setKey')} rules={[{ required: true }]}>
                <Select
                  style={{ width: 180 }}
                  options={(['industry.key', 'industry.dust'] as const).map((k) => ({
                    value: k,
                    label: t(`ledger.setKeys.${k}`),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="effectiveFrom"
                label={t('ledger.effectiveFrom')}
                rules={[{ required: true, message: '请选择生效日期' }]}
              >
                <DatePicker />
              </Form.Item>
              <Form.Item name="source" label={t('ledger.source')} style={{ flex: 1, minWidth: 280 }}>
                <Input maxLength={300} placeholder="如：三明市工伤预防五年行动计划（2026—2030年）" />
              </Form.Item>
            </Flex>
            <Form.List name="categories">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} align="baseline">
                      <Form.Item
                        name={[f.name, 'name']}
                        rules={[{ required: true, message: '请填写类别名称' }]}
                        style={{ width: 180 }}
                      >
                        <Input placeholder={t('ledger.categoryName')} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'codes']}
                        rules={[{ required: true, message: '请填写行业代码' }]}
                        style={{ flex: 1 }}
                      >
                        <Input placeholder={t('ledger.codesHint')} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', codes: '' })}>
                    {t('ledger.addCategory')}
                  </Button>
                </>
              )}
            </Form.List>
            <Flex justify="end" style={{ marginTop: 12 }}>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                {t('ledger.addCycle')}
              </Button>
            </Flex>
          </Form>
        </Card>
      ) : null}
      {rows.map((c) => (
        <CycleCard key={c.id} cycle={c} />
      ))}
    </>
  );
}
