import '../../mobile/reviews/reviews.css';
import { Button, CapsuleTabs, DotLoading, Popup, Tag, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { SubPage } from '../../mobile/layout/sub-page';
import { useListPages } from '../../mobile/use-list-pages';
import { useFailureToast } from '../../mobile/use-form-submit';
import { ReviewItem } from '../../mobile/reviews/review-item';
import { ReviewPhotos, reviewPhotoIds } from '../../mobile/reviews/review-photos';
import { REVIEW_FILTERS, type AppealStatus, type MyReview, type ReviewFilter } from '../../mobile/reviews/review-types';

const APPEAL_COLORS: Record<AppealStatus, string> = { pending: 'warning', kept: 'default', hidden: 'success', removed: 'success' };

/** 我的评价 `/me/reviews`: reviews of my work (hidden and removed ones too), 回复 once, 申诉 once with its state. */
export function MyReviewsPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const list = useListPages<MyReview>('/api/worker/reviews', { filter });
  const [replying, setReplying] = useState<MyReview | null>(null);
  const [appealing, setAppealing] = useState<MyReview | null>(null);
  const done = () => list.retry();
  return (
    <SubPage title={t('myReviews.title')} back="/me">
      <section className="m-section" data-testid="my-reviews" data-total={list.total}>
        <CapsuleTabs activeKey={filter} onChange={(key) => setFilter(key as ReviewFilter)}>
          {REVIEW_FILTERS.map((key) => (
            <CapsuleTabs.Tab key={key} title={<span data-testid={`my-reviews-filter-${key}`}>{t(`review.filter.${key}`)}</span>} />
          ))}
        </CapsuleTabs>
        {!list.items ? (
          <div className="m-center"><DotLoading color="primary" /></div>
        ) : list.items.length === 0 ? (
          <div className="m-empty" data-testid="my-reviews-empty">{t('review.empty')}</div>
        ) : (
          <>
            {list.items.map((review) => (
              <ReviewItem
                key={review.id}
                review={review}
                extra={review.status && review.status !== 'visible' ? <Tag color="default" data-testid="my-review-status">{t(`review.status.${review.status}`)}</Tag> : null}
              >
                {review.appeal && (
                  <div className="m-review-status" data-testid="my-review-appeal" data-status={review.appeal.status}>
                    <Tag color={APPEAL_COLORS[review.appeal.status]}>{t('myReviews.appeal')} · {t(`review.appeal.${review.appeal.status}`)}</Tag>
                    {review.appeal.decisionNote && <div>{t('myReviews.decisionNote', { note: review.appeal.decisionNote })}</div>}
                  </div>
                )}
                {!review.isDefault && (
                  <div className="m-review-actions">
                    {!review.reply && review.status === 'visible' && (
                      <Button size="small" color="primary" fill="outline" onClick={() => setReplying(review)} data-testid="my-review-reply">{t('myReviews.reply')}</Button>
                    )}
                    {!review.appeal && (
                      <Button size="small" fill="outline" onClick={() => setAppealing(review)} data-testid="my-review-appeal-open">{t('myReviews.appealAction')}</Button>
                    )}
                  </div>
                )}
              </ReviewItem>
            ))}
            {list.hasMore ? (
              <Button block fill="none" loading={list.loading} onClick={list.more}>{t('review.loadMore')}</Button>
            ) : (
              <p className="m-note">{t('review.noMore', { count: list.total })}</p>
            )}
          </>
        )}
      </section>
      <ReplyPopup review={replying} onClose={(ok) => { setReplying(null); if (ok) done(); }} />
      <AppealPopup review={appealing} onClose={(ok) => { setAppealing(null); if (ok) done(); }} />
    </SubPage>
  );
}

const sheet = { borderRadius: '12px 12px 0 0', padding: 16 };

function ReplyPopup({ review, onClose }: { review: MyReview | null; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  async function send() {
    if (!review || !body.trim()) return void Toast.show({ content: t('myReviews.replyRequired') });
    setBusy(true);
    try {
      await api(`/api/worker/reviews/${encodeURIComponent(review.id)}/reply`, { body: { body: body.trim() } });
      Toast.show({ icon: 'success', content: t('myReviews.replied') });
      setBody('');
      onClose(true);
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Popup visible={review !== null} onMaskClick={() => onClose(false)} bodyStyle={sheet}>
      <div className="m-review-form" data-testid="my-review-reply-form">
        <div className="m-section-title">{t('myReviews.replyTitle')}</div>
        <p className="m-note" style={{ textAlign: 'left' }}>{t('myReviews.replyHint')}</p>
        <TextArea value={body} onChange={setBody} maxLength={500} showCount rows={4} placeholder={t('myReviews.replyPlaceholder')} data-testid="my-review-reply-text" />
        <Button block color="primary" loading={busy} onClick={send} data-testid="my-review-reply-submit">{t('myReviews.send')}</Button>
      </div>
    </Popup>
  );
}

function AppealPopup({ review, onClose }: { review: MyReview | null; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  async function send() {
    if (!review || reason.trim().length < 4) return void Toast.show({ content: t('myReviews.reasonRequired') });
    setBusy(true);
    try {
      await api(`/api/worker/reviews/${encodeURIComponent(review.id)}/appeal`, { body: { reason: reason.trim(), evidenceFileIds: reviewPhotoIds(photos) } });
      Toast.show({ icon: 'success', content: t('myReviews.appealed') });
      setReason('');
      setPhotos([]);
      onClose(true);
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Popup visible={review !== null} onMaskClick={() => onClose(false)} bodyStyle={sheet}>
      <div className="m-review-form" data-testid="my-review-appeal-form">
        <div className="m-section-title">{t('myReviews.appealTitle')}</div>
        <p className="m-note" style={{ textAlign: 'left' }}>{t('myReviews.appealHint')}</p>
        <TextArea value={reason} onChange={setReason} maxLength={500} showCount rows={4} placeholder={t('myReviews.reasonPlaceholder')} data-testid="my-review-appeal-reason" />
        <div className="m-review-label">{t('myReviews.evidence')}</div>
        <ReviewPhotos value={photos} onChange={setPhotos} onBusyChange={setUploading} testId="my-review-appeal-photos" />
        <Button block color="primary" loading={busy} disabled={uploading} onClick={send} data-testid="my-review-appeal-submit">{t('myReviews.send')}</Button>
      </div>
    </Popup>
  );
}
