import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type ComplaintView,
  type EngagementView,
  formatFen,
  type ListingView,
  type ProviderDetail,
  type QualificationView,
  yuanToFen,
} from '@yufang/contracts';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveErrorHandler, showApiError } from '../../api/errors';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { FormDrawer } from '../../components/FormDrawer';
import { feedback } from '../../components/feedback';
import {
  documentUrl,
  type ProviderMode,
  useProvider,
  useProviderAction,
  useProviderOptions,
  useUploadDocument,
} from './api';
import { providerEn, providerZh } from './locale';

export const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx';

type DrawerKind =
  | 'edit'
  | 'review'
  | 'qualification'
  | 'apply'
  | 'listing'
  | 'engagement'
  | 'complaint'
  | 'resolve'
  | 'sanction'
  | 'lift';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function GradeTag({ grade, score }: { grade: string; score?: number }) {
  return (
    <Tag color={GRADE_COLORS[grade]} data-testid="credit-grade">
      {grade}
      {score === undefined ? '' : ` · ${score}`}
    </Tag>
  );
}

/** The profile of one organisation with its tabs; the bureau's actions in `manage` mode, the organisation's in `self`. */
export function ProviderProfile({ mode, id }: { mode: ProviderMode; id: string }) {
  const { t, i18n } = useTranslation();
  const query = useProvider(mode, id);
  const options = useProviderOptions();
  const action = useProviderAction(mode, id);
  const me = useSession();
  const upload = useUploadDocument(mode, id, me.csrfToken);
  const [drawer, setDrawer] = useState<{ kind: DrawerKind; target?: string } | null>(null);
  const [form] = Form.useForm();
  const p = query.data;
  if (!p) return <Card loading />;
  const manage = p.can.manage;
  const self = p.can.self;
  const typeName = (code: string) => options.data?.serviceTypes.find((s) => s.code === code)?.name ?? code;
  const open = (kind: DrawerKind, target?: string) => {
    form.resetFields();
    setDrawer({ kind, target });
  };
  const close = () => setDrawer(null);
  const onConflict = () => {
    feedback.message.warning(t('provider.staleReload'));
    void query.refetch();
    close();
  };

  const submit = async (values: Record<string, unknown>) => {
    if (!drawer) return;
    const target = drawer.target;
    const requests: Record<DrawerKind, () => { method?: 'post' | 'put'; path: string; body: unknown }> = {
      edit: () => ({
        method: 'put',
        path: '',
        body: {
          ...values,
          contactPhone: values.contactPhone ? values.contactPhone : undefined,
          introduction: values.introduction || null,
          staff: values.staff ?? [],
          equipment: values.equipment ?? [],
          version: p.version,
        },
      }),
      review: () => ({ path: '/review', body: { ...values, version: p.version } }),
      qualification: () => ({
        path: '/qualifications',
        body: { ...values, validUntil: day(values.validUntil as Dayjs) },
      }),
      apply: () => ({ path: '/listings', body: values }),
      listing: () => ({
        path: `/listings/${target}/decision`,
        body: { ...values, version: p.listings.find((l) => l.id === target)?.version },
      }),
      engagement: () => ({
        path: '/engagements',
        body: {
          ...values,
          contractedFen: yuanToFen(String(values.contracted ?? '')),
          deductionFen: values.deduction ? yuanToFen(String(values.deduction)) : 0,
          contracted: undefined,
          deduction: undefined,
          deliveredUnits: values.deliveredUnits ?? null,
          acceptanceScore:
            values.acceptanceScore === undefined || values.acceptanceScore === null
              ? null
              : Math.round(Number(values.acceptanceScore) * 100),
        },
      }),
      complaint: () => ({ path: '/complaints', body: { ...values, receivedOn: day(values.receivedOn as Dayjs) } }),
      resolve: () => ({
        path: `/complaints/${target}/resolve`,
        body: { ...values, version: p.complaints.find((c) => c.id === target)?.version },
      }),
      sanction: () => ({
        path: '/sanctions',
        body: {
          ...values,
          fromDate: day(values.fromDate as Dayjs),
          untilDate: day(values.untilDate as Dayjs | null),
        },
      }),
      lift: () => ({ path: `/sanctions/${target}/lift`, body: values }),
    };
    try {
      await action.mutateAsync(requests[drawer.kind]());
      feedback.message.success(t('provider.saved'));
      close();
    } catch (error) {
      saveErrorHandler(form, onConflict)(error);
    }
  };

  const qualificationColumns = [
    { title: t('provider.qualificationName'), dataIndex: 'name' },
    { title: t('provider.number'), dataIndex: 'number' },
    { title: t('provider.issuer'), dataIndex: 'issuer' },
    {
      title: t('provider.validUntil'),
      dataIndex: 'validUntil',
      render: (v: string, q: QualificationView) => (
        <Space>
          {v}
          <Tag color={q.inForce ? 'green' : 'red'}>{q.inForce ? t('provider.inForce') : t('provider.expired')}</Tag>
        </Space>
      ),
    },
    {
      title: t('provider.document'),
      key: 'doc',
      render: (_: unknown, q: QualificationView) => (
        <Space>
          {q.fileName ? (
            <a href={documentUrl(mode, id, q.id)} target="_blank" rel="noreferrer">
              {q.fileName}
            </a>
          ) : null}
          {manage || self ? (
            <Upload
              accept={ACCEPT}
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate(
                  { qid: q.id, file },
                  { onSuccess: () => feedback.message.success(t('provider.saved')), onError: showApiError },
                );
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                {t('provider.upload')}
              </Button>
            </Upload>
          ) : null}
        </Space>
      ),
    },
  ];

  const listingColumns = [
    { title: t('provider.list'), dataIndex: 'list', render: (l: string) => t(`provider.lists.${l}` as never) },
    {
      title: t('provider.status'),
      dataIndex: 'status',
      render: (s: string) => (
        <Tag color={s === 'listed' ? 'green' : s === 'applied' ? 'blue' : 'default'}>
          {t(`provider.listingStatuses.${s}` as never)}
        </Tag>
      ),
    },
    { title: t('provider.appliedOn'), dataIndex: 'appliedOn' },
    { title: t('provider.listedOn'), dataIndex: 'listedOn', render: (v: string | null) => v ?? '—' },
    { title: t('provider.delistedOn'), dataIndex: 'delistedOn', render: (v: string | null) => v ?? '—' },
    { title: t('provider.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
    ...(manage
      ? [
          {
            title: '',
            key: 'act',
            render: (_: unknown, l: ListingView) =>
              l.status === 'applied' || l.status === 'listed' ? (
                <Button size="small" onClick={() => open('listing', l.id)}>
                  {l.status === 'listed' ? t('provider.delist') : t('provider.decide')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const engagementColumns = [
    { title: t('provider.year'), dataIndex: 'year', width: 70 },
    { title: t('provider.projectTitle'), dataIndex: 'title' },
    { title: t('provider.contracted'), dataIndex: 'contractedFen', align: 'right' as const, render: formatFen },
    {
      title: t('provider.contractedUnits'),
      key: 'units',
      render: (_: unknown, e: EngagementView) => `${e.deliveredUnits ?? '—'} / ${e.contractedUnits} ${e.unit}`,
    },
    {
      title: t('provider.acceptanceScore'),
      dataIndex: 'acceptanceScore',
      align: 'right' as const,
      render: (s: number | null) => (s === null ? '—' : (s / 100).toFixed(1)),
    },
    {
      title: t('provider.outcome'),
      dataIndex: 'outcome',
      render: (o: string) => (
        <Tag color={o === 'passed' ? 'green' : o === 'in_progress' ? 'blue' : 'red'}>
          {t(`provider.outcomes.${o}` as never)}
        </Tag>
      ),
    },
    {
      title: t('provider.deduction'),
      dataIndex: 'deductionFen',
      align: 'right' as const,
      render: (f: number) => (f ? formatFen(f) : '—'),
    },
  ];

  const complaintColumns = [
    { title: t('provider.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    { title: t('provider.summary'), dataIndex: 'summary' },
    {
      title: t('provider.upheld'),
      dataIndex: 'upheld',
      render: (u: boolean | null) =>
        u === null ? (
          <Tag color="blue">{t('provider.open')}</Tag>
        ) : (
          <Tag color={u ? 'red' : 'default'}>{u ? t('provider.upheldYes') : t('provider.upheldNo')}</Tag>
        ),
    },
    {
      title: t('provider.resolution'),
      key: 'res',
      render: (_: unknown, c: ComplaintView) =>
        c.upheld === null && manage ? (
          <Button size="small" onClick={() => open('resolve', c.id)}>
            {t('provider.resolve')}
          </Button>
        ) : (
          `${c.resolvedOn ?? ''} ${c.resolution ?? ''}`
        ),
    },
  ];

  const sanctionColumns = [
    { title: t('provider.kind'), dataIndex: 'kind', render: (k: string) => t(`provider.sanctions.${k}` as never) },
    { title: t('provider.fromDate'), dataIndex: 'fromDate' },
    { title: t('provider.untilDate'), dataIndex: 'untilDate', render: (v: string | null) => v ?? '—' },
    { title: t('provider.reason'), dataIndex: 'reason' },
    {
      title: t('provider.status'),
      key: 'st',
      render: (_: unknown, s: ProviderDetail['sanctions'][number]) =>
        s.active ? (
          <Space>
            <Tag color="red">{t('provider.active')}</Tag>
            {manage ? (
              <Button size="small" onClick={() => open('lift', s.id)}>
                {t('provider.lift')}
              </Button>
            ) : null}
          </Space>
        ) : (
          <Tag>
            {s.liftedOn ? `${t('provider.liftedOn')} ${s.liftedOn}：${s.liftReason ?? ''}` : t('provider.ended')}
          </Tag>
        ),
    },
  ];

  const editable = manage || self;
  const tabs = [
    {
      key: 'profile',
      label: t('provider.tabs.profile'),
      children: (
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={t('provider.uscc')}>{p.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('provider.county')}>{p.countyName}</Descriptions.Item>
          <Descriptions.Item label={t('provider.address')}>{p.address}</Descriptions.Item>
          <Descriptions.Item label={t('provider.legalRepresentative')}>{p.legalRepresentative}</Descriptions.Item>
          <Descriptions.Item label={t('provider.contactName')}>{p.contactName}</Descriptions.Item>
          <Descriptions.Item label={t('provider.contactPhone')}>{p.contactPhoneMasked}</Descriptions.Item>
          <Descriptions.Item label={t('provider.serviceTypes')} span={2}>
            {p.serviceTypes.map((s) => (
              <Tag key={s}>{typeName(s)}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('provider.introduction')} span={2}>
            {p.introduction ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('provider.status')}>
            {t(`provider.statuses.${p.status}` as never)}
            {p.reviewedAt ? `（${formatDateTime(p.reviewedAt)}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('provider.reviewNote')}>{p.reviewNote ?? '—'}</Descriptions.Item>
        </Descriptions>
      ),
    },
    {
      key: 'qualifications',
      label: t('provider.tabs.qualifications'),
      children: (
        <>
          {editable ? (
            <Button style={{ marginBottom: 8 }} onClick={() => open('qualification')}>
              {t('provider.addQualification')}
            </Button>
          ) : null}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            columns={qualificationColumns}
            dataSource={p.qualifications}
          />
        </>
      ),
    },
    {
      key: 'staff',
      label: t('provider.tabs.staff'),
      children: (
        <Flex vertical gap={12}>
          <Table
            rowKey={(_, i) => String(i)}
            size="small"
            pagination={false}
            title={() => t('provider.staff')}
            columns={[
              { title: t('provider.staffName'), dataIndex: 'name' },
              { title: t('provider.staffRole'), dataIndex: 'role' },
              { title: t('provider.staffQualification'), dataIndex: 'qualification' },
            ]}
            dataSource={p.staff}
          />
          <Table
            rowKey={(_, i) => String(i)}
            size="small"
            pagination={false}
            title={() => t('provider.equipment')}
            columns={[
              { title: t('provider.equipmentName'), dataIndex: 'name' },
              { title: t('provider.quantity'), dataIndex: 'quantity' },
              { title: t('provider.equipmentNote'), dataIndex: 'note' },
            ]}
            dataSource={p.equipment}
          />
        </Flex>
      ),
    },
    {
      key: 'listings',
      label: t('provider.tabs.listings'),
      children: (
        <>
          {editable ? (
            <Button style={{ marginBottom: 8 }} onClick={() => open('apply')}>
              {t('provider.apply')}
            </Button>
          ) : null}
          <Table rowKey="id" size="small" pagination={false} columns={listingColumns} dataSource={p.listings} />
        </>
      ),
    },
    {
      key: 'engagements',
      label: t('provider.tabs.engagements'),
      children: (
        <>
          {manage ? (
            <Button style={{ marginBottom: 8 }} onClick={() => open('engagement')}>
              {t('provider.addEngagement')}
            </Button>
          ) : null}
          <Table rowKey="id" size="small" pagination={false} columns={engagementColumns} dataSource={p.engagements} />
        </>
      ),
    },
    {
      key: 'complaints',
      label: t('provider.tabs.complaints'),
      children: (
        <>
          {manage ? (
            <Button style={{ marginBottom: 8 }} onClick={() => open('complaint')}>
              {t('provider.addComplaint')}
            </Button>
          ) : null}
          <Table rowKey="id" size="small" pagination={false} columns={complaintColumns} dataSource={p.complaints} />
        </>
      ),
    },
    {
      key: 'credit',
      label: t('provider.tabs.credit'),
      children: (
        <Flex vertical gap={12}>
          <Space size={48}>
            <Statistic title={t('provider.creditStart')} value={p.credit.start} />
            <Statistic title={t('provider.score')} value={p.credit.score} />
            <Statistic title={t('provider.grade')} valueRender={() => <GradeTag grade={p.credit.grade} />} />
          </Space>
          <Table
            rowKey={(_, i) => String(i)}
            size="small"
            pagination={false}
            locale={{ emptyText: t('provider.noDeductions') }}
            columns={[
              { title: t('provider.creditItem'), dataIndex: 'label' },
              { title: t('provider.points'), dataIndex: 'points', align: 'right', width: 100 },
            ]}
            dataSource={p.credit.items}
          />
          <Typography.Text type="secondary">{t('provider.creditAsOf', { date: p.credit.asOf })}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'history',
      label: t('provider.tabs.history'),
      children: (
        <Flex vertical gap={12}>
          {manage ? (
            <Button style={{ alignSelf: 'flex-start' }} danger onClick={() => open('sanction')}>
              {t('provider.sanctionAdd')}
            </Button>
          ) : null}
          <Table rowKey="id" size="small" pagination={false} columns={sanctionColumns} dataSource={p.sanctions} />
          <Table
            rowKey={(_, i) => String(i)}
            size="small"
            pagination={false}
            columns={[
              { title: t('provider.at'), dataIndex: 'at', render: formatDateTime, width: 170 },
              { title: t('provider.user'), dataIndex: 'username', width: 120 },
              {
                title: t('provider.action'),
                dataIndex: 'action',
                render: (a: string) => actionName(i18n.language, a),
              },
            ]}
            dataSource={p.history}
          />
        </Flex>
      ),
    },
  ];

  const kind = drawer?.kind;
  const listing = p.listings.find((l) => l.id === drawer?.target);
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space wrap>
            <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
              {p.name}
            </Typography.Title>
            <Tag>{t(`provider.statuses.${p.status}` as never)}</Tag>
            <GradeTag grade={p.grade} score={p.score} />
            {p.listed.map((l) => (
              <Tag color="green" key={l}>
                {t(`provider.lists.${l}` as never)}
              </Tag>
            ))}
            {p.sanction ? (
              <Tag color="red" data-testid="sanction-tag">
                {t(`provider.sanctions.${p.sanction}` as never)}
              </Tag>
            ) : null}
          </Space>
          <Space>
            {editable ? <Button onClick={() => open('edit')}>{t('provider.edit')}</Button> : null}
            {manage ? <Button onClick={() => open('review')}>{t('provider.review')}</Button> : null}
          </Space>
        </Flex>
      </Card>
      <Card size="small">
        <Tabs items={tabs} />
      </Card>
      <FormDrawer
        open={!!drawer}
        title={kind ? drawerTitle(t, kind) : ''}
        size={kind === 'edit' ? 720 : 480}
        onClose={close}
        onSave={() => form.submit()}
        saving={action.isPending}
        saveTestId="provider-save"
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={
            kind === 'edit'
              ? {
                  name: p.name,
                  countyCode: p.countyCode,
                  address: p.address,
                  legalRepresentative: p.legalRepresentative,
                  contactName: p.contactName,
                  serviceTypes: p.serviceTypes,
                  introduction: p.introduction ?? '',
                  staff: p.staff,
                  equipment: p.equipment,
                }
              : kind === 'listing'
                ? { decision: listing?.status === 'listed' ? 'delisted' : 'listed' }
                : kind === 'review'
                  ? { decision: 'approved' }
                  : kind === 'sanction'
                    ? { kind: 'suspension' }
                    : kind === 'engagement'
                      ? { outcome: 'passed', year: new Date().getFullYear() }
                      : kind === 'resolve'
                        ? { upheld: true }
                        : {}
          }
        >
          {kind === 'edit' ? <ProfileFields /> : null}
          {kind === 'review' ? (
            <>
              <Form.Item name="decision" label={t('provider.decision')}>
                <Radio.Group
                  options={[
                    { value: 'approved', label: t('provider.approve') },
                    { value: 'rejected', label: t('provider.reject') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="note" label={t('provider.note')}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          {kind === 'qualification' ? (
            <>
              <Form.Item name="name" label={t('provider.qualificationName')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="number" label={t('provider.number')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="issuer" label={t('provider.issuer')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="validUntil" label={t('provider.validUntil')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            </>
          ) : null}
          {kind === 'apply' ? (
            <Form.Item name="list" label={t('provider.list')} rules={[{ required: true }]}>
              <Radio.Group
                options={(['training', 'online_platform'] as const).map((l) => ({
                  value: l,
                  label: t(`provider.lists.${l}`),
                }))}
              />
            </Form.Item>
          ) : null}
          {kind === 'listing' ? (
            <>
              <Form.Item name="decision" label={t('provider.decision')}>
                <Radio.Group
                  options={
                    listing?.status === 'listed'
                      ? [{ value: 'delisted', label: t('provider.delist') }]
                      : [
                          { value: 'listed', label: t('provider.listIt') },
                          { value: 'rejected', label: t('provider.rejectIt') },
                        ]
                  }
                />
              </Form.Item>
              <Form.Item name="reason" label={t('provider.reason')}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          {kind === 'engagement' ? (
            <>
              <Form.Item name="year" label={t('provider.year')} rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} />
              </Form.Item>
              <Form.Item name="title" label={t('provider.projectTitle')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Space>
                <Form.Item name="contracted" label={t('provider.contracted')} rules={[{ required: true }]}>
                  <Input inputMode="decimal" />
                </Form.Item>
                <Form.Item name="deduction" label={t('provider.deduction')}>
                  <Input inputMode="decimal" />
                </Form.Item>
              </Space>
              <Space>
                <Form.Item name="unit" label={t('provider.unit')} rules={[{ required: true }]}>
                  <Input style={{ width: 80 }} />
                </Form.Item>
                <Form.Item name="contractedUnits" label={t('provider.contractedUnits')} rules={[{ required: true }]}>
                  <InputNumber min={1} />
                </Form.Item>
                <Form.Item name="deliveredUnits" label={t('provider.deliveredUnits')}>
                  <InputNumber min={0} />
                </Form.Item>
              </Space>
              <Space>
                <Form.Item name="acceptanceScore" label={t('provider.acceptanceScore')}>
                  <InputNumber min={0} max={100} step={0.5} />
                </Form.Item>
                <Form.Item name="outcome" label={t('provider.outcome')}>
                  <Select
                    style={{ width: 140 }}
                    options={(['in_progress', 'passed', 'failed', 'terminated'] as const).map((o) => ({
                      value: o,
                      label: t(`provider.outcomes.${o}`),
                    }))}
                  />
                </Form.Item>
              </Space>
            </>
          ) : null}
          {kind === 'complaint' ? (
            <>
              <Form.Item name="receivedOn" label={t('provider.receivedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="summary" label={t('provider.summary')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          {kind === 'resolve' ? (
            <>
              <Form.Item name="upheld" label={t('provider.upheld')}>
                <Radio.Group
                  options={[
                    { value: true, label: t('provider.upheldYes') },
                    { value: false, label: t('provider.upheldNo') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="resolution" label={t('provider.resolution')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          {kind === 'sanction' ? (
            <>
              <Form.Item name="kind" label={t('provider.kind')}>
                <Radio.Group
                  options={[
                    { value: 'suspension', label: t('provider.sanctions.suspension') },
                    { value: 'barring', label: t('provider.sanctions.barring') },
                  ]}
                />
              </Form.Item>
              <Space>
                <Form.Item name="fromDate" label={t('provider.fromDate')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="untilDate" label={t('provider.untilDate')}>
                  <DatePicker />
                </Form.Item>
              </Space>
              <Form.Item name="reason" label={t('provider.reason')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          {kind === 'lift' ? (
            <Form.Item name="reason" label={t('provider.liftReason')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          ) : null}
        </Form>
      </FormDrawer>
    </>
  );
}

function drawerTitle(t: (k: never) => string, kind: DrawerKind): string {
  const keys: Record<DrawerKind, string> = {
    edit: 'provider.edit',
    review: 'provider.review',
    qualification: 'provider.addQualification',
    apply: 'provider.apply',
    listing: 'provider.decide',
    engagement: 'provider.addEngagement',
    complaint: 'provider.addComplaint',
    resolve: 'provider.resolve',
    sanction: 'provider.sanctionAdd',
    lift: 'provider.lift',
  };
  return t(keys[kind] as never);
}

/** The profile fields of the register and edit forms (staff and equipment as editable rows). */
export function ProfileFields({ create = false }: { create?: boolean }) {
  const { t } = useTranslation();
  const options = useProviderOptions();
  return (
    <>
      {create ? (
        <Form.Item name="uscc" label={t('provider.uscc')} rules={[{ required: true }]}>
          <Input maxLength={18} />
        </Form.Item>
      ) : null}
      <Form.Item name="name" label={t('provider.name')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="countyCode" label={t('provider.county')} rules={[{ required: true }]}>
          <Select
            style={{ width: 180 }}
            options={options.data?.counties.map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="legalRepresentative" label={t('provider.legalRepresentative')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Space>
      <Form.Item name="address" label={t('provider.address')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="contactName" label={t('provider.contactName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('provider.contactPhone')}
          rules={create ? [{ required: true }] : []}
          extra={create ? undefined : t('provider.contactPhoneKeep')}
        >
          <Input maxLength={11} />
        </Form.Item>
      </Space>
      <Form.Item name="serviceTypes" label={t('provider.serviceTypes')} rules={[{ required: true }]}>
        <Select mode="multiple" options={options.data?.serviceTypes.map((s) => ({ value: s.code, label: s.name }))} />
      </Form.Item>
      <Form.Item name="introduction" label={t('provider.introduction')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Typography.Text strong>{t('provider.staff')}</Typography.Text>
      <Form.List name="staff">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                  <Input placeholder={t('provider.staffName')} />
                </Form.Item>
                <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}>
                  <Input placeholder={t('provider.staffRole')} />
                </Form.Item>
                <Form.Item name={[f.name, 'qualification']}>
                  <Input placeholder={t('provider.staffQualification')} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" onClick={() => add({ qualification: '' })} icon={<PlusOutlined />}>
                {t('provider.addRow')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Typography.Text strong>{t('provider.equipment')}</Typography.Text>
      <Form.List name="equipment">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                  <Input placeholder={t('provider.equipmentName')} />
                </Form.Item>
                <Form.Item name={[f.name, 'quantity']} rules={[{ required: true }]}>
                  <InputNumber min={1} placeholder={t('provider.quantity')} />
                </Form.Item>
                <Form.Item name={[f.name, 'note']}>
                  <Input placeholder={t('provider.equipmentNote')} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" onClick={() => add({ quantity: 1, note: '' })} icon={<PlusOutlined />}>
                {t('provider.addRow')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </>
  );
}

/** The Chinese (or English) name of an audited action; the code itself when unknown. */
function actionName(language: string, action: string): string {
  return (language.startsWith('en') ? providerEn : providerZh).actions[action] ?? action;
}

export function NoProvider() {
  const { t } = useTranslation();
  return <Empty description={t('provider.noOwn')} />;
}
