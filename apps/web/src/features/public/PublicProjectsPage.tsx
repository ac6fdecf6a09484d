import { formatFen, type PublicProjectRow } from '@yufang/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publicProjectsExportUrl, usePublicProjects } from '../fund/api';
import { PublicFrame } from './PublicFrame';

const yuan = (fen: number | null) => (fen === null ? '—' : formatFen(fen));

/** 工伤预防项目公示 (no login): the year's published projects and the fee's budget and use. */
export default function PublicProjectsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | undefined>();
  const query = usePublicProjects(year);
  const data = query.data;
  useEffect(() => {
    document.title = `${t('public.projectsTitle')} - ${t('app.name')}`;
  }, [t]);
  const columns: TableColumnsType<PublicProjectRow> = [
    { title: t('public.projectCode'), dataIndex: 'code', width: 116 },
    {
      title: t('public.projectTitle'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <>
          {title} <Tag>{r.type}</Tag>
        </>
      ),
    },
    { title: t('public.applicant'), dataIndex: 'applicantName', width: 150 },
    {
      title: t('public.implementer'),
      dataIndex: 'implementerName',
      width: 150,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('public.amounts'),
      key: 'amounts',
      align: 'right',
      width: 150,
      render: (_: unknown, r) => (
        <>
          <div>
            {t('public.approvedShort')} {yuan(r.approvedFen)}
          </div>
          <div>
            {t('public.contractShort')} {yuan(r.contractFen)}
          </div>
        </>
      ),
    },
    {
      title: t('public.acceptance'),
      key: 'acceptance',
      width: 110,
      render: (_: unknown, r) => (
        <>
          <div>{r.acceptance}</div>
          <Typography.Text type="secondary">{r.statusLabel}</Typography.Text>
        </>
      ),
    },
  ];
  const fee = data?.fee;
  return (
    <PublicFrame privacy={t('public.privacy')}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('public.projectsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('public.projectsSubtitle')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 140 }}
          value={data?.year}
          onChange={setYear}
          options={(data?.years ?? []).map((y) => ({ value: y, label: `${y} ${t('public.yearSuffix')}` }))}
          aria-label={t('public.year')}
          data-testid="public-projects-year"
        />
        {data ? (
          <Button href={publicProjectsExportUrl(data.year)} download>
            {t('public.downloadProjects')}
          </Button>
        ) : null}
      </Flex>
      {fee ? (
        <Card style={{ marginBottom: 16 }} data-testid="public-fee">
          <Row gutter={[16, 16]}>
            <Col xs={12} md={5}>
              <Statistic title={t('public.feeCap')} value={yuan(fee.capFen)} valueStyle={{ fontSize: 18 }} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={t('public.feeBudget')} value={yuan(fee.budgetFen)} valueStyle={{ fontSize: 18 }} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic
                title={t('public.feeCommitted')}
                value={yuan(fee.committedFen)}
                valueStyle={{ fontSize: 18 }}
              />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={t('public.feePaid')} value={yuan(fee.paidFen)} valueStyle={{ fontSize: 18 }} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('public.feeProjects')} value={fee.projects} valueStyle={{ fontSize: 18 }} />
            </Col>
          </Row>
          {fee.basis ? <Alert style={{ marginTop: 12 }} type="info" message={fee.basis} /> : null}
        </Card>
      ) : null}
      <Table
        // remounted when the year's rows arrive, so that every row opens with its content and results
        key={`${data?.year}-${data?.projects.length}`}
        rowKey={(r) => r.code ?? r.title}
        size="middle"
        loading={query.isLoading}
        columns={columns}
        dataSource={data?.projects ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('public.content')}>{r.content}</Descriptions.Item>
              <Descriptions.Item label={t('public.delivered')}>{r.delivered}</Descriptions.Item>
            </Descriptions>
          ),
          defaultExpandAllRows: true,
        }}
        locale={{ emptyText: t('public.projectsEmpty') }}
        data-testid="public-projects"
      />
    </PublicFrame>
  );
}
