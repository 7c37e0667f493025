import { formatTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { ChatMessage } from './chat-types';

/** One message: mine on the right, theirs on the left; the text as text (never HTML), a photo, a masked-contact note. */
export function ChatBubble({ message, onImage }: { message: ChatMessage; onImage: (url: string) => void }) {
  const { t } = useI18n();
  const side = message.mine ? 'm-chat-row m-chat-mine' : 'm-chat-row';
  return (
    <div className={side} data-testid="chat-message" data-mine={message.mine ? 'true' : 'false'} data-kind={message.kind} data-from={message.from}>
      {!message.mine && <div className="m-chat-from">{t(`chat.from.${message.from}`)}</div>}
      <div className="m-chat-bubble">
        {message.kind === 'image' && message.imageUrl ? (
          <button type="button" className="m-chat-image" onClick={() => onImage(message.imageUrl!)}>
            <img src={message.imageUrl} alt={t('chat.image')} data-testid="chat-image" />
          </button>
        ) : (
          <span className="m-chat-text" data-testid="chat-text">
            {message.body}
          </span>
        )}
      </div>
      <div className="m-chat-meta">
        {formatTime(message.createdAt)}
        {message.masked > 0 && <span className="m-chat-masked"> · {t('chat.masked', { count: message.masked })}</span>}
      </div>
    </div>
  );
}
