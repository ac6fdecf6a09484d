import { z } from 'zod';
import { PageQuery, pageOf, Timestamp } from './common.js';

export const NotificationView = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationQuery = PageQuery.extend({ unread: z.coerce.boolean().optional() });
export const NotificationPage = pageOf(NotificationView).extend({ unreadCount: z.number().int() });
