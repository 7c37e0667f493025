import { api } from '../../shared/api';
import { useLiveEvent } from '../../shared/live-events';
import type { UserRole } from '../../shared/types';
import type { ChatMessage } from '../chat/chat-types';
import { useThread } from '../chat/use-thread';
import { consultBase, type ConsultationThread } from './consult-types';

/**
 * One consultation on screen: a live `consultation` event with a message fetches only the newer ones, one with a
 * status (declined / reopened) loads it again. What arrives is marked read, with its message-centre notices.
 */
export function useConsultation(role: UserRole, id: string) {
  const path = `${consultBase(role)}/${encodeURIComponent(id)}`;
  const { thread, setThread, error, reload, fetchNewer, append } = useThread<ConsultationThread>(role, path, { type: 'consult_message', linkId: id });
  useLiveEvent('consultation', (data) => {
    if (data.consultationId !== id) return;
    if (data.messageId) void fetchNewer();
    else void reload();
  });

  async function send(body: string): Promise<ChatMessage> {
    const sent = await api<ChatMessage>(`${path}/messages`, { body: { body } });
    append(sent);
    return sent;
  }

  async function setStatus(action: 'decline' | 'reopen') {
    const answer = await api<ConsultationThread>(`${path}/${action}`, { body: {} });
    setThread((current) => current && { ...current, status: answer.status, canSend: answer.canSend, declinedAt: answer.declinedAt });
  }

  return { thread, error, reload, send, setStatus };
}
