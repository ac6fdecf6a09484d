import { BulletinAckInput, type BulletinView } from '@yufang/contracts';
import { Alert, Button, Card, Col, Form, Input, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { handleFormError } from '../../api/errors';
import { formatDateTime } from '../../components/datetime';
import { EmptyState } from '../../components/EmptyState';
import { feedback } from '../../components/feedback';
import { KeysetTable } from '../../components/KeysetTable';
import { zodRule } from '../../components/zodRule';
import { useAcknowledge, usePending } from './api';
import { percent } from './labels';

/** The acknowledgement rate (overall and per county) and the employers still to acknowledge, within the caller's scope. */
export function AckTracking({ bulletin }: { bulletin: BulletinView }) {
  const { t } = useTranslation();
  const pending = usePending(bulletin.id, bulletin.can.track);
  const ack = bulletin.ack;
  if (!ack) return null;
  return (
    <Card title={t('bulletin.tracking')} style={{ marginTop: 16 }}>
      <Row gutter={24} align="middle">
        <Col xs={24} md={6}>
          <Progress type="circle" percent={Math.round((ack.rate ?? 0) * 1000) / 10} format={() => percent(ack.rate)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('bulletin.targeted')} value={ack.total} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('bulletin.acknowledged')} value={ack.acknowledged} data-testid="ack-count" />
        </Col>
      </Row>
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('bulletin.byCounty')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="countyCode"
        pagination={false}
        dataSource={ack.byCounty}
        columns={[
          { title: t('bulletin.county'), dataIndex: 'countyName' },
          { title: t('bulletin.targeted'), dataIndex: 'total', align: 'right' },
          { title: t('bulletin.acknowledged'), dataIndex: 'acknowledged', align: 'right' },
          {
            title: t('bulletin.ackRate'),
            align: 'right',
            render: (_, r) => percent(r.total ? r.acknowledged / r.total : null),
          },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        {t('bulletin.pendingList')}
      </Typography.Title>
      <KeysetTable
        rowKey="employerId"
        size="small"
        source={pending}
        empty={<EmptyState description={t('bulletin.noPending')} />}
        columns={[
          { title: t('bulletin.employer'), dataIndex: 'employerName' },
          { title: t('bulletin.county'), dataIndex: 'countyName', width: 120 },
          { title: t('bulletin.industry'), dataIndex: 'industryName', width: 200 },
        ]}
      />
    </Card>
  );
}

/** The employer's side: acknowledge with the safety head's name, or see when it was done. */
export function EmployerAck({ bulletin }: { bulletin: BulletinView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BulletinAckInput>();
  const acknowledge = useAcknowledge(bulletin.id);
  const mine = bulletin.myAck;
  if (!mine) return null;
  if (mine.acknowledgedAt) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginTop: 16 }}
        title={t('bulletin.ackDone', { at: formatDateTime(mine.acknowledgedAt), name: mine.safetyHeadName })}
      />
    );
  }
  if (!bulletin.can.acknowledge) return null;
  return (
    <Card title={t('bulletin.ackTitle')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('bulletin.ackHint')}</Typography.Paragraph>
      <Form<BulletinAckInput>
        name="bulletinAck"
        form={form}
        layout="inline"
        onFinish={(values) =>
          acknowledge.mutate(values, {
            onSuccess: () => feedback.message.success(t('bulletin.acknowledged')),
            onError: (err) => handleFormError(form, err),
          })
        }
      >
        <Form.Item
          label={t('bulletin.safetyHeadName')}
          name="safetyHeadName"
          rules={[
            { required: true, message: t('bulletin.safetyHeadName') },
            zodRule(BulletinAckInput.shape.safetyHeadName),
          ]}
        >
          <Input maxLength={32} style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={acknowledge.isPending}>
          {t('bulletin.ackSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
