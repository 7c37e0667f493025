import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';

export interface ToReview {
  items: { orderId: string; orderNo: string; itemName: string; workerName: string; completedAt: string; reviewUntil: string }[];
  count: number;
}

export const loadToReview = (signal: AbortSignal) => api<ToReview>('/api/reviews/to-review', { signal });

/** 待评价 (orders tab `to_review`): my completed orders still to review, each with 去评价. */
export function ToReviewList() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const loaded = useLoad(loadToReview, []);
  if (loaded.error && !loaded.data) {
    return (
      <ErrorBlock status="default" title={t('common.loadFailed')} description={errorText(loaded.error, '')}>
        <Button color="primary" size="small" onClick={() => loaded.reload()}>{t('common.retry')}</Button>
      </ErrorBlock>
    );
  }
  if (!loaded.data) return <div className="m-center"><DotLoading color="primary" /></div>;
  if (loaded.data.items.length === 0) return <div className="m-empty" data-testid="to-review-empty"><p>{t('review.nothingToReview')}</p></div>;
  return (
    <div data-testid="to-review-list">
      {loaded.data.items.map((item) => (
        <div key={item.orderId} className="m-section m-to-review" data-testid="to-review-item" data-order-id={item.orderId}>
          <div className="m-section-title">
            <span>{item.itemName}</span>
            <span className="m-review-date">{item.orderNo}</span>
          </div>
          <div className="m-review-dims">
            {item.workerName && <span>{t('review.workerName', { name: item.workerName })}</span>}
            <span>{t('review.until', { time: formatDateTime(item.reviewUntil, lang) })}</span>
          </div>
          <div className="m-review-actions">
            <Button size="small" color="primary" onClick={() => navigate(`/orders/${item.orderId}`, { state: { from: '/orders?tab=to_review' } })} data-testid="to-review-open">
              {t('review.write')}
            </Button>
          </div>
        </div>
      ))}
    </div>
  );
}
