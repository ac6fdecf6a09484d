import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DeliveryView,
  DocumentView,
  FlagListQuery,
  FlagPage,
  FlagReviewInput,
  FlagView,
  PanelOptions,
  TimelineView,
} from '@yufang/contracts';
import type { z } from 'zod';
import { api } from '../../../api/client';
import { useKeysetQuery } from '../../../api/keyset';
import { uploadFile } from '../../../api/upload';

/** The delivery queries live under the workspace's key ['project', id], so one invalidation refreshes the page. */
export const projectKey = (id: string) => ['project', id] as const;

export function useDelivery(id: string) {
  return useQuery({
    queryKey: [...projectKey(id), 'delivery'],
    queryFn: ({ signal }) => api.get<DeliveryView>(`/projects/${id}/delivery`, undefined, signal),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: [...projectKey(id), 'timeline'],
    queryFn: ({ signal }) => api.get<TimelineView>(`/projects/${id}/timeline`, undefined, signal),
  });
}

export function useAcceptanceDomains() {
  return useQuery({
    queryKey: ['panels', 'options'],
    queryFn: ({ signal }) => api.get<PanelOptions>('/panels/options', undefined, signal),
    staleTime: 60_000,
  });
}

/** A delivery action (POST /projects/:id/<path>): refreshes the workspace and the flags afterwards. */
export function useDeliveryAction<R = unknown>(id: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<R>(`/projects/${id}/${path}`, body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKey(id) }),
        queryClient.invalidateQueries({ queryKey: ['project-flags'] }),
      ]),
  });
}

export function useUploadProjectDocument(id: string, csrfToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind, reportId }: { file: File; kind: 'report' | 'evidence'; reportId?: string }) =>
      uploadFile<DocumentView>(
        `/projects/${id}/documents?kind=${kind}${reportId ? `&reportId=${reportId}` : ''}`,
        file,
        csrfToken,
        () => undefined,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectKey(id) }),
  });
}

export function useFlags(filters: Pick<z.input<typeof FlagListQuery>, 'status'>) {
  return useKeysetQuery<FlagView, FlagPage>(['project-flags', 'list'], '/project-flags', { ...filters });
}

export function useReviewFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: FlagReviewInput & { id: string }) =>
      api.post<FlagView>(`/project-flags/${id}/review`, body),
    onSettled: (f) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['project-flags'] }),
        f ? queryClient.invalidateQueries({ queryKey: projectKey(f.projectId) }) : undefined,
      ]),
  });
}
