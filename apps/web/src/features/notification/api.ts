import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPage } from '@yufang/contracts';
import type { z } from 'zod';
import { api } from '../../api/client';
import { showApiError } from '../../api/errors';
import { useKeysetQuery } from '../../api/keyset';

export type NotificationPageData = z.infer<typeof NotificationPage>;
export type NotificationItem = NotificationPageData['items'][number];

const KEY = ['notifications'] as const;

/** The unread count for the bell, asked again every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...KEY, 'unread-count'],
    queryFn: ({ signal }) => api.poll<NotificationPageData>('/notifications', { unread: true, limit: 1 }, signal),
    select: (page) => page.unreadCount,
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    meta: { silent: true },
  });
}

export function useNotifications(unreadOnly: boolean) {
  return useKeysetQuery<NotificationItem, NotificationPageData>([...KEY, 'list'], '/notifications', {
    unread: unreadOnly ? true : undefined,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
    onError: showApiError,
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
    onError: showApiError,
  });
}
