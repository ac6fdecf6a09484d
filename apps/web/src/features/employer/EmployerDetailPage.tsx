import { EditOutlined } from '@ant-design/icons';
import { EMPLOYER_FIELD_LABELS, type EmployerView, formatFen } from '@yufang/contracts';
import {
  Alert,
  Button,
  Descriptions,
  Flex,
  Skeleton,
  Table,
  Tabs,
  type TabsProps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText } from '../../api/errors';
import { useCan } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { EmployerRecordsTab } from '../injury/EmployerRecordsTab';
import { useEmployer, useEmployerHistory, useHeadcounts } from './api';
import { EmployerFormDrawer } from './EmployerFormDrawer';
import { INSURANCE_COLORS } from './labels';
import { EmployerPersonsTab } from './persons/EmployerPersonsTab';

function Profile({ employer, onEdit }: { employer: EmployerView; onEdit?: () => void }) {
  const { t } = useTranslation();
  const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      styles={{ label: { width: 150 } }}
      extra={
        onEdit ? (
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <Descriptions.Item label={t('employer.name')} span={2}>
        {employer.name}
        {employer.formerNames.length ? (
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            {t('employer.formerNames')}：{employer.formerNames.join('、')}
          </Typography.Text>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('employer.uscc')}>
        <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
          {employer.uscc}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('employer.county')}>{employer.countyName}</Descriptions.Item>
      <Descriptions.Item label={t('employer.industry')}>
        {employer.industryGroup ?? employer.industryCode} {employer.industryName}
      </Descriptions.Item>
      <Descriptions.Item label={t('employer.riskClass')}>
        {employer.riskClass === null ? '—' : t('employer.riskClassN', { n: employer.riskClass })}
      </Descriptions.Item>
      <Descriptions.Item label={t('employer.flags')}>
        <Flex gap={4}>
          {employer.keyIndustry ? <Tag color="volcano">{t('employer.keyIndustryTag')}</Tag> : null}
          {employer.dustHazard ? <Tag color="gold">{t('employer.dustTag')}</Tag> : null}
          {!employer.keyIndustry && !employer.dustHazard ? t('common.none') : null}
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('employer.insuranceStatus')}>
        <Tag color={INSURANCE_COLORS[employer.insuranceStatus]}>
          {t(`employer.insurance.${employer.insuranceStatus}` as never)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('employer.ownershipType')}>
        {employer.ownershipType ? t(`employer.ownership.${employer.ownershipType}` as never) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('employer.size')}>
        {employer.size ? t(`employer.sizes.${employer.size}` as never) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('employer.workforce')}>{dash(employer.workforce)}</Descriptions.Item>
      <Descriptions.Item label={t('employer.legalRepresentative')}>
        {dash(employer.legalRepresentative)}
      </Descriptions.Item>
      <Descriptions.Item label={t('employer.address')} span={2}>
        {dash(employer.address)}
      </Descriptions.Item>
      <Descriptions.Item label={t('employer.safetyContactName')}>{dash(employer.safetyContactName)}</Descriptions.Item>
      <Descriptions.Item label={t('employer.safetyContactPhone')}>
        {dash(employer.safetyContactPhoneMasked)}
      </Descriptions.Item>
      <Descriptions.Item label={t('employer.updatedAt')}>{formatDateTime(employer.updatedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('employer.version')}>{employer.version}</Descriptions.Item>
    </Descriptions>
  );
}

/** The monthly series as a table (newest first); the chart waits for ECharts to be added to the web package. */
function Headcounts({ id }: { id: string }) {
  const { t } = useTranslation();
  const series = useHeadcounts(id);
  if (series.isError) return <Alert type="error" showIcon title={errorText(series.error)} />;
  const rows = [...(series.data ?? [])].reverse();
  return (
    <Table
      rowKey="month"
      size="small"
      loading={series.isPending}
      dataSource={rows}
      pagination={{ pageSize: 12, showSizeChanger: false }}
      locale={{ emptyText: <EmptyState description={t('employer.noHeadcounts')} /> }}
      style={{ maxWidth: 640 }}
      columns={[
        { title: t('employer.month'), dataIndex: 'month', width: 120 },
        {
          title: t('employer.insuredCount'),
          dataIndex: 'insuredCount',
          align: 'right',
          render: (n: number) => n.toLocaleString('zh-CN'),
        },
        {
          title: t('employer.payrollYuan'),
          dataIndex: 'payrollFen',
          align: 'right',
          render: (fen: number) => formatFen(fen),
        },
      ]}
    />
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join('、') : '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

function History({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useEmployerHistory(id);
  if (history.isPending) return <Skeleton active />;
  if (history.items.length === 0) return <EmptyState description={t('employer.noHistory')} />;
  return (
    <>
      <Timeline
        items={history.items.map((h) => ({
          key: h.id,
          content: (
            <>
              <Typography.Text strong>{formatDateTime(h.at)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {h.username ?? '—'} · {t(`employer.source.${h.source}` as never, { defaultValue: h.source })}
              </Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                {Object.keys(h.changes.after).map((field) => (
                  <li key={field}>
                    {EMPLOYER_FIELD_LABELS[field] ?? field}：{show(h.changes.before[field])} →{' '}
                    {show(h.changes.after[field])}
                  </li>
                ))}
              </ul>
            </>
          ),
        }))}
      />
      <LoadMore
        loaded={history.items.length}
        hasNextPage={history.hasNextPage}
        isFetchingNextPage={history.isFetchingNextPage}
        fetchNextPage={history.fetchNextPage}
      />
    </>
  );
}

export default function EmployerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const employer = useEmployer(id);
  const [editing, setEditing] = useState(false);
  const canSeePersons = useCan('employer.person.read');
  const canSeeInjuries = useCan('injury.read');

  if (employer.isPending) return <Skeleton active />;
  if (employer.isError || !employer.data) {
    return <Alert type="error" showIcon title={errorText(employer.error)} />;
  }
  const e = employer.data;
  const items: TabsProps['items'] = [
    {
      key: 'profile',
      label: t('employer.tabProfile'),
      children: <Profile employer={e} onEdit={e.can.update ? () => setEditing(true) : undefined} />,
    },
    { key: 'headcounts', label: t('employer.tabHeadcounts'), children: <Headcounts id={e.id} /> },
    ...(canSeePersons
      ? [
          {
            key: 'persons',
            label: t('employer.tabPersons'),
            children: <EmployerPersonsTab employerId={e.id} employerName={e.name} />,
          },
        ]
      : []),
    ...(canSeeInjuries
      ? [{ key: 'injuries', label: t('injury.tabTitle'), children: <EmployerRecordsTab employerId={e.id} /> }]
      : []),
    { key: 'history', label: t('employer.tabHistory'), children: <History id={e.id} /> },
  ];
  return (
    <>
      <PageHeader
        title={e.name}
        subTitle={`${e.uscc} · ${e.countyName} · ${e.industryName}`}
        extra={
          <Tag color={INSURANCE_COLORS[e.insuranceStatus]}>{t(`employer.insurance.${e.insuranceStatus}` as never)}</Tag>
        }
      />
      <Tabs items={items} destroyOnHidden />
      <EmployerFormDrawer
        employer={e}
        open={editing}
        onClose={() => setEditing(false)}
        onStale={() => void employer.refetch()}
      />
    </>
  );
}
