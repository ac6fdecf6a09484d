import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { type BudgetView, type CapView, type FundYearView, formatFen } from '@yufang/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { showApiError } from '../../api/errors';
import { useCan } from '../../app/session';
import { formatDateTime } from '../../components/datetime';
import { feedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { fileToBase64, templateUrl, useFundOverview, useImportYears } from './api';
import { FundChart } from './FundChart';
import { BudgetDrawer, YearDrawer } from './FundDrawers';

const thisYear = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
const pct = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.floor((part * 100) / whole)) : 0);

/** The budget line of a year: cap, budget and the running amounts with progress bars. */
function BudgetLine({ b }: { b: BudgetView }) {
  const { t } = useTranslation();
  const stat = (key: string, fen: number, testId: string) => (
    <Col xs={12} md={4}>
      <Statistic title={t(`fund.${key}` as 'fund.cap')} value={formatFen(fen)} valueStyle={{ fontSize: 18 }} />
      <span data-testid={testId} hidden>
        {fen}
      </span>
    </Col>
  );
  return (
    <Card title={t('fund.current', { year: b.year })} data-testid="fund-budget-line">
      <Row gutter={[16, 16]}>
        {stat('cap', b.capFen, 'line-cap')}
        {stat('budget', b.budgetFen, 'line-budget')}
        {stat('earmarked', b.earmarkedFen, 'line-earmarked')}
        {stat('committed', b.committedFen, 'line-committed')}
        {stat('paid', b.paidFen, 'line-paid')}
        {stat('remaining', b.remainingFen, 'line-remaining')}
      </Row>
      <div style={{ marginTop: 16 }}>
        <div>
          {t('fund.earmarked')} + {t('fund.committed')}
        </div>
        <Progress
          percent={pct(b.earmarkedFen + b.committedFen, b.budgetFen)}
          success={{ percent: pct(b.committedFen, b.budgetFen) }}
        />
        <div>{t('fund.paid')}</div>
        <Progress percent={pct(b.paidFen, b.budgetFen)} strokeColor="#389e0d" />
      </div>
      <Alert style={{ marginTop: 8 }} type="info" message={`${t('fund.basis')}：${b.basis}`} />
    </Card>
  );
}

/** 基金与预算: the fund years, the cap each gives the next year, the budgets and the current budget line. */
export default function FundPage() {
  const { t } = useTranslation();
  const manage = useCan('fund.manage');
  const overview = useFundOverview();
  const importYears = useImportYears();
  const [yearDrawer, setYearDrawer] = useState<{ year: number; existing?: FundYearView } | null>(null);
  const [budgetDrawer, setBudgetDrawer] = useState<{ cap: CapView; budget?: BudgetView } | null>(null);
  const [importErrors, setImportErrors] = useState<string[] | null>(null);
  const data = overview.data;
  const budgetOf = (year: number) => data?.budgets.find((b) => b.year === year);
  const capOf = (year: number): CapView | undefined => budgetOf(year) ?? data?.openCaps.find((c) => c.year === year);
  const current = budgetOf(thisYear);

  const upload = async (file: File) => {
    setImportErrors(null);
    try {
      const r = await importYears.mutateAsync({ fileName: file.name, contentBase64: await fileToBase64(file) });
      feedback.message.success(t('fund.imported', { ...r, years: r.years.join('、') }));
    } catch (error) {
      if (isApiError(error) && error.fields.length) setImportErrors(error.fields.map((f) => f.message));
      else showApiError(error);
    }
  };

  const columns: TableColumnsType<FundYearView> = [
    { title: t('fund.year'), dataIndex: 'year', width: 80 },
    { title: t('fund.income'), dataIndex: 'incomeFen', align: 'right', render: (v: number) => formatFen(v) },
    { title: t('fund.spending'), dataIndex: 'spendingFen', align: 'right', render: (v: number) => formatFen(v) },
    {
      title: '',
      dataIndex: 'deficit',
      width: 110,
      render: (d: boolean) => (d ? <Tag color="red">{t('fund.deficit')}</Tag> : null),
    },
    {
      title: `${t('fund.cap')}${t('fund.nextYear')}`,
      key: 'cap',
      align: 'right',
      render: (_: unknown, y) => {
        const cap = capOf(y.year + 1);
        return cap ? (
          <span data-testid={`cap-${y.year + 1}`}>
            {formatFen(cap.capFen)}（{cap.rateBp / 100}%）
          </span>
        ) : null;
      },
    },
    {
      title: `${t('fund.budget')}${t('fund.nextYear')}`,
      key: 'budget',
      align: 'right',
      render: (_: unknown, y) => {
        const b = budgetOf(y.year + 1);
        return b ? formatFen(b.budgetFen) : <Tag>{t('fund.noBudget', { year: y.year + 1 })}</Tag>;
      },
    },
    {
      title: t('fund.source'),
      dataIndex: 'source',
      width: 90,
      render: (s: 'manual' | 'import') => t(`fund.sources.${s}`),
    },
    {
      title: t('fund.enteredBy'),
      key: 'entered',
      render: (_: unknown, y) => `${y.enteredByName} ${formatDateTime(y.enteredAt).slice(0, 16)}`,
    },
    ...(manage
      ? [
          {
            title: '',
            key: 'actions',
            width: 180,
            render: (_: unknown, y: FundYearView) => {
              const cap = capOf(y.year + 1);
              const budget = budgetOf(y.year + 1);
              return (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setYearDrawer({ year: y.year, existing: y })}>
                    {t('fund.correct')}
                  </Button>
                  {cap ? (
                    <Button
                      type="link"
                      size="small"
                      data-testid={`set-budget-${y.year + 1}`}
                      onClick={() => setBudgetDrawer({ cap, budget })}
                    >
                      {budget ? t('fund.reviseBudget') : t('fund.setBudget')}
                    </Button>
                  ) : null}
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('fund.title')}
        subTitle={t('fund.subtitle')}
        extra={
          manage ? (
            <Space>
              <Button href={templateUrl} download icon={<DownloadOutlined />}>
                {t('fund.template')}
              </Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={importYears.isPending}>
                  {t('fund.import')}
                </Button>
              </Upload>
              <Button type="primary" data-testid="fund-enter-year" onClick={() => setYearDrawer({ year: thisYear })}>
                {t('fund.enterYear')}
              </Button>
            </Space>
          ) : null
        }
      />
      {importErrors ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setImportErrors(null)}
          message={t('fund.importErrors')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {importErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
          data-testid="fund-import-errors"
        />
      ) : null}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {current ? (
          <BudgetLine b={current} />
        ) : (
          <Alert type="warning" message={t('fund.noBudget', { year: thisYear })} />
        )}
        <Card title={t('fund.chart')}>{data ? <FundChart data={data} /> : null}</Card>
        <Card title={t('fund.years')}>
          <Table
            rowKey="year"
            size="middle"
            loading={overview.isLoading}
            columns={columns}
            dataSource={[...(data?.years ?? [])].reverse()}
            pagination={false}
            data-testid="fund-years"
          />
        </Card>
      </Space>
      <YearDrawer
        open={!!yearDrawer}
        year={yearDrawer?.year ?? thisYear}
        existing={yearDrawer?.existing}
        onClose={() => setYearDrawer(null)}
      />
      <BudgetDrawer
        open={!!budgetDrawer}
        cap={budgetDrawer?.cap}
        budgetFen={budgetDrawer?.budget?.budgetFen}
        version={budgetDrawer?.budget?.version}
        onClose={() => setBudgetDrawer(null)}
      />
    </>
  );
}
