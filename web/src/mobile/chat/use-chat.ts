import { api } from '../../shared/api';
import { useLiveEvent } from '../../shared/live-events';
import type { UserRole } from '../../shared/types';
import { chatPath, type Chat, type ChatInput, type ChatMessage } from './chat-types';
import { useThread } from './use-thread';

/**
 * One order's conversation: a live `chat` event for the order fetches only the newer messages; an `order` event
 * loads it all again (it may have closed). While `viewing`, what arrives is marked read.
 */
export function useChat(role: UserRole, orderId: string, viewing: boolean) {
  const path = chatPath(role, orderId);
  const { thread: chat, error, reload, fetchNewer, append } = useThread<Chat>(role, path, { type: 'chat_message', linkId: orderId }, viewing);
  useLiveEvent('chat', (data) => data.orderId === orderId && void fetchNewer());
  useLiveEvent('order', (data) => data.orderId === orderId && void reload());

  async function send(input: ChatInput): Promise<ChatMessage> {
    const sent = await api<ChatMessage>(path, { body: input });
    append(sent);
    return sent;
  }

  return { chat, error, reload, send };
}
