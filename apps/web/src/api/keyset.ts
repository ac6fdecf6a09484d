import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type QueryParams } from './client';

export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Keyset paging over `GET path?…&limit&cursor`: the first page, then one more page per `fetchNextPage()`
 * ("加载更多"). There is no total count; `hasNextPage` says whether there is more.
 */
export function useKeysetQuery<T, P extends KeysetPage<T> = KeysetPage<T>>(
  queryKey: readonly unknown[],
  path: string,
  params: QueryParams,
  options: { limit?: number; enabled?: boolean; refetchInterval?: number } = {},
) {
  const limit = options.limit ?? 50;
  const query = useInfiniteQuery({
    queryKey: [...queryKey, params, limit],
    queryFn: ({ pageParam, signal }) => api.get<P>(path, { ...params, limit, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
  });
  const items: T[] = query.data?.pages.flatMap((p) => p.items) ?? [];
  const lastPage: P | undefined = query.data?.pages.at(-1);
  return { ...query, items, lastPage };
}
