import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserCreateInput, UserPage, UserUpdateInput, UserView, UserWithPassword } from '@yufang/contracts';
import type { z } from 'zod';
import { api } from '../../api/client';
import { useKeysetQuery } from '../../api/keyset';

export type UserPageData = z.infer<typeof UserPage>;
export type UserWithPasswordData = z.infer<typeof UserWithPassword>;

export interface UserFilters {
  q?: string;
  role?: string;
  regionCode?: string;
}

const KEY = ['users'] as const;

export function useUsers(filters: UserFilters) {
  return useKeysetQuery<UserView, UserPageData>([...KEY, 'list'], '/users', { ...filters });
}

/** One user, read fresh when a form opens (its `version` guards the update). */
export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: ({ signal }) => api.get<UserView>(`/users/${id}`, undefined, signal),
    enabled: !!id,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: UserCreateInput) => api.post<UserWithPasswordData>('/users', input),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UserUpdateInput }) => api.put<UserView>(`/users/${id}`, input),
    // A 409 means the list is stale too.
    onSettled: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => api.post<UserWithPasswordData>(`/users/${id}/reset-password`),
    onSuccess: invalidate,
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => api.post<UserView>(`/users/${id}/unlock`),
    onSuccess: invalidate,
  });
}
