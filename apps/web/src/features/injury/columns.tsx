import {
  type DiseaseCaseView,
  formatFen,
  INJURY_SEVERITIES,
  type InjuryCaseView,
  RECOGNITION_RESULTS,
} from '@yufang/contracts';
import { type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/datetime';
import { RECOGNITION_COLORS, SEVERITY_COLORS } from './labels';

/** The columns of an injury list, also used on the employer's tab and the accident's detail. */
export function useInjuryColumns(showEmployer = true): TableColumnsType<InjuryCaseView> {
  const { t } = useTranslation();
  return [
    {
      title: t('injury.caseNo'),
      dataIndex: 'caseNo',
      width: 210,
      render: (no: string, c) => <Link to={`/injuries/${c.id}`}>{no}</Link>,
    },
    {
      title: t('injury.occurredAt'),
      dataIndex: 'occurredAt',
      width: 150,
      render: (v: string) => formatDateTime(v).slice(0, 16),
    },
    ...(showEmployer
      ? [
          { title: t('injury.employer'), dataIndex: 'employerName', width: 200, ellipsis: true },
          { title: t('injury.countyShort'), dataIndex: 'countyName', width: 80 },
        ]
      : []),
    { title: t('injury.worker'), dataIndex: 'workerName', width: 90 },
    {
      title: t('injury.category'),
      dataIndex: 'accidentCategoryName',
      width: 100,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('injury.severity'),
      dataIndex: 'severity',
      width: 80,
      render: (s: InjuryCaseView['severity']) => <Tag color={SEVERITY_COLORS[s]}>{INJURY_SEVERITIES[s]}</Tag>,
    },
    { title: t('injury.lostWorkdays'), dataIndex: 'lostWorkdays', width: 90, align: 'right' },
    {
      title: t('injury.recognition'),
      dataIndex: 'recognitionResult',
      width: 110,
      render: (r: InjuryCaseView['recognitionResult']) => (
        <Tag color={RECOGNITION_COLORS[r]}>{RECOGNITION_RESULTS[r]}</Tag>
      ),
    },
    {
      title: t('injury.totalCost'),
      dataIndex: 'totalCostFen',
      width: 120,
      align: 'right',
      render: (fen: number) => (fen ? formatFen(fen) : '—'),
    },
  ];
}

/** The columns of a disease list, also used on the employer's tab. */
export function useDiseaseColumns(showEmployer = true): TableColumnsType<DiseaseCaseView> {
  const { t } = useTranslation();
  return [
    {
      title: t('injury.caseNo'),
      dataIndex: 'caseNo',
      width: 210,
      render: (no: string, d) => <Link to={`/diseases/${d.id}`}>{no}</Link>,
    },
    { title: t('injury.diagnosedOn'), dataIndex: 'diagnosedOn', width: 110 },
    ...(showEmployer
      ? [
          { title: t('injury.employer'), dataIndex: 'employerName', width: 200, ellipsis: true },
          { title: t('injury.countyShort'), dataIndex: 'countyName', width: 80 },
        ]
      : []),
    { title: t('injury.worker'), dataIndex: 'workerName', width: 90 },
    {
      title: t('injury.disease'),
      dataIndex: 'diseaseName',
      width: 160,
      render: (name: string, d) => (
        <>
          {name}
          {d.stage ? ` ${t('injury.stageN', { n: d.stage })}` : ''}
          {d.pneumoconiosis ? (
            <Tag color="gold" style={{ marginLeft: 6 }}>
              {t('injury.pneumoconiosisTag')}
            </Tag>
          ) : null}
        </>
      ),
    },
    { title: t('injury.edition'), dataIndex: 'catalogueEdition', width: 80 },
    {
      title: t('injury.exposure'),
      dataIndex: 'exposureMonths',
      width: 100,
      align: 'right',
      render: (m: number | null) => (m === null ? '—' : t('injury.monthsN', { n: m })),
    },
    {
      title: t('injury.recognition'),
      dataIndex: 'recognitionResult',
      width: 110,
      render: (r: DiseaseCaseView['recognitionResult']) => (
        <Tag color={RECOGNITION_COLORS[r]}>{RECOGNITION_RESULTS[r]}</Tag>
      ),
    },
  ];
}
