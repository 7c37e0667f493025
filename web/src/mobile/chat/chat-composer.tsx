import { Button, TextArea } from 'antd-mobile';
import { PictureOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { api, ApiError, errorText, fieldName } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { usePortal } from '../portal';
import { useFileUpload } from '../use-file-upload';
import { ordersBase, type Chat, type ChatInput, type ChatMessage } from './chat-types';

const PHOTO_MAX = 8 * 1024 * 1024;

/** The text of a failed send in the user's language: a field error (empty, too long), 429, 409, or the whole problem. */
function sendError(error: unknown, fallback: string): string {
  if (error instanceof ApiError) {
    const field = error.errors.find((e) => ['body', 'code', 'fileId'].includes(fieldName(e.field)));
    if (field) return field.message;
  }
  return errorText(error, fallback);
}

interface ChatComposerProps {
  chat: Chat;
  send: (input: ChatInput) => Promise<ChatMessage>;
  /** The API said the conversation is closed (409): load it again. */
  onClosed: () => void;
}

/** Quick replies, a photo and a text box with 发送; disabled with a note while the conversation is closed. */
export function ChatComposer({ chat, send, onClosed }: ChatComposerProps) {
  const { t, lang } = useI18n();
  const { role } = usePortal();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');

  async function submit(input: ChatInput): Promise<boolean> {
    setSending(true);
    setError('');
    try {
      await send(input);
      return true;
    } catch (failure) {
      setError(sendError(failure, t('common.failed')));
      if (failure instanceof ApiError && failure.code === 'CHAT_CLOSED') onClosed();
      return false;
    } finally {
      setSending(false);
    }
  }

  const photo = useFileUpload(
    PHOTO_MAX,
    t('chat.photoTooLarge'),
    (body) => api<{ id: string; url: string }>(`${ordersBase(role)}/photos`, { body }),
    (file) => void submit({ kind: 'image', fileId: file.id }),
  );

  async function sendText() {
    if (await submit({ kind: 'text', body: text })) setText('');
  }

  if (!chat.open) {
    return (
      <div className="m-chat-closed" data-testid="chat-closed">
        {t('chat.closed')}
      </div>
    );
  }

  return (
    <div className="m-chat-composer" data-testid="chat-composer">
      {chat.quickReplies.length > 0 && (
        <div className="m-chat-quick" aria-label={t('chat.quick')} data-testid="chat-quick-replies">
          {chat.quickReplies.map((quick) => (
            <button
              type="button"
              key={quick.code}
              className="m-chat-chip"
              disabled={sending}
              onClick={() => void submit({ kind: 'quick', code: quick.code })}
              data-testid="chat-quick"
              data-code={quick.code}
            >
              {lang === 'en' ? quick.en : quick.zh}
            </button>
          ))}
        </div>
      )}
      {error && (
        <div className="m-chat-error" role="alert" data-testid="chat-error">
          {error}
        </div>
      )}
      <div className="m-chat-input-row">
        <button type="button" className="m-chat-photo" onClick={() => photo.input.current?.click()} disabled={photo.uploading || sending} aria-label={t('chat.photo')} data-testid="chat-photo">
          <PictureOutline />
        </button>
        <input ref={photo.input} type="file" accept="image/jpeg,image/png,image/webp" hidden onChange={photo.onChange} data-testid="chat-photo-input" />
        <TextArea
          className="m-chat-textarea"
          id="chat-input"
          value={text}
          onChange={(value) => {
            setText(value);
            if (error) setError('');
          }}
          placeholder={t('chat.placeholder')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          rows={1}
        />
        <Button color="primary" size="small" loading={sending || photo.uploading} disabled={!text.trim()} onClick={() => void sendText()} data-testid="chat-send">
          {t('chat.send')}
        </Button>
      </div>
    </div>
  );
}
