import { Card, Image, Tag } from 'antd-mobile';
import { ClockCircleOutline, EnvironmentOutline } from 'antd-mobile-icons';
import { useNavigate } from 'react-router';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { budgetText, localized, timeLeftText, windowText, type WorkerRequest } from '../../shared/request-types';
import { useNow } from '../../shared/use-now';

/** My answer's state on a request, as a tag. */
export function MyAnswerTag({ request }: { request: WorkerRequest }) {
  const { t } = useI18n();
  const mine = request.myAnswer;
  if (!mine) return <Tag color="warning" data-testid="wreq-mine" data-state="none">{t('wreq.mine.none')}</Tag>;
  const color = mine.status === 'chosen' ? 'success' : mine.status === 'open' ? 'primary' : 'default';
  return (
    <Tag color={color} data-testid="wreq-mine" data-state={mine.status}>
      {t(`wreq.mine.${mine.status}`, { total: formatFen(mine.totalFen) })}
    </Tag>
  );
}

/** `3 小时 10 分后截止` for an open request. */
export function useRequestDeadline(request: WorkerRequest): string | null {
  const { t, lang } = useI18n();
  const now = useNow(30_000);
  if (request.status !== 'open' || !request.expiresAt) return null;
  const left = Date.parse(request.expiresAt) - now;
  return left > 0 ? t('wreq.deadline', { time: timeLeftText(left, lang) }) : t('wreq.closedNow');
}

/**
 * A request in the hall's 需求 view: what and which item, district and distance (never the address), photos, the
 * customer's windows, budget and special needs, my answer's state and the deadline.
 */
export function RequestCard({ request }: { request: WorkerRequest }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const deadline = useRequestDeadline(request);
  const budget = budgetText(request.budgetMinFen, request.budgetMaxFen, formatFen, t);
  return (
    <Card
      className="m-order-card m-wreq-card"
      onClick={() => navigate(`/requests/${request.id}`, { state: { from: '/orders?view=requests' } })}
      data-testid="wreq-card"
      data-id={request.id}
      title={
        <span className="m-wreq-title">
          {localized(lang, request.categoryName)} · {localized(lang, request.itemName)}
        </span>
      }
      extra={<MyAnswerTag request={request} />}
    >
      <div className="m-wreq-description">{request.description}</div>
      {request.photoUrls.length > 0 && (
        <div className="m-wreq-thumbs" data-testid="wreq-photos" data-count={request.photoUrls.length}>
          {request.photoUrls.slice(0, 4).map((url) => (
            <Image key={url} src={url} fit="cover" width={56} height={56} />
          ))}
          {request.photoUrls.length > 4 && <span className="m-wreq-more">+{request.photoUrls.length - 4}</span>}
        </div>
      )}
      <div className="m-order-card-row">
        <EnvironmentOutline /> <span data-testid="wreq-district">{request.districtName}</span>
        {request.distanceKm !== null && (
          <span className="m-order-distance" data-testid="wreq-distance">
            {t('wreq.distance', { km: request.distanceKm.toFixed(1) })}
          </span>
        )}
      </div>
      {request.windows.map((window) => (
        <div className="m-order-card-row" key={window.start}>
          <ClockCircleOutline /> <span>{windowText(window, lang)}</span>
        </div>
      ))}
      {(budget || request.specialNeeds.length > 0) && (
        <div className="m-wreq-tags">
          {budget && <Tag color="primary" fill="outline">{t('wreq.budget')} {budget}</Tag>}
          {request.specialNeeds.map((need) => (
            <Tag key={need} color="warning" fill="outline">
              {t(`request.need.${need}`)}
            </Tag>
          ))}
        </div>
      )}
      <div className="m-wreq-foot">
        <span>{t('requests.no', { no: request.requestNo })}</span>
        {deadline && <span className="m-wreq-deadline">{deadline}</span>}
        {request.status !== 'open' && <span>{t(`request.status.${request.status}`)}</span>}
      </div>
    </Card>
  );
}
