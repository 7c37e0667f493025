import { Button, CapsuleTabs, Dialog, DotLoading, Radio, Space, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useListPages } from '../../mobile/use-list-pages';
import { useFailureToast } from '../../mobile/use-form-submit';
import { ReviewItem } from '../../mobile/reviews/review-item';
import { REVIEW_FILTERS, type Review, type ReviewFilter } from '../../mobile/reviews/review-types';

const REPORT_REASONS = ['abuse', 'privacy', 'ad', 'false'] as const;

/** 用户评价 on a worker's profile: 全部 / 有图 / 追评 / 差评, 加载更多, photos, replies and 举报. */
export function WorkerReviews({ workerId }: { workerId: string }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const list = useListPages<Review>(`/api/workers/${encodeURIComponent(workerId)}/reviews`, { filter });
  const [reporting, setReporting] = useState<Review | null>(null);
  return (
    <section className="m-section" data-testid="worker-reviews" data-filter={filter} data-total={list.total}>
      <div className="m-section-title">{t('review.ofWorker')}</div>
      <CapsuleTabs activeKey={filter} onChange={(key) => setFilter(key as ReviewFilter)} data-testid="worker-review-filters">
        {REVIEW_FILTERS.map((key) => (
          <CapsuleTabs.Tab key={key} title={<span data-testid={`worker-review-filter-${key}`}>{t(`review.filter.${key}`)}</span>} />
        ))}
      </CapsuleTabs>
      {!list.items ? (
        <div className="m-center"><DotLoading color="primary" /></div>
      ) : list.items.length === 0 ? (
        <div className="m-empty" data-testid="worker-reviews-empty">{t('review.empty')}</div>
      ) : (
        <>
          {list.items.map((review) => (
            <ReviewItem key={review.id} review={review}>
              {!review.isDefault && (
                <div className="m-review-actions">
                  <Button size="mini" fill="none" onClick={() => setReporting(review)} data-testid="review-report">{t('review.report')}</Button>
                </div>
              )}
            </ReviewItem>
          ))}
          {list.hasMore ? (
            <Button block fill="none" loading={list.loading} onClick={list.more} data-testid="worker-reviews-more">{t('review.loadMore')}</Button>
          ) : (
            <p className="m-note">{t('review.noMore', { count: list.total })}</p>
          )}
        </>
      )}
      {reporting && <ReportDialog review={reporting} onClose={() => setReporting(null)} />}
    </section>
  );
}

function ReportDialog({ review, onClose }: { review: Review; onClose: () => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [reason, setReason] = useState<string>(REPORT_REASONS[0]);
  const [busy, setBusy] = useState(false);
  async function send() {
    setBusy(true);
    try {
      await api(`/api/reviews/${encodeURIComponent(review.id)}/report`, { body: { reason: t(`review.reportReason.${reason}`) } });
      Toast.show({ icon: 'success', content: t('review.reported') });
      onClose();
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      visible
      title={t('review.reportTitle')}
      onClose={onClose}
      content={
        <Radio.Group value={reason} onChange={(value) => setReason(String(value))}>
          <Space direction="vertical">
            {REPORT_REASONS.map((key) => (
              <Radio key={key} value={key}>{t(`review.reportReason.${key}`)}</Radio>
            ))}
          </Space>
        </Radio.Group>
      }
      actions={[[
        { key: 'cancel', text: t('common.cancel'), onClick: onClose },
        { key: 'send', text: t('review.reportSend'), bold: true, disabled: busy, onClick: send },
      ]]}
    />
  );
}
