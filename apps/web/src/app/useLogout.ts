import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { clearSession } from '../api/session';
import { feedback } from '../components/feedback';
import { loginPath } from './session';

/** Ends the session on the server (best effort), forgets cached data and goes to /login. */
export function useLogout() {
  const navigate = useNavigate();
  const { t } = useTranslation();
  return useCallback(
    async (options: { reason?: 'idle'; next?: string } = {}) => {
      try {
        await api.post<void>('/auth/logout');
      } catch {
        // The session may already be gone; signing out locally is what matters.
      }
      clearSession();
      navigate(options.next ? loginPath(options.next) : '/login', { replace: true });
      if (options.reason === 'idle') feedback.message.warning(t('auth.idleLoggedOut'));
      else feedback.message.success(t('auth.loggedOut'));
    },
    [navigate, t],
  );
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Signs out after `minutes` without keyboard or pointer activity. The server has the same rule, but the bell's
 * background polling must not count as activity, so the browser keeps its own clock too.
 */
export function useIdleLogout(minutes: number) {
  const logout = useLogout();
  const location = useLocation();
  const lastActivity = useRef(Date.now());
  const here = useRef('');
  here.current = location.pathname + location.search;

  useEffect(() => {
    if (!minutes || minutes <= 0) return;
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current > minutes * 60_000) {
        window.clearInterval(timer);
        void logout({ reason: 'idle', next: here.current });
      }
    }, 15_000);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch);
    };
  }, [minutes, logout]);
}
