import { DownloadOutlined } from '@ant-design/icons';
import {
  type DataSetView,
  EXCHANGE_FIELD_TYPES,
  type ExchangeField,
  LOAD_SOURCES,
  LOAD_STATUSES,
  type LoadView,
  type RecordView,
} from '@yufang/contracts';
import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { KeysetTable } from '../../components/KeysetTable';
import { PageHeader } from '../../components/PageHeader';
import { recordExportUrl, useDataSet, useDataSets, useLoads, useRecords } from './api';
import { DataSetUpload } from './DataSetUpload';

function Freshness({ set }: { set: DataSetView }) {
  const { t } = useTranslation();
  if (set.ageDays === null) return <Tag>{t('exchange.neverLoaded')}</Tag>;
  const color = set.ageDays <= 7 ? 'green' : set.ageDays <= 31 ? 'orange' : 'red';
  return (
    <Tag color={color}>{set.ageDays === 0 ? t('exchange.today') : t('exchange.ageDays', { count: set.ageDays })}</Tag>
  );
}

function cellValue(field: ExchangeField, value: unknown, codes: Record<string, { code: string; name: string }[]>) {
  if (value === null || value === undefined) return '';
  if (field.type === 'boolean') return value ? '是' : '否';
  if (field.type === 'datetime') return String(value).replace('T', ' ');
  if (field.type === 'money_fen') return (Number(value) / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
  if (field.type === 'code') return codes[field.codeTable ?? '']?.find((c) => c.code === value)?.name ?? String(value);
  return String(value);
}

function LoadTable({ code }: { code: string }) {
  const { t } = useTranslation();
  const loads = useLoads(code);
  const columns: TableColumnsType<LoadView> = [
    { title: t('exchange.loadAt'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('exchange.source'),
      dataIndex: 'source',
      width: 100,
      render: (s: LoadView['source']) => LOAD_SOURCES[s],
    },
    { title: t('exchange.by'), key: 'by', render: (_: unknown, r) => r.tokenName ?? r.username ?? '' },
    { title: t('exchange.file'), dataIndex: 'fileName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('exchange.version'), dataIndex: 'schemaVersion', width: 70 },
    {
      title: t('exchange.counts'),
      key: 'counts',
      width: 220,
      render: (_: unknown, r) =>
        t('exchange.countsShort', {
          received: r.received,
          inserted: r.inserted,
          updated: r.updated,
          rejected: r.rejected,
        }),
    },
    {
      title: t('exchange.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: LoadView['status']) => <Tag color={s === 'succeeded' ? 'green' : 'red'}>{LOAD_STATUSES[s]}</Tag>,
    },
  ];
  return (
    <KeysetTable<LoadView>
      rowKey="id"
      size="small"
      columns={columns}
      source={loads}
      expandable={{
        rowExpandable: (r) => r.errors.length > 0,
        expandedRowRender: (r) => (
          <ul style={{ margin: 0 }}>
            {r.errors.map((e) => (
              <li key={`${e.row}-${e.field}-${e.message}`}>{e.message}</li>
            ))}
          </ul>
        ),
      }}
    />
  );
}

function RecordTable({ code }: { code: string }) {
  const { t } = useTranslation();
  const detail = useDataSet(code).data;
  const [key, setKey] = useState<string>();
  const [county, setCounty] = useState<string>();
  const records = useRecords(code, { key, countyCode: county }, true);
  const fields = detail?.versions[0]?.fields ?? [];
  const columns: TableColumnsType<RecordView> = [
    ...fields.map((f) => ({
      title: f.label,
      key: f.name,
      ellipsis: true,
      render: (_: unknown, r: RecordView) => cellValue(f, r.data[f.name], detail?.codeTables ?? {}),
    })),
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder={t('exchange.keySearch')} onSearch={(v) => setKey(v || undefined)} />
        <Select
          allowClear
          placeholder={t('exchange.county')}
          style={{ width: 160 }}
          value={county}
          onChange={setCounty}
          options={(detail?.codeTables.county ?? []).map((c) => ({ value: c.code, label: c.name }))}
        />
        <Button
          icon={<DownloadOutlined />}
          href={recordExportUrl(code, { key, countyCode: county })}
          data-testid="dataset-records-export"
        >
          {t('exchange.exportRecords')}
        </Button>
      </Space>
      <KeysetTable<RecordView>
        rowKey="id"
        size="small"
        columns={columns}
        source={records}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}

function DataSetDrawer({ code, onClose }: { code: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useDataSet(code).data;
  const canRecords = useCan('exchange.record.read');
  const current = detail?.versions[0];
  const fieldColumns: TableColumnsType<ExchangeField> = [
    { title: t('exchange.fieldName'), dataIndex: 'name', width: 160 },
    { title: t('exchange.fieldLabel'), dataIndex: 'label' },
    {
      title: t('exchange.fieldType'),
      dataIndex: 'type',
      width: 150,
      render: (v: ExchangeField['type']) => EXCHANGE_FIELD_TYPES[v],
    },
    { title: t('exchange.required'), dataIndex: 'required', width: 70, render: (v: boolean) => (v ? '是' : '') },
    {
      title: t('exchange.notes'),
      key: 'notes',
      render: (_: unknown, f) => (
        <>
          {f.codeTable ? <Tag>{t('exchange.codeTable', { name: f.codeTable })}</Tag> : null}
          {f.personal ? <Tag color="purple">{t('exchange.personal')}</Tag> : null}
          {current?.naturalKey.includes(f.name) ? <Tag color="blue">{t('exchange.naturalKey')}</Tag> : null}
        </>
      ),
    },
  ];
  return (
    <Drawer open={!!code} onClose={onClose} size={1100} title={detail ? `${detail.name}（${detail.code}）` : ''}>
      {detail ? (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('exchange.owner')}>{detail.ownerUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('exchange.version')}>v{detail.currentVersion}</Descriptions.Item>
            <Descriptions.Item label={t('exchange.lastSuccess')}>
              {detail.lastSuccessAt ? formatDateTime(detail.lastSuccessAt) : '—'} <Freshness set={detail} />
            </Descriptions.Item>
            <Descriptions.Item label={t('exchange.description')} span={3}>
              {detail.description}
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[
              {
                key: 'fields',
                label: t('exchange.fields', { version: detail.currentVersion }),
                children: (
                  <Table<ExchangeField>
                    rowKey="name"
                    size="small"
                    pagination={false}
                    columns={fieldColumns}
                    dataSource={current?.fields ?? []}
                  />
                ),
              },
              ...(detail.can.load
                ? [{ key: 'upload', label: t('exchange.upload'), children: <DataSetUpload detail={detail} /> }]
                : []),
              { key: 'loads', label: t('exchange.loads'), children: <LoadTable code={detail.code} /> },
              ...(canRecords
                ? [{ key: 'records', label: t('exchange.records'), children: <RecordTable code={detail.code} /> }]
                : []),
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}

export default function CataloguePage() {
  const { t } = useTranslation();
  const sets = useDataSets();
  const [open, setOpen] = useState<string>();
  const columns: TableColumnsType<DataSetView> = [
    {
      title: t('exchange.dataSet'),
      key: 'name',
      render: (_: unknown, r) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.code)}>
          {r.name} <span style={{ color: '#888' }}>{r.code}</span>
        </Button>
      ),
    },
    { title: t('exchange.owner'), dataIndex: 'ownerUnitName', width: 130 },
    { title: t('exchange.version'), dataIndex: 'currentVersion', width: 80, render: (v: number) => `v${v}` },
    { title: t('exchange.recordCount'), dataIndex: 'recordCount', width: 100, align: 'right' },
    {
      title: t('exchange.lastSuccess'),
      dataIndex: 'lastSuccessAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : '—'),
    },
    { title: t('exchange.freshness'), key: 'age', width: 120, render: (_: unknown, r) => <Freshness set={r} /> },
    {
      title: t('exchange.lastLoad'),
      dataIndex: 'lastLoadStatus',
      width: 100,
      render: (s: DataSetView['lastLoadStatus']) =>
        s ? <Tag color={s === 'succeeded' ? 'green' : 'red'}>{LOAD_STATUSES[s]}</Tag> : '—',
    },
  ];
  return (
    <>
      <PageHeader title={t('exchange.catalogueTitle')} subTitle={t('exchange.catalogueHint')} />
      <Card>
        <Table<DataSetView>
          rowKey="code"
          columns={columns}
          dataSource={sets.data ?? []}
          loading={sets.isLoading}
          pagination={false}
        />
      </Card>
      <DataSetDrawer code={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
