import './chat.css';
import '../consult/consult.css';
import { DotLoading, ErrorBlock, ImageViewer } from 'antd-mobile';
import { useEffect, useRef } from 'react';
import { useLocation, useParams } from 'react-router';
import { api, ApiError, errorText } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { useLoad } from '../../shared/use-load';
import { SubPage } from '../layout/sub-page';
import { usePortal } from '../portal';
import { ChatBubble } from './chat-bubble';
import { ChatComposer } from './chat-composer';
import { ordersBase } from './chat-types';
import { RelayCall } from './relay-call';
import { useChat } from './use-chat';

/** `/orders/:id/chat` 私信: the order's conversation as bubbles (mine on the right), live, with the relay call and the composer. */
export function ChatPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { role } = usePortal();
  const back = (useLocation().state as { from?: string } | null)?.from ?? `/orders/${id}`;
  const { chat, error, reload, send } = useChat(role, id, true);
  const order = useLoad((signal) => api<OrderView>(`${ordersBase(role)}/${encodeURIComponent(id)}`, { signal }), [id, role]);
  const end = useRef<HTMLDivElement>(null);
  const count = chat?.items.length ?? 0;

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  const title = chat ? t('chat.titleOrder', { orderNo: chat.orderNo }) : t('chat.title');
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <SubPage title={title} back={back}>
      {notFound ? (
        <ErrorBlock status="empty" title={t('chat.notFound')} description="" />
      ) : !chat && error ? (
        <ErrorBlock status="default" title={t('common.loadFailed')} description={errorText(error, '')} />
      ) : !chat ? (
        <div className="m-center">
          <DotLoading color="primary" />
        </div>
      ) : (
        <div className="m-chat" data-testid="chat" data-order-id={chat.orderId} data-open={chat.open ? 'true' : 'false'}>
          <RelayCall phone={order.data?.worker?.relayPhone ?? null} />
          <p className="m-chat-privacy">{t('chat.privacy')}</p>
          <div className="m-chat-list" data-testid="chat-list">
            {chat.earlier && (
              <div className="m-chat-earlier" data-testid="chat-earlier">
                <div className="m-chat-divider">{t('consult.earlier')}</div>
                {chat.earlier.items.map((message) => (
                  <ChatBubble key={message.id} message={message} onImage={() => undefined} />
                ))}
                <div className="m-chat-divider">{t('consult.orderStart')}</div>
              </div>
            )}
            {chat.items.length === 0 && <p className="m-empty">{t('chat.empty')}</p>}
            {chat.items.map((message) => (
              <ChatBubble key={message.id} message={message} onImage={(url) => ImageViewer.show({ image: url })} />
            ))}
            <div ref={end} />
          </div>
          <ChatComposer chat={chat} send={send} onClosed={() => void reload()} />
        </div>
      )}
    </SubPage>
  );
}
