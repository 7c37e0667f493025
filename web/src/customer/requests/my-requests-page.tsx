import './requests.css';
import { Button, PullToRefresh, Tag } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { localized, type CustomerRequest } from '../../shared/request-types';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { HeaderAction, SubPage } from '../../mobile/layout/sub-page';
import { requestsApi } from './request-api';
import { STATUS_COLORS, useDeadline } from './request-status';

/** 我的需求 (我的 → 我的需求): my requests, newest first, with their state, answers and deadline. */
export function MyRequestsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const loaded = useLoad((signal) => requestsApi.list(undefined, signal), []);
  return (
    <SubPage title={t('requests.mine')}>
      <HeaderAction>
        <Button size="small" fill="none" color="primary" onClick={() => navigate('/requests/new')} data-testid="requests-new">
          <AddOutline /> {t('requests.new')}
        </Button>
      </HeaderAction>
      <PullToRefresh onRefresh={async () => loaded.reload(true)}>
        <LoadState loaded={loaded}>
          {({ items }) => (
            <div className="m-request-list" data-testid="my-requests" data-count={items.length}>
              {items.length === 0 && (
                <div className="m-empty">
                  <p>{t('requests.empty')}</p>
                  <Button color="primary" fill="outline" onClick={() => navigate('/requests/new')}>
                    {t('requests.entry.button')}
                  </Button>
                </div>
              )}
              {items.map((request) => (
                <RequestRow key={request.id} request={request} onOpen={() => navigate(`/requests/${request.id}`, { state: { from: '/me/requests' } })} />
              ))}
            </div>
          )}
        </LoadState>
      </PullToRefresh>
    </SubPage>
  );
}

function RequestRow({ request, onOpen }: { request: CustomerRequest; onOpen: () => void }) {
  const { t, lang } = useI18n();
  const deadline = useDeadline(request.status === 'open' ? request.expiresAt : null);
  const answers = request.answerCount ?? request.answers?.length ?? 0;
  return (
    <button type="button" className="m-card-button m-request-row" onClick={onOpen} data-testid="my-request" data-id={request.id} data-status={request.status}>
      <div className="m-request-row-head">
        <span className="m-request-row-title">
          {localized(lang, request.categoryName)} · {localized(lang, request.itemName)}
        </span>
        <Tag color={STATUS_COLORS[request.status]} data-testid="my-request-status">
          {t(`request.status.${request.status}`)}
        </Tag>
      </div>
      <div className="m-request-row-text">{request.description}</div>
      <div className="m-request-row-foot">
        {request.status === 'draft' ? (
          <span>{formatDateTime(request.createdAt, lang)}</span>
        ) : (
          <span data-testid="my-request-answers" data-count={answers}>
            {answers > 0 ? t('requests.answerCount', { count: answers }) : t('requests.noAnswers')}
          </span>
        )}
        {deadline && <span className="m-request-deadline">{deadline}</span>}
      </div>
    </button>
  );
}
