import './requests.css';
import { Button, Dialog, ErrorBlock, Image, ImageViewer, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../shared/api';
import { durationText, visitText } from '../../shared/city-days';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { NeedsAndNotes } from '../../mobile/requests/request-needs';
import { useLiveEvent } from '../../shared/live-events';
import { budgetText, localized, windowText, type Answer, type WorkerRequest } from '../../shared/request-types';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { useFailureToast } from '../../mobile/use-form-submit';
import { QuoteForm } from './quote-form';
import { workerRequests } from './request-api';
import { MyAnswerTag, useRequestDeadline } from './request-card';

/** `/worker/requests/:id`: an invited request (district and distance only) and my 报价 — send, 修改报价 or 撤回. */
export function WorkerRequestPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const back = (useLocation().state as { from?: string } | null)?.from ?? '/orders?view=requests';
  const loaded = useLoad((signal) => workerRequests.get(id, signal), [id]);
  useLiveEvent('notification', (data) => data.linkKind === 'request' && data.linkId === id && loaded.reload(true));
  useLiveEvent('reconnect', () => loaded.reload(true));
  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <SubPage title={t('wreq.title')} back={back}>
      {notFound ? (
        <ErrorBlock status="empty" title={t('wreq.notFound')} description="" />
      ) : (
        <LoadState loaded={loaded}>{(request) => <RequestContent key={request.id} request={request} reload={() => loaded.reload(true)} />}</LoadState>
      )}
    </SubPage>
  );
}

function RequestContent({ request, reload }: { request: WorkerRequest; reload: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const showFailure = useFailureToast();
  const deadline = useRequestDeadline(request);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const budget = budgetText(request.budgetMinFen, request.budgetMaxFen, formatFen, t);
  const mine = request.myAnswer && request.myAnswer.status !== 'withdrawn' ? request.myAnswer : null;
  const open = request.status === 'open';
  const showForm = open && (!mine || (editing && mine.status === 'open'));

  async function withdraw() {
    if (!(await Dialog.confirm({ content: t('wreq.withdrawConfirm'), confirmText: t('wreq.withdraw'), cancelText: t('common.cancel') }))) return;
    setWithdrawing(true);
    try {
      await workerRequests.withdraw(request.id);
      Toast.show({ icon: 'success', content: t('wreq.withdrawn') });
      reload();
    } catch (error) {
      showFailure(error);
      reload();
    } finally {
      setWithdrawing(false);
    }
  }

  return (
    <div className="m-wreq-page" data-testid="wreq" data-id={request.id} data-status={request.status}>
      <section className="m-section">
        <h2 className="m-section-title">
          <span>
            {localized(lang, request.categoryName)} · {localized(lang, request.itemName)}
          </span>
          <MyAnswerTag request={request} />
        </h2>
        <div className="m-wreq-sub">
          <span>{t('requests.no', { no: request.requestNo })}</span>
          {deadline && <span className="m-wreq-deadline" data-testid="wreq-deadline">{deadline}</span>}
          {!open && <Tag>{t(`request.status.${request.status}`)}</Tag>}
        </div>
        <p className="m-wreq-text" data-testid="wreq-description">
          {request.description}
        </p>
        {request.photoUrls.length > 0 && (
          <div className="m-wreq-photos" data-testid="wreq-photos-view" data-count={request.photoUrls.length}>
            {request.photoUrls.map((url, index) => (
              <Image key={url} src={url} fit="cover" onClick={() => ImageViewer.Multi.show({ images: request.photoUrls, defaultIndex: index })} />
            ))}
          </div>
        )}
        <dl className="m-wreq-facts">
          <dt>{t('wreq.district')}</dt>
          <dd>
            {request.districtName}
            {request.distanceKm !== null && ` · ${t('wreq.distance', { km: request.distanceKm.toFixed(1) })}`}
          </dd>
          <dt>{t('wreq.windows')}</dt>
          <dd data-testid="wreq-windows">
            {request.windows.map((w) => (
              <div key={w.start}>{windowText(w, lang)}</div>
            ))}
          </dd>
          <dt>{t('wreq.budget')}</dt>
          <dd>{budget ?? t('wreq.noBudget')}</dd>
          <NeedsAndNotes specialNeeds={request.specialNeeds} notes={request.notes} labels={{ needs: t('wreq.needs'), notes: t('wreq.notes') }} className="m-wreq-tags" />
        </dl>
      </section>

      {mine && !showForm && (
        <MyAnswer
          answer={mine}
          editable={open && mine.status === 'open'}
          withdrawing={withdrawing}
          onEdit={() => setEditing(true)}
          onWithdraw={withdraw}
        />
      )}
      {request.chosenMe && request.orderId && (
        <div className="m-wreq-actions">
          <Button block color="primary" onClick={() => navigate(`/orders/${request.orderId}`, { state: { from: `/requests/${request.id}` } })} data-testid="wreq-order">
            {t('wreq.openOrder')}
          </Button>
        </div>
      )}
      {!open && !mine && <p className="m-empty">{t('wreq.notOpen', { status: t(`request.status.${request.status}`) })}</p>}
      {showForm && (
        <QuoteForm
          requestId={request.id}
          windows={request.windows}
          answer={mine}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
          onStale={reload}
        />
      )}
      {showForm && editing && (
        <Button block fill="none" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </Button>
      )}
    </div>
  );
}

function MyAnswer({ answer, editable, withdrawing, onEdit, onWithdraw }: { answer: Answer; editable: boolean; withdrawing: boolean; onEdit: () => void; onWithdraw: () => void }) {
  const { t, lang } = useI18n();
  return (
    <section className="m-section" data-testid="wreq-my-answer" data-status={answer.status} data-total={answer.totalFen}>
      <h2 className="m-section-title">{t('wreq.myAnswer')}</h2>
      <table className="m-wreq-lines">
        <tbody>
          {answer.lines.map((line, index) => (
            <tr key={index} data-testid="wreq-line" data-kind={line.kind}>
              <td>
                <Tag color={line.kind === 'material' || line.kind === 'parts' ? 'warning' : 'primary'} fill="outline">
                  {t(`request.line.${line.kind}`)}
                </Tag>{' '}
                {line.description}
                <div className="m-wreq-qty">
                  {line.quantity} × {formatFen(line.unitPriceFen)}
                </div>
              </td>
              <td className="m-wreq-amount">{formatFen(line.amountFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="m-wreq-total">
        <span>{t('quote.form.total')}</span>
        <strong data-testid="wreq-total">{formatFen(answer.totalFen)}</strong>
      </div>
      <div className="m-wreq-sub">
        {visitText(answer.start, answer.durationMinutes, lang)} · {durationText(answer.durationMinutes, lang)}
      </div>
      {answer.message && <p className="m-wreq-text">{answer.message}</p>}
      {editable && (
        <div className="m-wreq-buttons">
          <Button size="small" fill="outline" loading={withdrawing} onClick={onWithdraw} data-testid="wreq-withdraw">
            {t('wreq.withdraw')}
          </Button>
          <Button size="small" color="primary" onClick={onEdit} data-testid="wreq-edit">
            {t('wreq.edit')}
          </Button>
        </div>
      )}
    </section>
  );
}
