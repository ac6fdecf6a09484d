import type { InspectionStatus } from '@yufang/contracts';

export const STATUS_COLORS: Record<InspectionStatus, string> = {
  planned: 'blue',
  in_progress: 'gold',
  completed: 'green',
  cancelled: 'default',
};
