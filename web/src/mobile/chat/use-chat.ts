import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api';
import { useLiveEvent } from '../../shared/live-events';
import type { UserRole } from '../../shared/types';
import type { NotificationList } from '../notifications/notification-types';
import { chatPath, type Chat, type ChatInput, type ChatMessage } from './chat-types';

function merge(items: ChatMessage[], more: ChatMessage[]): ChatMessage[] {
  const byId = new Map(items.map((m) => [m.id, m]));
  for (const m of more) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * One order's conversation: loaded once, then a live `chat` event for the order fetches only the newer
 * messages (`?after=`) and appends them; an `order` event or a reconnect loads it all again (it may have closed).
 * While `viewing`, what arrives is marked read.
 */
export function useChat(role: UserRole, orderId: string, viewing: boolean) {
  const path = chatPath(role, orderId);
  const [chat, setChat] = useState<Chat>();
  const [error, setError] = useState<unknown>();
  const latest = useRef<Chat | undefined>(undefined);
  latest.current = chat;

  const markRead = useCallback(() => {
    if (document.visibilityState !== 'visible') return;
    api(`${path}/read`, { body: {} }).catch(() => undefined);
  }, [path]);

  const reload = useCallback(async () => {
    try {
      const answer = await api<Chat>(path);
      setChat(answer);
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
      const answer = await api<Chat>(path, { query: { after: last.createdAt } });
      setChat((current) => (current ? { ...answer, items: merge(current.items, answer.items) } : answer));
      if (viewing && answer.items.some((m) => !m.mine)) markRead();
    } catch {
      // the next event or a reconnect loads again
    }
  }, [path, viewing, reload, markRead]);

  useEffect(() => {
    setChat(undefined);
    void reload();
    // `reload` changes with `viewing`; load only when the conversation changes.
  }, [path]);

  useEffect(() => {
    if (!viewing) return;
    const onVisible = () => document.visibilityState === 'visible' && latest.current && latest.current.unread > 0 && markRead();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [viewing, markRead]);

  // The message centre's "new message" notices of this conversation are read once it is on screen.
  const readNotices = useCallback(
    (ids: string[]) => ids.length > 0 && void api('/api/notifications/read', { query: { audience: role }, body: { ids } }).catch(() => undefined),
    [role],
  );
  useEffect(() => {
    if (!viewing) return;
    api<NotificationList>('/api/notifications', { query: { audience: role, unread: true, pageSize: 100 } })
      .then((list) => readNotices(list.items.filter((n) => n.type === 'chat_message' && n.link?.id === orderId).map((n) => n.id)))
      .catch(() => undefined);
  }, [viewing, role, orderId, readNotices]);
  useLiveEvent('notification', (data) => {
    if (viewing && data.type === 'chat_message' && data.linkId === orderId && document.visibilityState === 'visible') readNotices([data.id]);
  });

  useLiveEvent('chat', (data) => data.orderId === orderId && void fetchNewer());
  useLiveEvent('order', (data) => data.orderId === orderId && void reload());
  useLiveEvent('reconnect', () => void reload());

  async function send(input: ChatInput): Promise<ChatMessage> {
    const sent = await api<ChatMessage>(path, { body: input });
    setChat((current) => current && { ...current, items: merge(current.items, [sent]) });
    return sent;
  }

  return { chat, error, reload, send };
}
