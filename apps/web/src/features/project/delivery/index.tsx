import { PROJECT_STATUSES, type ProjectStatus } from '@yufang/contracts';
import { Spin, type TabsProps } from 'antd';
import type { ReactNode } from 'react';
import i18n from '../../../app/i18n';
import { ArchiveTab } from './ArchiveTab';
import { useDelivery } from './api';
import { DeliveryTab } from './DeliveryTab';
import { PaymentsTab } from './PaymentsTab';
import { TimelineTab } from './TimelineTab';

export interface DeliveryTabsProps {
  projectId: string;
  status: ProjectStatus;
  version: number;
}

function WithDelivery({
  projectId,
  render,
}: {
  projectId: string;
  render: (v: NonNullable<ReturnType<typeof useDelivery>['data']>) => ReactNode;
}) {
  const delivery = useDelivery(projectId);
  return delivery.data ? render(delivery.data) : <Spin />;
}

/** The workspace tabs of implementation and acceptance, payments, timeline and file (appended by the workspace page). */
export function deliveryTabs({ projectId, status }: DeliveryTabsProps): NonNullable<TabsProps['items']> {
  const t = i18n.t.bind(i18n);
  const contracted = PROJECT_STATUSES.indexOf(status) >= PROJECT_STATUSES.indexOf('contracted');
  const items: NonNullable<TabsProps['items']> = [
    {
      key: 'delivery',
      label: t('projectDelivery.tabDelivery'),
      children: <WithDelivery projectId={projectId} render={(v) => <DeliveryTab view={v} />} />,
    },
    {
      key: 'payments',
      label: t('projectDelivery.tabPayments'),
      children: <WithDelivery projectId={projectId} render={(v) => <PaymentsTab view={v} />} />,
    },
    { key: 'timeline', label: t('projectDelivery.tabTimeline'), children: <TimelineTab projectId={projectId} /> },
    {
      key: 'archive',
      label: t('projectDelivery.tabArchive'),
      children: <WithDelivery projectId={projectId} render={(v) => <ArchiveTab view={v} />} />,
    },
  ];
  return contracted ? items : items.filter((i) => i.key === 'timeline' || i.key === 'archive');
}
