import { Toast } from 'antd-mobile';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, setUnauthenticatedHandler } from '../shared/api';
import { useI18n } from '../shared/i18n';
import type { User, UserRole } from '../shared/types';

interface SessionValue {
  /** undefined while the first `GET /api/me` is in flight. */
  user: User | null | undefined;
  setUser: (user: User | null) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in user of this portal; a session without the portal's role counts as signed out. */
export function SessionProvider({ role, children }: { role: UserRole; children: ReactNode }) {
  const { t } = useI18n();
  const [user, setUserState] = useState<User | null | undefined>(undefined);
  const signedIn = useRef(false);
  signedIn.current = Boolean(user);
  const setUser = useCallback((next: User | null) => setUserState(next && next.roles.includes(role) ? next : null), [role]);

  useEffect(() => {
    let active = true;
    api<User>('/api/me')
      .then((me) => active && setUser(me))
      .catch(() => active && setUser(null));
    return () => {
      active = false;
    };
  }, [setUser]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      // A 401 while signed in means the session ended (expired, or signed out from another device).
      if (signedIn.current) Toast.show({ content: t('auth.sessionEnded'), duration: 3000 });
      setUser(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [setUser, t]);

  const signOut = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } finally {
      setUser(null);
    }
  }, [setUser]);

  const value = useMemo(() => ({ user, setUser, signOut }), [user, setUser, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user, for pages that are only reachable when signed in. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
