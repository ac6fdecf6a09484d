import { useQuery } from '@tanstack/react-query';
import type { MeView } from '@yufang/contracts';
import { api, isApiError, rememberSession } from './client';
import { queryClient } from './queryClient';

export const ME_KEY = ['me'] as const;

/** Reads the signed-in user; resolves to null when there is no session (401). */
async function fetchMe(): Promise<MeView | null> {
  try {
    const me = await api.get<MeView>('/auth/me');
    rememberSession(me);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      rememberSession(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, meta: { silent: true } });
}

/** Keeps a fresh MeView (from login or password change) as the session of record. */
export function setMe(me: MeView | null): void {
  rememberSession(me);
  queryClient.setQueryData(ME_KEY, me);
}

/** Forgets everything cached for the previous user. */
export function clearSession(): void {
  rememberSession(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
}
