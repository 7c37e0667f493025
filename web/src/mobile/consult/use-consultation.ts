import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api';
import { useLiveEvent } from '../../shared/live-events';
import type { UserRole } from '../../shared/types';
import type { ChatMessage } from '../chat/chat-types';
import type { NotificationList } from '../notifications/notification-types';
import { consultBase, type ConsultationThread } from './consult-types';

function merge(items: ChatMessage[], more: ChatMessage[]): ChatMessage[] {
  const byId = new Map(items.map((m) => [m.id, m]));
  for (const m of more) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * One consultation on screen: loaded once; a live `consultation` event with a message fetches only the newer ones
 * (`?after=`), one with a status (declined / reopened) or a reconnect loads it again. What arrives is marked read,
 * with its message-centre notices.
 */
export function useConsultation(role: UserRole, id: string) {
  const path = `${consultBase(role)}/${encodeURIComponent(id)}`;
  const [thread, setThread] = useState<ConsultationThread>();
  const [error, setError] = useState<unknown>();
  const latest = useRef<ConsultationThread | undefined>(undefined);
  latest.current = thread;

  const markRead = useCallback(() => {
    if (document.visibilityState !== 'visible') return;
    api(`${path}/read`, { body: {} }).catch(() => undefined);
  }, [path]);

  const reload = useCallback(async () => {
    try {
      const answer = await api<ConsultationThread>(path);
      setThread(answer);
      setError(undefined);
      if (answer.unread > 0) markRead();
    } catch (reason) {
      setError(reason);
    }
  }, [path, markRead]);

  const fetchNewer = useCallback(async () => {
    const last = latest.current?.items.at(-1);
    if (!latest.current || !last) return reload();
    try {
      const answer = await api<ConsultationThread>(path, { query: { after: last.createdAt } });
      setThread((current) => (current ? { ...answer, items: merge(current.items, answer.items) } : answer));
      if (answer.items.some((m) => !m.mine)) markRead();
    } catch {
      // the next event or a reconnect loads again
    }
  }, [path, reload, markRead]);

  useEffect(() => {
    setThread(undefined);
    void reload();
  }, [path]);

  useEffect(() => {
    api<NotificationList>('/api/notifications', { query: { audience: role, unread: true, pageSize: 100 } })
      .then((list) => {
        const ids = list.items.filter((n) => n.type === 'consult_message' && n.link?.id === id).map((n) => n.id);
        if (ids.length) void api('/api/notifications/read', { query: { audience: role }, body: { ids } }).catch(() => undefined);
      })
      .catch(() => undefined);
  }, [role, id]);

  useLiveEvent('consultation', (data) => {
    if (data.consultationId !== id) return;
    if (data.messageId) void fetchNewer();
    else void reload();
  });
  useLiveEvent('reconnect', () => void reload());

  async function send(body: string): Promise<ChatMessage> {
    const sent = await api<ChatMessage>(`${path}/messages`, { body: { body } });
    setThread((current) => current && { ...current, items: merge(current.items, [sent]) });
    return sent;
  }

  async function setStatus(action: 'decline' | 'reopen') {
    const answer = await api<ConsultationThread>(`${path}/${action}`, { body: {} });
    setThread((current) => current && { ...current, status: answer.status, canSend: answer.canSend, declinedAt: answer.declinedAt });
  }

  return { thread, error, reload, send, setStatus };
}
