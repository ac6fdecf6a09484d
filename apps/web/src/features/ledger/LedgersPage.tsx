import type { LedgerCountyStatus } from '@yufang/contracts';
import { Select, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useLedgerOverview } from './api';
import { currentYear, LEDGER_STATUS_COLORS } from './labels';

/** The city's (or a county's own) view of the year's key-enterprise lists, one row per county. */
export default function LedgersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = currentYear();
  const year = Number(params.get('year') ?? thisYear);
  const overview = useLedgerOverview(year);
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);

  const columns: TableColumnsType<LedgerCountyStatus> = [
    {
      title: t('ledger.county'),
      dataIndex: 'countyName',
      render: (name: string, r) => <Link to={`/ledgers/${r.countyCode}/${year}`}>{name}</Link>,
    },
    {
      title: t('ledger.status'),
      dataIndex: 'status',
      render: (s: LedgerCountyStatus['status'], r) => (
        <Tag color={LEDGER_STATUS_COLORS[s]}>
          {t(`ledger.statuses.${s}`)}
          {r.revision ? ` · ${t('ledger.revision', { n: r.revision })}` : ''}
        </Tag>
      ),
    },
    {
      title: t('ledger.confirmedRevision'),
      dataIndex: 'confirmedRevision',
      render: (n: number | null) => (n ? t('ledger.revision', { n }) : '—'),
    },
    { title: t('ledger.entries'), dataIndex: 'entries', align: 'right' },
    { title: t('ledger.included'), dataIndex: 'included', align: 'right' },
    {
      title: '',
      key: 'open',
      render: (_, r) => <Link to={`/ledgers/${r.countyCode}/${year}`}>{t('ledger.open')}</Link>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('ledger.title')}
        subTitle={t('ledger.overviewHint')}
        extra={
          <Select
            aria-label={t('ledger.year')}
            value={year}
            style={{ width: 120 }}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
            onChange={(y) => setParams({ year: String(y) }, { replace: true })}
          />
        }
      />
      <Table
        rowKey="countyCode"
        size="middle"
        loading={overview.isLoading}
        dataSource={overview.data ?? []}
        columns={columns}
        pagination={false}
      />
    </>
  );
}
