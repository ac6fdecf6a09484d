import { TARGET_STATUSES, type TargetLine } from '@yufang/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTargets } from './api';

export const STATUS_COLOR = { on_track: 'green', at_risk: 'red', no_data: 'default' } as const;

function Marks({ lines }: { lines: TargetLine[] }) {
  return (
    <Flex wrap gap={6}>
      {lines.map((l) => (
        <Tag key={l.code} color={STATUS_COLOR[l.status]} data-status={l.status}>
          {l.name} · {TARGET_STATUSES[l.status]}
          {l.change === null ? '' : ` ${(l.change * 100).toFixed(1)}%`}
        </Tag>
      ))}
    </Flex>
  );
}

/** The cycle's marks at a glance on the dashboard: which key industries and counties are on track. */
export function TargetSummary() {
  const { t } = useTranslation();
  const { data } = useTargets(undefined);
  if (!data) return null;
  const of = (level: TargetLine['level']) => data.lines.filter((l) => l.level === level);
  return (
    <Card
      size="small"
      title={`${data.cycle.name} ${t('analysis.targetsTitle')}`}
      extra={<Link to="/analysis/targets">{t('analysis.targetDetails')}</Link>}
      style={{ marginBottom: 16 }}
      data-testid="target-summary"
    >
      <Flex vertical gap={8}>
        <Flex gap={8} align="baseline">
          <Typography.Text type="secondary" style={{ width: 96, flex: 'none' }}>
            {t('analysis.level.industry')}
          </Typography.Text>
          <Marks lines={[...of('city'), ...of('industry')]} />
        </Flex>
        <Flex gap={8} align="baseline">
          <Typography.Text type="secondary" style={{ width: 96, flex: 'none' }}>
            {t('analysis.level.county')}
          </Typography.Text>
          <Marks lines={of('county')} />
        </Flex>
      </Flex>
    </Card>
  );
}
