import type { FundOverview } from '@yufang/contracts';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/charts/Chart';
import { wan } from './money';

/** Income and spending bars of each year (left axis), the next year's cap, budget and use as lines (right axis). */
export function FundChart({ data }: { data: FundOverview }) {
  const { t } = useTranslation();
  const years = data.years.map((y) => y.year);
  const nextBudget = (year: number) => data.budgets.find((b) => b.year === year + 1);
  const nextCap = (year: number) => nextBudget(year)?.capFen ?? data.openCaps.find((c) => c.year === year + 1)?.capFen;
  const unit = t('fund.chartUnit');
  // the legend names without the table's unit: the chart is in 万元
  const bare = (label: string) => label.replace(/（元）| \(CNY\)/, '');
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 64, right: 64, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: [
      { type: 'value', name: unit },
      { type: 'value', name: `${bare(t('fund.cap'))} ${unit}`, splitLine: { show: false } },
    ],
    series: [
      {
        name: bare(t('fund.income')),
        type: 'bar',
        data: data.years.map((y) => wan(y.incomeFen)),
        itemStyle: { color: '#1677ff' },
      },
      {
        name: bare(t('fund.spending')),
        type: 'bar',
        data: data.years.map((y) => ({
          value: wan(y.spendingFen),
          itemStyle: { color: y.deficit ? '#cf1322' : '#91caff' },
        })),
        itemStyle: { color: '#91caff' },
      },
      {
        name: `${bare(t('fund.cap'))}${t('fund.nextYear')}`,
        type: 'line',
        yAxisIndex: 1,
        data: years.map((y) => wan(nextCap(y))),
      },
      {
        name: `${bare(t('fund.budget'))}${t('fund.nextYear')}`,
        type: 'line',
        yAxisIndex: 1,
        data: years.map((y) => wan(nextBudget(y)?.budgetFen)),
      },
      {
        name: `${bare(t('fund.committed'))}${t('fund.nextYear')}`,
        type: 'line',
        yAxisIndex: 1,
        data: years.map((y) => wan(nextBudget(y)?.committedFen)),
      },
      {
        name: `${bare(t('fund.paid'))}${t('fund.nextYear')}`,
        type: 'line',
        yAxisIndex: 1,
        data: years.map((y) => wan(nextBudget(y)?.paidFen)),
      },
    ],
  };
  return <Chart option={option} height={320} label={t('fund.chart')} />;
}
