import type { HazardDetail, HazardEventView } from '@yufang/contracts';
import { Alert, Card, Col, Descriptions, Row, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorText } from '../../api/errors';
import { formatDateTime } from '../../components/datetime';
import { PageHeader } from '../../components/PageHeader';
import { useHazard } from './api';
import { DeadlineTag } from './DeadlineTag';
import { EvidencePanel } from './EvidencePanel';
import { HazardActions } from './HazardActions';
import { ESCALATION_COLORS, STATUS_COLORS } from './labels';

function eventColor(e: HazardEventView): string {
  if (e.action.startsWith('escalate.')) return 'red';
  if (e.action === 'reject') return 'orange';
  if (e.action === 'verify') return 'green';
  return 'blue';
}

/** One hazard: what and where, its deadline and escalation, the evidence, the timeline and the next step. */
export default function HazardDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useHazard(id);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const h: HazardDetail = query.data;
  const lastReject = [...h.events].reverse().find((e) => e.action === 'reject');

  return (
    <>
      <PageHeader
        title={
          <>
            {h.hazardNo} <Tag color={STATUS_COLORS[h.status]}>{t(`hazard.statuses.${h.status}`)}</Tag>
            {h.escalation !== 'none' ? (
              <Tag color={ESCALATION_COLORS[h.escalation]}>{t(`hazard.escalations.${h.escalation}`)}</Tag>
            ) : null}
          </>
        }
        subTitle={`${h.employerName} · ${h.countyName} · ${t(`hazard.sources.${h.source}`)}`}
        extra={<HazardActions hazard={h} />}
      />
      {h.status === 'rectifying' && lastReject ? (
        <Alert
          type="warning"
          showIcon
          title={`${t('hazard.reason')}：${lastReject.note ?? ''}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('hazard.level')}>
                <Tag color={h.level === 'major' ? 'red' : 'default'}>{t(`hazard.levels.${h.level}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('hazard.category')}>
                {t(`hazard.categories.${h.category}`)}
                {h.hazardFactor ? `（${h.hazardFactor}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('hazard.description')} span={2}>
                {h.description}
              </Descriptions.Item>
              <Descriptions.Item label={t('hazard.location')}>{h.location}</Descriptions.Item>
              <Descriptions.Item label={t('hazard.foundOn')}>{h.foundOn}</Descriptions.Item>
              <Descriptions.Item label={t('hazard.foundBy')}>{h.foundByUnitName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('hazard.responsibleUnit')}>{h.responsibleUnitName}</Descriptions.Item>
              <Descriptions.Item label={t('hazard.responsiblePerson')}>{h.responsiblePerson ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('hazard.deadline')}>
                <DeadlineTag hazard={h} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <EvidencePanel hazard={h} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('hazard.timeline')}>
            <Timeline
              items={h.events.map((e) => ({
                color: eventColor(e),
                content: (
                  <div data-testid="hazard-event">
                    <Typography.Text strong data-testid="hazard-event-action">
                      {t(`hazard.events.${e.action}` as never, { defaultValue: e.action })}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {formatDateTime(e.at)} · {e.username?.startsWith('system') ? t('hazard.system') : e.username}
                    </Typography.Text>
                    {e.note ? <div style={{ fontSize: 13 }}>{e.note}</div> : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
