import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api';
import { useLiveEvent } from '../../shared/live-events';
import type { UserRole } from '../../shared/types';
import type { NotificationList } from '../notifications/notification-types';
import type { ChatMessage } from './chat-types';

export interface ThreadShape { items: ChatMessage[]; unread: number }

function merge(items: ChatMessage[], more: ChatMessage[]): ChatMessage[] {
  const byId = new Map(items.map((m) => [m.id, m]));
  for (const m of more) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * One conversation on screen (an order's chat, a consultation): loaded once; `fetchNewer` appends only what came
 * after the last message (`?after=`); a reconnect loads it all again. While `viewing`, what arrives is marked read
 * (also when the tab comes back into view), and so are the message centre's notices of type `notice.type` about it.
 */
export function useThread<T extends ThreadShape>(role: UserRole, path: string, notice: { type: string; linkId: string }, viewing = true) {
  const [thread, setThread] = useState<T>();
  const [error, setError] = useState<unknown>();
  const latest = useRef<T | undefined>(undefined);
  latest.current = thread;

  const markRead = useCallback(() => {
    if (document.visibilityState !== 'visible') return;
    api(`${path}/read`, { body: {} }).catch(() => undefined);
  }, [path]);

  const reload = useCallback(async () => {
    try {
      const answer = await api<T>(path);
      setThread(answer);
      setError(undefined);
      if (viewing && answer.unread > 0) markRead();
    } catch (reason) {
      setError(reason);
    }
  }, [path, viewing, markRead]);

  const fetchNewer = useCallback(async () => {
    const last = latest.current?.items.at(-1);
    if (!latest.current || !last) return reload();
    try {
      const answer = await api<T>(path, { query: { after: last.createdAt } });
      setThread((current) => (current ? { ...answer, items: merge(current.items, answer.items) } : answer));
      if (viewing && answer.items.some((m) => !m.mine)) markRead();
    } catch {
      // the next event or a reconnect loads again
    }
  }, [path, viewing, reload, markRead]);

  useEffect(() => {
    setThread(undefined);
    void reload();
    // `reload` changes with `viewing`; load only when the conversation changes.
  }, [path]);

  useEffect(() => {
    if (!viewing) return;
    const onVisible = () => document.visibilityState === 'visible' && latest.current && latest.current.unread > 0 && markRead();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [viewing, markRead]);

  const readNotices = useCallback(
    (ids: string[]) => ids.length > 0 && void api('/api/notifications/read', { query: { audience: role }, body: { ids } }).catch(() => undefined),
    [role],
  );
  useEffect(() => {
    if (!viewing) return;
    api<NotificationList>('/api/notifications', { query: { audience: role, unread: true, pageSize: 100 } })
      .then((list) => readNotices(list.items.filter((n) => n.type === notice.type && n.link?.id === notice.linkId).map((n) => n.id)))
      .catch(() => undefined);
  }, [viewing, role, notice.type, notice.linkId, readNotices]);
  useLiveEvent('notification', (data) => {
    if (viewing && data.type === notice.type && data.linkId === notice.linkId && document.visibilityState === 'visible') readNotices([data.id]);
  });
  useLiveEvent('reconnect', () => void reload());

  /** Adds a message this side just sent (the answer of the send request). */
  const append = useCallback((sent: ChatMessage) => setThread((current) => current && { ...current, items: merge(current.items, [sent]) }), []);

  return { thread, setThread, error, reload, fetchNewer, append };
}
