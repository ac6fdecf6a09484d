import type { ExpertView } from '@yufang/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const STATUS_COLORS: Record<ExpertView['status'], string> = {
  applied: 'default',
  reviewing: 'processing',
  appointed: 'green',
  rejected: 'default',
  dismissed: 'red',
};

/** The term with its state: orange when it ends within the reminder window, red once it has ended. */
export function TermTag({ expert }: { expert: Pick<ExpertView, 'termStart' | 'termEnd' | 'termState'> }) {
  const { t } = useTranslation();
  if (!expert.termEnd) return <>—</>;
  const range = `${expert.termStart ?? ''} ~ ${expert.termEnd}`;
  if (expert.termState === 'ending') return <Tag color="orange">{`${range} ${t('expert.termEnding')}`}</Tag>;
  if (expert.termState === 'expired') return <Tag color="red">{`${range} ${t('expert.termExpired')}`}</Tag>;
  return <span>{range}</span>;
}
