import type { ProjectStatus } from '@yufang/contracts';
import type { TabsProps } from 'antd';

export interface DeliveryTabsProps {
  projectId: string;
  status: ProjectStatus;
  version: number;
}

/** The workspace tabs of implementation, acceptance, payments, timeline and file (being written). */
export function deliveryTabs(_props: DeliveryTabsProps): NonNullable<TabsProps['items']> {
  return [];
}
