import { PlusOutlined } from '@ant-design/icons';
import { type CallForm, type CallView, formatFen, PROJECT_TYPE_LABELS, yuanToFen } from '@yufang/contracts';
import {
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { saveErrorHandler, showApiError } from '../../api/errors';
import { useCan } from '../../app/session';
import { FormDrawer } from '../../components/FormDrawer';
import { PageHeader } from '../../components/PageHeader';
import { points } from '../panel/api';
import { ApplicationDrawer } from './ApplicationDrawer';
import { useCallActions, useCalls, useRanking } from './api';

/** 申报指南: the calls (draft ones for the bureau), 新建指南, 申报 for applicants, the ranked list per call. */
export default function CallsPage() {
  const { t } = useTranslation();
  const calls = useCalls();
  const canManage = useCan('project.manage');
  const canApply = useCan('project.apply');
  const actions = useCallActions();
  const [creating, setCreating] = useState(false);
  const [applying, setApplying] = useState<CallView | null>(null);
  const [ranking, setRanking] = useState<CallView | null>(null);

  const columns: TableColumnsType<CallView> = [
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '指南', dataIndex: 'title', width: 260 },
    { title: '重点领域', dataIndex: 'keyAreas', width: 220, render: (a: string[]) => a.join('、') },
    {
      title: '项目类型',
      dataIndex: 'types',
      width: 110,
      render: (a: string[]) => a.map((x) => PROJECT_TYPE_LABELS[x] ?? x).join('、'),
    },
    { title: '申报期', width: 200, render: (_: unknown, c) => `${c.opensOn} 至 ${c.deadline}` },
    {
      title: '单项上限',
      dataIndex: 'maxRequestFen',
      width: 120,
      render: (f: number | null) => (f ? `${formatFen(f)} 元` : '—'),
    },
    { title: '申报数', dataIndex: 'applications', width: 80 },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      width: 100,
      render: (s: string, c) => (
        <Tag color={c.accepting ? 'green' : c.status === 'draft' ? 'blue' : 'default'}>{s}</Tag>
      ),
    },
    {
      title: '操作',
      width: 220,
      render: (_: unknown, c) => (
        <Space>
          {canApply && c.accepting ? (
            <Button size="small" type="primary" onClick={() => setApplying(c)} data-testid={`apply-${c.year}`}>
              {t('project.apply')}
            </Button>
          ) : null}
          {canManage && c.status === 'draft' ? (
            <Button size="small" onClick={() => actions.open.mutate(c, { onError: showApiError })}>
              {t('project.open')}
            </Button>
          ) : null}
          {canManage && c.status === 'open' ? (
            <Button size="small" onClick={() => actions.close.mutate(c, { onError: showApiError })}>
              {t('project.close')}
            </Button>
          ) : null}
          <Button size="small" type="link" onClick={() => setRanking(c)} data-testid={`ranking-${c.year}`}>
            {t('project.ranking')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('project.callsTitle')}
        subTitle={t('project.callsSubTitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('project.newCall')}
            </Button>
          ) : null
        }
      />
      <Table<CallView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={calls.data ?? []}
        loading={calls.isLoading}
        scroll={{ x: 1300 }}
        pagination={false}
      />
      {creating ? <CallDrawer onClose={() => setCreating(false)} /> : null}
      {applying ? <ApplicationDrawer call={applying} onClose={() => setApplying(null)} /> : null}
      {ranking ? <RankingModal call={ranking} onClose={() => setRanking(null)} /> : null}
    </>
  );
}

function RankingModal({ call, onClose }: { call: CallView; onClose: () => void }) {
  const ranking = useRanking(call.id);
  return (
    <Modal open title={`评审排名：${call.title}`} width={900} onCancel={onClose} footer={null}>
      <Table
        rowKey="id"
        size="small"
        loading={ranking.isLoading}
        dataSource={ranking.data ?? []}
        pagination={false}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 60 },
          {
            title: '项目',
            dataIndex: 'title',
            render: (s: string, r) => (
              <Link to={`/projects/${r.id}`}>
                {r.code} {s}
              </Link>
            ),
          },
          { title: '申报单位', dataIndex: 'applicantName', width: 180 },
          { title: '申请金额（元）', dataIndex: 'requestedFen', width: 120, render: (f: number) => formatFen(f) },
          {
            title: '评审得分',
            dataIndex: 'score',
            width: 130,
            render: (s: number | null, r) => (
              <>
                {points(s)}
                {r.divergent ? (
                  <Tag color="orange" style={{ marginLeft: 4 }}>
                    分歧
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: '状态', dataIndex: 'statusLabel', width: 110 },
        ]}
      />
    </Modal>
  );
}

interface CallValues {
  year: number;
  title: string;
  keyAreas: string[];
  types: string[];
  guide: string;
  period: [Dayjs, Dayjs];
  maxYuan?: string;
}

function CallDrawer({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<CallValues>();
  const { create } = useCallActions();
  const save = (v: CallValues) => {
    const input: CallForm = {
      year: v.year,
      title: v.title,
      keyAreas: v.keyAreas,
      types: v.types,
      guide: v.guide,
      opensOn: v.period[0].format('YYYY-MM-DD'),
      deadline: v.period[1].format('YYYY-MM-DD'),
      maxRequestFen: v.maxYuan ? yuanToFen(v.maxYuan) : null,
    };
    create.mutate(input, { onSuccess: onClose, onError: saveErrorHandler(form, null) });
  };
  return (
    <FormDrawer
      open
      title="新建申报指南"
      size={640}
      onClose={onClose}
      onSave={() => form.submit()}
      saving={create.isPending}
    >
      <Form<CallValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ year: new Date().getFullYear() + 1, types: ['training', 'publicity'] }}
      >
        <Form.Item label="年度" name="year" rules={[{ required: true }]}>
          <InputNumber min={2020} max={2100} />
        </Form.Item>
        <Form.Item
          label="指南标题"
          name="title"
          rules={[{ required: true, min: 4, message: '请填写指南标题（至少 4 个字）' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="重点领域" name="keyAreas" rules={[{ required: true, message: '请至少填写一个重点领域' }]}>
          <Select mode="tags" />
        </Form.Item>
        <Form.Item label="项目类型" name="types" rules={[{ required: true, message: '请至少选择一种项目类型' }]}>
          <Select
            mode="multiple"
            options={Object.entries(PROJECT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="申报期" name="period" rules={[{ required: true, message: '请选择开始申报与截止日期' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item
          label="单个项目申请上限（元，可不填）"
          name="maxYuan"
          rules={[{ pattern: /^\d+(\.\d{1,2})?$/, message: '金额（元）最多两位小数' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="指南正文"
          name="guide"
          rules={[{ required: true, min: 10, message: '请填写指南正文（至少 10 个字）' }]}
        >
          <Input.TextArea rows={6} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
