import { Card, Empty, Flex, Spin, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/datetime';
import { useTimeline } from './api';

const PHASE_COLORS = { before: 'blue', during: 'orange', after: 'green' } as const;

/** 全过程时间线: every event of the project, 事前 / 事中 / 事后. */
export function TimelineTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(projectId);
  if (!timeline.data) return <Spin />;
  return (
    <Flex gap={16} wrap data-testid="project-timeline">
      {timeline.data.phases.map((p) => (
        <Card key={p.phase} title={p.label} size="small" style={{ flex: '1 1 300px' }}>
          {p.events.length ? (
            <Timeline
              items={p.events.map((e) => ({
                color:
                  e.kind === 'flag' || e.kind === 'milestoneOverdue' || e.kind === 'fail'
                    ? 'red'
                    : PHASE_COLORS[p.phase],
                children: (
                  <>
                    <div>{e.summary}</div>
                    <div style={{ color: '#888', fontSize: 12 }}>
                      {formatDateTime(e.at)} · {e.actorName}
                    </div>
                  </>
                ),
              }))}
            />
          ) : (
            <Empty description={t('projectDelivery.timelineEmpty')} />
          )}
        </Card>
      ))}
    </Flex>
  );
}
