import { App } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, setUnauthenticatedHandler } from '../shared/api';
import { useI18n } from '../shared/i18n';
import type { Admin, Permission } from '../shared/types';

interface AdminSessionValue {
  /** undefined while `GET /api/admin/me` is in flight. */
  admin: Admin | null | undefined;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const AdminSessionContext = createContext<AdminSessionValue | null>(null);

export function AdminSessionProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [admin, setAdmin] = useState<Admin | null | undefined>(undefined);
  const signedIn = useRef(false);
  signedIn.current = Boolean(admin);

  const refresh = useCallback(async () => {
    try {
      setAdmin(await api<Admin>('/api/admin/me'));
    } catch {
      setAdmin(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (signedIn.current) void message.warning(t('login.sessionEnded'));
      setAdmin(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [message, t]);

  const signOut = useCallback(async () => {
    try {
      await api('/api/admin/auth/logout', { method: 'POST' });
    } finally {
      setAdmin(null);
    }
  }, []);

  const can = useCallback((permission: Permission) => Boolean(admin?.permissions.includes(permission)), [admin]);
  const value = useMemo(() => ({ admin, refresh, signOut, can }), [admin, refresh, signOut, can]);
  return <AdminSessionContext.Provider value={value}>{children}</AdminSessionContext.Provider>;
}

export function useAdminSession(): AdminSessionValue {
  const value = useContext(AdminSessionContext);
  if (!value) throw new Error('useAdminSession outside AdminSessionProvider');
  return value;
}
