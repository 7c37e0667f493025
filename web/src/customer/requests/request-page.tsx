import './requests.css';
import { Button, Dialog, ErrorBlock, Image, ImageViewer, Tag, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { api, ApiError, errorText } from '../../shared/api';
import { formatDateTime, formatFen } from '../../shared/format';
import { useIdempotencyKey } from '../../shared/idempotency';
import { useI18n } from '../../shared/i18n';
import { NeedsAndNotes } from '../../mobile/requests/request-needs';
import { useLiveEvent, useLiveStatus } from '../../shared/live-events';
import { budgetText, localized, windowText, type Answer, type CustomerRequest } from '../../shared/request-types';
import { useLoad } from '../../shared/use-load';
import { visitText } from '../../shared/city-days';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import type { InsuranceOffer } from '../booking/insurance-cell';
import { useFailureToast } from '../../mobile/use-form-submit';
import { AnswerCard } from './answer-card';
import { requestsApi } from './request-api';
import { STATUS_COLORS, useDeadline } from './request-status';

/** While open and the live stream is down, the page looks again this often. */
const POLL_MS = 10_000;

/** `/requests/:id`: the request, its state and deadline, and the answers side by side to chat with and choose from. */
export function RequestPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const back = (useLocation().state as { from?: string } | null)?.from ?? '/me/requests';
  const loaded = useLoad((signal) => requestsApi.get(id, signal), [id]);
  const reload = () => loaded.reload(true);
  const open = loaded.data?.status === 'open';
  // Live: the server's `request` event (an answer came, was edited or withdrawn) and its notices (expired …); while
  // the stream is down, the page looks again every 10 s instead.
  useLiveEvent('request', (data) => data.requestId === id && reload());
  useLiveEvent('notification', (data) => data.linkKind === 'request' && data.linkId === id && reload());
  useLiveEvent('reconnect', reload);
  const live = useLiveStatus() === 'open';
  useEffect(() => {
    if (!open || live) return;
    const timer = setInterval(() => document.visibilityState === 'visible' && reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [open, live, id]);
  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <SubPage title={t('request.title')} back={back}>
      {notFound ? (
        <ErrorBlock status="empty" title={t('request.notFound')} description="" />
      ) : (
        <LoadState loaded={loaded}>{(request) => <RequestContent request={request} reload={reload} />}</LoadState>
      )}
    </SubPage>
  );
}

function RequestContent({ request, reload }: { request: CustomerRequest; reload: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const showFailure = useFailureToast();
  const idempotency = useIdempotencyKey();
  const deadline = useDeadline(request.status === 'open' ? request.expiresAt : null);
  const [busy, setBusy] = useState<string | null>(null);
  const answers = request.answers ?? [];
  const strip = useRef<HTMLDivElement>(null);
  // A new answer is put in its place by price: show the row from its start (the browser would keep the old scroll).
  useEffect(() => {
    strip.current?.scrollTo({ left: 0 });
  }, [answers.length]);
  const open = request.status === 'open';
  const budget = budgetText(request.budgetMinFen, request.budgetMaxFen, formatFen, t);
  // The order a choice makes adds the category's mandatory accident insurance (as a booking does): say so before.
  const insurance = useLoad((signal) => api<InsuranceOffer>('/api/insurance', { query: { itemCode: request.itemCode }, signal }), [request.itemCode]);
  const premiumFen = insurance.data?.mode === 'mandatory' ? insurance.data.premiumFen : 0;

  async function act(key: string, action: () => Promise<void>) {
    setBusy(key);
    try {
      await action();
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(null);
    }
  }

  const publish = () =>
    act('publish', async () => {
      try {
        await requestsApi.publish(request.id);
        Toast.show({ icon: 'success', content: t('requests.form.published') });
        reload();
      } catch (error) {
        // What is missing (address, windows) or not covered is fixed in the form, where it shows under its field.
        if (error instanceof ApiError && (error.errors.length > 0 || error.code === 'ADDRESS_NOT_COVERED')) {
          const nearest = error.problem.nearest as { districtName?: string } | undefined;
          Toast.show({
            icon: 'fail',
            duration: 3000,
            content: error.code === 'ADDRESS_NOT_COVERED' && nearest?.districtName ? t('requests.form.nearest', { district: nearest.districtName }) : error.errors[0]?.message ?? errorText(error, ''),
          });
          navigate(`/requests/${request.id}/edit`);
          return;
        }
        throw error;
      }
    });

  async function cancel() {
    if (!(await Dialog.confirm({ content: t('request.cancelConfirm'), confirmText: t('request.cancel'), cancelText: t('common.cancel') }))) return;
    await act('cancel', async () => {
      await requestsApi.cancel(request.id);
      Toast.show({ icon: 'success', content: t('request.cancelled') });
      reload();
    });
  }

  /** 聊一聊: the masked pre-order chat with the answering worker (started when new). */
  const chat = (answer: Answer) =>
    act(`chat-${answer.id}`, async () => {
      if (!answer.worker) return;
      const consultation = await api<{ id: string }>('/api/consultations', { body: { workerId: answer.worker.id } });
      navigate(`/consultations/${encodeURIComponent(consultation.id)}`, { state: { from: `/requests/${request.id}` } });
    });

  async function choose(answer: Answer) {
    const confirmed = await Dialog.confirm({
      content: (
        <div data-testid="answer-choose-confirm">
          {t('answer.chooseConfirm', { name: answer.worker?.name ?? '', total: formatFen(answer.totalFen), time: visitText(answer.start, answer.durationMinutes, lang) })}
          {premiumFen > 0 && (
            <p className="m-request-muted">
              {t('answer.withInsurance', { premium: formatFen(premiumFen), pay: formatFen(answer.totalFen + premiumFen) })}
            </p>
          )}
        </div>
      ),
      confirmText: t('answer.choose'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    await act(`choose-${answer.id}`, async () => {
      const body = { answerId: answer.id };
      try {
        const chosen = await requestsApi.choose(request.id, answer.id, idempotency.headersFor(body));
        idempotency.settle();
        Toast.show({ icon: 'success', content: t('answer.chosen') });
        // As after booking: the new order (待支付) opens with its cashier.
        navigate(`/orders/${chosen.orderId}`, { replace: true, state: { justBooked: true } });
      } catch (error) {
        idempotency.settle(error);
        if (error instanceof ApiError && error.code === 'WORKER_BUSY') {
          Toast.show({ icon: 'fail', content: t('answer.workerBusy'), duration: 3000 });
          reload();
          return;
        }
        if (error instanceof ApiError && (error.code === 'REQUEST_STATE' || error.status === 404)) {
          Toast.show({ content: t('answer.stateChanged'), duration: 3000 });
          reload();
          return;
        }
        throw error;
      }
    });
  }

  return (
    <div className="m-request-page" data-testid="request" data-id={request.id} data-status={request.status}>
      <section className="m-section m-request-head">
        <div className="m-request-head-row">
          <Tag color={STATUS_COLORS[request.status]} data-testid="request-status">
            {t(`request.status.${request.status}`)}
          </Tag>
          <span className="m-request-no">{t('requests.no', { no: request.requestNo })}</span>
        </div>
        {deadline && (
          <div className="m-request-deadline m-request-deadline-big" data-testid="request-deadline">
            {deadline}
          </div>
        )}
        {request.status === 'expired' && request.expiresAt && <div className="m-request-muted">{t('request.expiredAt', { at: formatDateTime(request.expiresAt, lang) })}</div>}
        {request.publishedAt && (
          <div className="m-request-muted" data-testid="request-invited">
            {t('request.published', { at: formatDateTime(request.publishedAt, lang) })} · {t('request.invited', { invited: request.invitedCount, answers: answers.length })}
          </div>
        )}
        {request.closedReason && request.status !== 'chosen' && (
          <div className="m-request-closed" data-testid="request-closed-reason" data-code={request.closedReason.code}>
            {t('request.closed', { reason: request.closedReason.text || t(`request.reason.${request.closedReason.code}`) })}
          </div>
        )}
        {request.status === 'draft' && (
          <div className="m-request-actions">
            <Button size="small" onClick={() => navigate(`/requests/${request.id}/edit`)} data-testid="request-edit">
              {t('request.edit')}
            </Button>
            <Button size="small" color="primary" loading={busy === 'publish'} disabled={busy !== null} onClick={publish} data-testid="request-publish-draft">
              {t('request.publish')}
            </Button>
          </div>
        )}
        {request.status === 'chosen' && request.orderId && (
          <div className="m-request-actions">
            <span className="m-request-muted">{t('request.chosenNote')}</span>
            <Button size="small" color="primary" onClick={() => navigate(`/orders/${request.orderId}`)} data-testid="request-order">
              {t('request.openOrder')}
            </Button>
          </div>
        )}
      </section>

      {request.status !== 'draft' && (
        <section className="m-section" data-testid="request-answers" data-count={answers.length}>
          <h2 className="m-section-title">
            {t('request.answers')} {answers.length > 1 && <small>{t('request.answersHint')}</small>}
          </h2>
          {answers.length === 0 ? (
            <p className="m-request-muted">{open ? t('request.waiting') : t('request.noAnswer')}</p>
          ) : (
            <>
              {answers.length > 1 && <AnswerCompare answers={answers} premiumFen={premiumFen} onPick={(index) => strip.current?.children[index]?.scrollIntoView({ behavior: 'smooth', block: 'nearest', inline: 'start' })} />}
            <div className="m-answers" ref={strip}>
              {answers.map((answer) => (
                <AnswerCard
                  key={answer.id}
                  answer={answer}
                  premiumFen={premiumFen}
                  open={open}
                  choosing={busy === `choose-${answer.id}`}
                  chatting={busy === `chat-${answer.id}`}
                  disabled={busy !== null}
                  onChoose={choose}
                  onChat={chat}
                />
              ))}
            </div>
            </>
          )}
        </section>
      )}

      <section className="m-section" data-testid="request-facts">
        <h2 className="m-section-title">
          {localized(lang, request.categoryName)} · {localized(lang, request.itemName)}
        </h2>
        <p className="m-request-description" data-testid="request-description">
          {request.description}
        </p>
        {request.photoUrls.length > 0 && (
          <div className="m-request-photos" data-testid="request-photos-view" data-count={request.photoUrls.length}>
            {request.photoUrls.map((url, index) => (
              <Image key={url} src={url} fit="cover" onClick={() => ImageViewer.Multi.show({ images: request.photoUrls, defaultIndex: index })} />
            ))}
          </div>
        )}
        <dl className="m-request-facts">
          <dt>{t('request.address')}</dt>
          <dd>{request.address ? `${request.address.label} · ${request.address.districtName}` : '—'}</dd>
          <dt>{t('request.windows')}</dt>
          <dd data-testid="request-windows-view">
            {request.windows.length === 0 ? '—' : request.windows.map((w) => <div key={w.start}>{windowText(w, lang)}</div>)}
          </dd>
          <dt>{t('request.budget')}</dt>
          <dd>{budget ?? t('request.noBudget')}</dd>
          <NeedsAndNotes specialNeeds={request.specialNeeds} notes={request.notes} labels={{ needs: t('request.specialNeeds'), notes: t('request.notes') }} className="m-request-needs" />
        </dl>
      </section>

      {(open || request.status === 'draft') && (
        <Button block fill="none" className="m-request-cancel" loading={busy === 'cancel'} disabled={busy !== null} onClick={cancel} data-testid="request-cancel">
          {t('request.cancel')}
        </Button>
      )}
    </div>
  );
}

/** 报价对比: the answers' totals, earliest visits, distances and ratings in one table; a column opens its card. */
function AnswerCompare({ answers, premiumFen, onPick }: { answers: Answer[]; premiumFen: number; onPick: (index: number) => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="m-answer-compare-wrap">
      <table className="m-answer-compare" data-testid="answer-compare">
        <thead>
          <tr>
            <th />
            {answers.map((answer, index) => (
              <th key={answer.id}>
                <button type="button" onClick={() => onPick(index)}>
                  {answer.worker?.name ?? '—'}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t('answer.total')}</td>
            {answers.map((answer) => (
              <td key={answer.id} className="m-answer-compare-price">
                {formatFen(answer.totalFen)}
              </td>
            ))}
          </tr>
          <tr>
            <td>{t('answer.start')}</td>
            {answers.map((answer) => (
              <td key={answer.id} data-testid="answer-compare-start">
                {formatDateTime(answer.start, lang).slice(5)}
              </td>
            ))}
          </tr>
          <tr>
            <td>{t('answer.compareDistance')}</td>
            {answers.map((answer) => (
              <td key={answer.id}>{answer.worker?.distanceKm != null ? `${answer.worker.distanceKm.toFixed(1)} km` : '—'}</td>
            ))}
          </tr>
          <tr>
            <td>{t('answer.compareRating')}</td>
            {answers.map((answer) => (
              <td key={answer.id}>{answer.worker && answer.worker.ratingCount > 0 ? `${answer.worker.ratingAvg.toFixed(1)}（${answer.worker.ratingCount}）` : t('answer.noRating')}</td>
            ))}
          </tr>
        </tbody>
      </table>
      {premiumFen > 0 && <p className="m-request-muted">{t('answer.insurance', { premium: formatFen(premiumFen) })}</p>}
    </div>
  );
}
