import '../chat/chat.css';
import './consult.css';
import { Button, Dialog, DotLoading, ErrorBlock, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, errorText, fieldName } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { ChatBubble } from '../chat/chat-bubble';
import { HeaderAction, SubPage } from '../layout/sub-page';
import { usePortal } from '../portal';
import { useFailureToast } from '../use-form-submit';
import { useConsultation } from './use-consultation';

/** The text of a failed send: the body's field error (empty, too long), a limit (429), the worker's decline (409). */
function sendError(error: unknown, fallback: string): string {
  if (error instanceof ApiError) {
    const field = error.errors.find((e) => fieldName(e.field) === 'body');
    if (field) return field.message;
  }
  return errorText(error, fallback);
}

/**
 * `/consultations/:id` 售前咨询: the conversation as bubbles (mine on the right), live. The customer can book the
 * worker from here; the worker can stop the customer's messages (不再接收) and reopen them.
 */
export function ConsultationPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { role } = usePortal();
  const navigate = useNavigate();
  const showFailure = useFailureToast();
  const back = (useLocation().state as { from?: string } | null)?.from ?? '/messages';
  const { thread, error, reload, send, setStatus } = useConsultation(role, id);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [sendFailure, setSendFailure] = useState('');
  const [switching, setSwitching] = useState(false);
  const end = useRef<HTMLDivElement>(null);
  const count = thread?.items.length ?? 0;

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [count]);

  async function submit() {
    setSending(true);
    setSendFailure('');
    try {
      await send(text);
      setText('');
    } catch (failure) {
      setSendFailure(sendError(failure, t('common.failed')));
      if (failure instanceof ApiError && failure.code === 'CONSULT_DECLINED') void reload();
    } finally {
      setSending(false);
    }
  }

  async function toggle() {
    if (!thread) return;
    const action = thread.status === 'open' ? 'decline' : 'reopen';
    if (action === 'decline' && !(await Dialog.confirm({ content: t('consult.declineConfirm'), confirmText: t('consult.decline'), cancelText: t('common.cancel') }))) return;
    setSwitching(true);
    try {
      await setStatus(action);
      setSendFailure('');
      Toast.show({ icon: 'success', content: t(action === 'decline' ? 'consult.declined.worker' : 'consult.reopen') });
    } catch (failure) {
      showFailure(failure);
    } finally {
      setSwitching(false);
    }
  }

  const notFound = error instanceof ApiError && error.status === 404;
  const title = thread ? t('consult.title', { name: thread.peer.name }) : t('consult.titlePlain');
  return (
    <SubPage title={title} back={back}>
      {role === 'worker' && thread && (
        <HeaderAction>
          <Button size="mini" fill="outline" color={thread.status === 'open' ? 'danger' : 'primary'} loading={switching} onClick={() => void toggle()} data-testid="consult-toggle">
            {t(thread.status === 'open' ? 'consult.decline' : 'consult.reopen')}
          </Button>
        </HeaderAction>
      )}
      {notFound ? (
        <ErrorBlock status="empty" title={t('consult.notFound')} description="" />
      ) : !thread && error ? (
        <ErrorBlock status="default" title={t('common.loadFailed')} description={errorText(error, '')} />
      ) : !thread ? (
        <div className="m-center">
          <DotLoading color="primary" />
        </div>
      ) : (
        <div className="m-chat" data-testid="consultation" data-id={thread.id} data-status={thread.status}>
          <p className="m-chat-privacy">{t(`consult.intro.${role}`)}</p>
          <div className="m-chat-list" data-testid="chat-list">
            {thread.items.length === 0 && <p className="m-empty">{t('consult.empty')}</p>}
            {thread.items.map((message) => (
              <ChatBubble key={message.id} message={message} onImage={() => undefined} />
            ))}
            <div ref={end} />
          </div>
          {role === 'customer' && (
            <div className="m-consult-book">
              <Button size="small" color="primary" fill="outline" onClick={() => navigate(`/workers/${encodeURIComponent(thread.workerId)}`, { state: { from: `/consultations/${thread.id}` } })} data-testid="consult-book">
                {t('consult.book')}
              </Button>
            </div>
          )}
          {thread.status === 'declined' ? (
            <div className="m-chat-closed" data-testid="consult-declined">
              {t(`consult.declined.${role}`)}
            </div>
          ) : (
            <div className="m-chat-composer" data-testid="chat-composer">
              {sendFailure && (
                <div className="m-chat-error" role="alert" data-testid="chat-error">
                  {sendFailure}
                </div>
              )}
              <div className="m-chat-input-row">
                <TextArea
                  className="m-chat-textarea"
                  id="consult-input"
                  value={text}
                  onChange={(value) => {
                    setText(value);
                    if (sendFailure) setSendFailure('');
                  }}
                  placeholder={t('chat.placeholder')}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  rows={1}
                />
                <Button color="primary" size="small" loading={sending} disabled={!text.trim()} onClick={() => void submit()} data-testid="chat-send">
                  {t('chat.send')}
                </Button>
              </div>
            </div>
          )}
        </div>
      )}
    </SubPage>
  );
}
