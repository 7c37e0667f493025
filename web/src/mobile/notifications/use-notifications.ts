import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api';
import { useLiveEvent } from '../../shared/live-events';
import { useI18n } from '../../shared/i18n';
import type { UserRole } from '../../shared/types';
import type { AppNotification, NotificationList } from './notification-types';

const PAGE_SIZE = 20;

/**
 * My notifications of one portal, newest first, page by page (加载更多). A live `notification`,
 * `notification.read` or a reconnect loads the pages shown again, so new ones appear on top and read marks follow.
 */
export function useNotifications(role: UserRole) {
  const { lang } = useI18n(); // the texts come in the request's language
  const [pages, setPages] = useState(1);
  const [list, setList] = useState<NotificationList>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const load = useCallback(
    async (count: number) => {
      const mine = ++generation.current;
      setLoading(true);
      try {
        const answers = await Promise.all(
          Array.from({ length: count }, (_, i) => api<NotificationList>('/api/notifications', { query: { audience: role, page: i + 1, pageSize: PAGE_SIZE } })),
        );
        if (mine !== generation.current) return;
        const last = answers[answers.length - 1]!;
        const seen = new Set<string>();
        const items = answers.flatMap((answer) => answer.items).filter((n) => !seen.has(n.id) && Boolean(seen.add(n.id)));
        setList({ total: last.total, unread: last.unread, items });
        setError(undefined);
      } catch (reason) {
        if (mine === generation.current) setError(reason);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [role, lang],
  );

  useEffect(() => {
    void load(pages);
  }, [load, pages]);

  const refresh = useCallback(() => void load(pages), [load, pages]);
  useLiveEvent('notification', (data) => data.audience === role && refresh());
  useLiveEvent('notification.read', refresh);
  useLiveEvent('reconnect', refresh);

  /** Shows one as read at once (the API marks it when it is opened). */
  const markLocally = useCallback((ids: string[] | 'all') => {
    const now = new Date().toISOString();
    setList((current) =>
      current && {
        ...current,
        unread: ids === 'all' ? 0 : Math.max(0, current.unread - current.items.filter((n) => ids.includes(n.id) && !n.readAt).length),
        items: current.items.map((n: AppNotification) => (n.readAt || (ids !== 'all' && !ids.includes(n.id)) ? n : { ...n, readAt: now })),
      },
    );
  }, []);

  return {
    list,
    error,
    loading,
    hasMore: list ? list.items.length < list.total : false,
    more: () => setPages((value) => value + 1),
    refresh,
    markLocally,
  };
}
