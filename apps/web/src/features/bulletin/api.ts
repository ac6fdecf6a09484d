import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulletinAckInput,
  BulletinCreateInput,
  BulletinListItem,
  BulletinPage,
  BulletinSourcePage,
  BulletinSourceView,
  BulletinStatus,
  BulletinTransitionInput,
  BulletinUpdateInput,
  BulletinView,
  BulletinWechatView,
  PendingAckPage,
  PublicBulletinPage,
  PublicBulletinSummary,
  PublicBulletinView,
} from '@yufang/contracts';
import type { z } from 'zod';
import { api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

const KEY = ['bulletins'] as const;
type PendingItem = z.infer<typeof PendingAckPage>['items'][number];

export function useBulletins(status: BulletinStatus | undefined) {
  return useKeysetQuery<BulletinListItem, z.infer<typeof BulletinPage>>([...KEY, 'list'], '/bulletins', { status });
}

export function useBulletin(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<BulletinView>(`/bulletins/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useSources(kind: BulletinCreateInput['sourceKind'], q: string | undefined, enabled: boolean) {
  return useKeysetQuery<BulletinSourceView, z.infer<typeof BulletinSourcePage>>(
    [...KEY, 'sources'],
    '/bulletins/sources',
    { kind, q },
    { limit: 20, enabled },
  );
}

export function usePending(id: string, enabled: boolean) {
  return useKeysetQuery<PendingItem, z.infer<typeof PendingAckPage>>(
    [...KEY, 'pending', id],
    `/bulletins/${id}/pending`,
    {},
    {
      limit: 20,
      enabled,
    },
  );
}

export function useWechat(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'wechat', id],
    queryFn: ({ signal }) => api.get<z.infer<typeof BulletinWechatView>>(`/bulletins/${id}/wechat`, undefined, signal),
    enabled,
  });
}

/** Every change returns the bulletin: what is cached for it and for the lists is stale. */
function useBulletinMutation<I>(send: (input: I) => Promise<BulletinView>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateBulletin = () =>
  useBulletinMutation((input: BulletinCreateInput) => api.post<BulletinView>('/bulletins', input));
export const useUpdateBulletin = (id: string) =>
  useBulletinMutation((input: BulletinUpdateInput) => api.put<BulletinView>(`/bulletins/${id}`, input));
export const useTransition = (id: string) =>
  useBulletinMutation((input: BulletinTransitionInput) =>
    api.post<BulletinView>(`/bulletins/${id}/transitions`, input),
  );
export const useAcknowledge = (id: string) =>
  useBulletinMutation((input: BulletinAckInput) => api.post<BulletinView>(`/bulletins/${id}/acknowledge`, input));

export function usePublicBulletins() {
  return useKeysetQuery<PublicBulletinSummary, z.infer<typeof PublicBulletinPage>>(
    ['public-bulletins'],
    '/public/bulletins',
    {},
    {
      limit: 20,
    },
  );
}

export function usePublicBulletin(id: string | undefined) {
  return useQuery({
    queryKey: ['public-bulletins', id],
    queryFn: ({ signal }) => api.get<PublicBulletinView>(`/public/bulletins/${id}`, undefined, signal),
    enabled: !!id,
  });
}
