import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordInput, LoginInput, MeView } from '@yufang/contracts';
import { api } from '../../api/client';
import { clearSession, setMe } from '../../api/session';

export function useLogin() {
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<MeView>('/auth/login', input),
    onSuccess: (me) => {
      // A different user may sign in on the same tab: nothing cached for the previous one may leak.
      clearSession();
      setMe(me);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post<MeView>('/auth/password', input),
    onSuccess: (me) => setMe(me),
  });
}
