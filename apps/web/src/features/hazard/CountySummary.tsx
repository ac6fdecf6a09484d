import type { HazardCountySummary } from '@yufang/contracts';
import { Card, Col, Row, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { SanmingMap } from '../../components/charts/SanmingMap';

/** Open hazards per county: the shared choropleth and the same numbers as a table; a click filters the queue. */
export function CountySummary({ rows, onSelect }: { rows: HazardCountySummary[]; onSelect: (code: string) => void }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<HazardCountySummary> = [
    { title: t('hazard.county'), dataIndex: 'countyName' },
    { title: t('hazard.openCount'), dataIndex: 'open', align: 'right' },
    { title: t('hazard.majorCount'), dataIndex: 'major', align: 'right' },
    {
      title: t('hazard.overdueCount'),
      dataIndex: 'overdue',
      align: 'right',
      render: (n: number) => (n ? <span style={{ color: '#cf1322', fontWeight: 600 }}>{n}</span> : 0),
    },
  ];
  return (
    <Card size="small" title={t('hazard.byCounty')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <SanmingMap
            values={rows.map((r) => ({ code: r.countyCode, value: r.open }))}
            label={t('hazard.mapLabel')}
            unit={t('hazard.mapUnit')}
            onSelect={onSelect}
            height={300}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Table<HazardCountySummary>
            rowKey="countyCode"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={rows}
            onRow={(r) => ({ onClick: () => onSelect(r.countyCode), style: { cursor: 'pointer' } })}
          />
        </Col>
      </Row>
    </Card>
  );
}
