import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  formatFen,
  INJURY_SEVERITIES,
  type InjuryCaseDetail,
  type InjuryCostView,
  RECOGNITION_RESULTS,
  yuanToFen,
} from '@yufang/contracts';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Skeleton,
  Table,
  Tag,
  Timeline,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText, handleFormError, showApiError } from '../../api/errors';
import { formatDateTime } from '../../components/datetime';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { DraftBulletinButton } from '../bulletin/DraftBulletinButton';
import { useAddCost, useInjury, useRemoveCost } from './api';
import { InjuryFormDrawer } from './InjuryFormDrawer';
import { costItemOptions, RECOGNITION_COLORS, SEVERITY_COLORS } from './labels';
import { WorkerDescriptions } from './WorkerDescriptions';

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

/** Fund spending on the case, item by item (fen), with add and remove for those allowed. */
function Costs({ c }: { c: InjuryCaseDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ item: string; amount: string; paidOn: Dayjs }>();
  const add = useAddCost(c.id);
  const remove = useRemoveCost(c.id);
  const onAdd = (v: { item: string; amount: string; paidOn: Dayjs }) => {
    let amountFen: number;
    try {
      amountFen = yuanToFen(v.amount);
    } catch (e) {
      form.setFields([{ name: 'amount', errors: [(e as Error).message] }]);
      return;
    }
    add.mutate(
      { item: v.item as never, amountFen, paidOn: v.paidOn.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          feedback.message.success(t('injury.costAdded'));
          form.resetFields();
        },
        onError: (error) => handleFormError(form, error),
      },
    );
  };
  return (
    <Card size="small" title={t('injury.costs')} extra={t('injury.costTotal', { total: formatFen(c.totalCostFen) })}>
      <Table<InjuryCostView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.costs}
        columns={[
          { title: t('injury.costItem'), dataIndex: 'itemName' },
          { title: t('injury.paidOn'), dataIndex: 'paidOn', width: 120 },
          {
            title: t('injury.amountYuan'),
            dataIndex: 'amountFen',
            width: 140,
            align: 'right',
            render: (f: number) => formatFen(f),
          },
          ...(c.can.addCost
            ? [
                {
                  title: t('common.actions'),
                  width: 80,
                  render: (_: unknown, row: InjuryCostView) => (
                    <Popconfirm
                      title={t('injury.costRemoveConfirm')}
                      onConfirm={() => remove.mutate(row.id, { onError: showApiError })}
                    >
                      <Button
                        size="small"
                        type="link"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('injury.costRemove')}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {c.can.addCost ? (
        <Form form={form} name="cost" layout="inline" onFinish={onAdd} style={{ marginTop: 12, rowGap: 8 }}>
          <Form.Item name="item" rules={[{ required: true, message: t('injury.costItemRequired') }]}>
            <Select placeholder={t('injury.costItem')} options={costItemOptions} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="amount" rules={[{ required: true, message: t('injury.amountRequired') }]}>
            <Input placeholder={t('injury.amountYuan')} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="paidOn" rules={[{ required: true, message: t('injury.paidOnRequired') }]}>
            <DatePicker placeholder={t('injury.paidOn')} />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
            {t('injury.costAdd')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

export default function InjuryDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const injury = useInjury(id);
  const [editing, setEditing] = useState(false);
  if (injury.isPending) return <Skeleton active />;
  if (injury.isError) return <Alert type="error" showIcon title={errorText(injury.error)} />;
  const c = injury.data;
  return (
    <>
      <PageHeader
        title={t('injury.injuryTitle', { no: c.caseNo })}
        subTitle={`${c.employerName} · ${c.countyName} · ${formatDateTime(c.occurredAt).slice(0, 16)}`}
        extra={
          <>
            <Tag color={SEVERITY_COLORS[c.severity]}>{INJURY_SEVERITIES[c.severity]}</Tag>
            <Tag color={RECOGNITION_COLORS[c.recognitionResult]}>{RECOGNITION_RESULTS[c.recognitionResult]}</Tag>
            {c.can.update ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            <DraftBulletinButton kind="injury" id={c.id} />
          </>
        }
      />
      <Flex gap={16} vertical>
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} title={t('injury.event')}>
          <Descriptions.Item label={t('injury.employer')}>
            <Link to={`/employers/${c.employerId}`}>{c.employerName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.place')}>{dash(c.place)}</Descriptions.Item>
          <Descriptions.Item label={t('injury.category')}>{dash(c.accidentCategoryName)}</Descriptions.Item>
          <Descriptions.Item label={t('injury.nature')}>{dash(c.injuryNature)}</Descriptions.Item>
          <Descriptions.Item label={t('injury.bodyPart')}>{dash(c.bodyPart)}</Descriptions.Item>
          <Descriptions.Item label={t('injury.lostWorkdays')}>{c.lostWorkdays}</Descriptions.Item>
          <Descriptions.Item label={t('injury.cause')}>{dash(c.cause)}</Descriptions.Item>
          <Descriptions.Item label={t('injury.harmingObject')}>{dash(c.harmingObject)}</Descriptions.Item>
          <Descriptions.Item label={t('injury.commuting')}>
            {c.commuting ? t('common.yes') : t('common.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.activity')} span={3}>
            {dash(c.activity)}
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.disabilityGrade')}>
            {c.disabilityGrade ? t('injury.gradeN', { n: c.disabilityGrade }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.linkedAccident')}>
            {c.accidentId ? <Link to={`/accidents/${c.accidentId}`}>{c.accidentNo}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('injury.source')}>{t(`injury.sources.${c.source}` as never)}</Descriptions.Item>
        </Descriptions>
        <WorkerDescriptions c={c} />
        <Flex gap={16} wrap align="flex-start">
          <div style={{ flex: '2 1 420px' }}>
            <Costs c={c} />
          </div>
          <Card size="small" title={t('injury.timeline')} style={{ flex: '1 1 280px' }}>
            <Timeline
              items={c.timeline.map((e, i) => ({
                key: `${e.kind}-${i}`,
                color:
                  e.kind === 'recognition'
                    ? 'green'
                    : e.kind === 'assessment'
                      ? 'orange'
                      : e.kind === 'event'
                        ? 'red'
                        : 'blue',
                content: `${e.date} ${e.label}`,
              }))}
            />
          </Card>
        </Flex>
      </Flex>
      <InjuryFormDrawer open={editing} record={c} onClose={() => setEditing(false)} />
    </>
  );
}
