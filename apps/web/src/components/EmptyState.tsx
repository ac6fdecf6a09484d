import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** "Nothing here" with the reason in words, and optionally what to do about it. */
export function EmptyState({ description, children }: { description: ReactNode; children?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} style={{ padding: '24px 0' }}>
      {children}
    </Empty>
  );
}
