import '../chat/chat.css';
import './support.css';
import { Button, ErrorBlock, TextArea } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, errorText, fieldName } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLiveEvent } from '../../shared/live-events';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../layout/load-state';
import { SubPage } from '../layout/sub-page';
import type { Ticket } from './support-types';
import { TicketStatusTag } from './ticket-status';

/** `/me/support/:id`: the ticket's thread (mine on the right), live as support answers or closes it, with a reply box. */
export function TicketPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const loaded = useLoad((signal) => api<Ticket>(`/api/support/tickets/${encodeURIComponent(id)}`, { signal }), [id]);
  useLiveEvent('support', (data) => data.ticketId === id && loaded.reload(true));
  useLiveEvent('reconnect', () => loaded.reload(true));
  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;

  return (
    <SubPage title={t('support.ticketTitle')} back="/me/support">
      {notFound ? (
        <ErrorBlock status="empty" title={t('common.loadFailed')} description="" />
      ) : (
        <LoadState loaded={loaded}>{(ticket) => <Thread ticket={ticket} onChanged={() => loaded.reload(true)} />}</LoadState>
      )}
    </SubPage>
  );
}

function Thread({ ticket, onChanged }: { ticket: Ticket; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const end = useRef<HTMLDivElement>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [ticket.messages.length]);

  async function reply() {
    setSending(true);
    setError('');
    try {
      await api<Ticket>(`/api/support/tickets/${encodeURIComponent(ticket.id)}/messages`, { body: { body: text } });
      setText('');
      onChanged();
    } catch (failure) {
      const field = failure instanceof ApiError ? failure.errors.find((e) => fieldName(e.field) === 'body') : undefined;
      setError(field?.message ?? errorText(failure, t('common.failed')));
      if (failure instanceof ApiError && failure.code === 'SUPPORT_TICKET_CLOSED') onChanged();
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="m-ticket" data-testid="ticket" data-id={ticket.id} data-status={ticket.status}>
      <section className="m-section">
        <div className="m-section-title">
          <span data-testid="ticket-subject">{ticket.subject}</span>
          <TicketStatusTag status={ticket.status} />
        </div>
        <div className="m-ticket-meta">
          {t('support.ticketNo', { no: ticket.ticketNo })} · {formatDateTime(ticket.createdAt, lang)}
        </div>
        {ticket.orderId && (
          <Button size="mini" fill="none" color="primary" className="m-ticket-order" onClick={() => navigate(`/orders/${ticket.orderId}`, { state: { from: `/me/support/${ticket.id}` } })} data-testid="ticket-order-link">
            {t('support.orderLink')}
          </Button>
        )}
      </section>
      <div className="m-ticket-thread" data-testid="ticket-thread">
        {ticket.messages.map((message) => (
          <div key={message.id} className={message.from === 'user' ? 'm-chat-row m-chat-mine' : 'm-chat-row'} data-testid="ticket-message" data-from={message.from}>
            <div className="m-chat-from">{message.from === 'user' ? t('support.me') : message.senderName || t('support.agent')}</div>
            <div className="m-chat-bubble">
              <span className="m-chat-text" data-testid="ticket-message-body">
                {message.body}
              </span>
            </div>
            <div className="m-chat-meta">{formatDateTime(message.createdAt, lang)}</div>
          </div>
        ))}
        <div ref={end} />
      </div>
      {ticket.status === 'closed' ? (
        <div className="m-chat-closed" data-testid="ticket-closed">
          {t('support.closed')}
        </div>
      ) : (
        <div className="m-chat-composer" data-testid="ticket-composer">
          {error && (
            <div className="m-chat-error" role="alert" data-testid="ticket-error">
              {error}
            </div>
          )}
          <div className="m-chat-input-row">
            <TextArea className="m-chat-textarea" id="ticket-reply" value={text} onChange={setText} placeholder={t('support.replyPlaceholder')} autoSize={{ minRows: 1, maxRows: 4 }} rows={1} />
            <Button color="primary" size="small" loading={sending} disabled={!text.trim()} onClick={() => void reply()} data-testid="ticket-reply-send">
              {t('support.reply')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
