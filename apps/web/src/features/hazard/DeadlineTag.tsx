import type { HazardView } from '@yufang/contracts';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DUE_COLORS } from './labels';

/** The deadline with its colour: orange when due soon, red when overdue (the server decides which, by its clock). */
export function DeadlineTag({ hazard }: { hazard: Pick<HazardView, 'deadline' | 'daysToDeadline' | 'dueState'> }) {
  const { t } = useTranslation();
  const { deadline, daysToDeadline: n, dueState } = hazard;
  const hint =
    dueState === 'closed'
      ? null
      : n < 0
        ? t('hazard.daysOverdue', { n: -n })
        : n === 0
          ? t('hazard.dueToday')
          : t('hazard.daysLeft', { n });
  return (
    <Space size={4} wrap>
      <Typography.Text>{deadline}</Typography.Text>
      {hint ? (
        <Tag color={DUE_COLORS[dueState]} data-due={dueState}>
          {hint}
        </Tag>
      ) : null}
    </Space>
  );
}
