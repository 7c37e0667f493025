import { Button, Popup, Rate, Selector, Switch, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { useFailureToast } from '../../mobile/use-form-submit';
import { ReviewItem } from '../../mobile/reviews/review-item';
import { ReviewPhotos, reviewPhotoIds } from '../../mobile/reviews/review-photos';
import { DIMENSIONS, tagsFor, type Dimension, type Review } from '../../mobile/reviews/review-types';

interface MyReview {
  review: Review | null;
  canReview: boolean;
  reviewUntil: string | null;
  canFollowUp: boolean;
}

const base = (orderId: string) => `/api/orders/${encodeURIComponent(orderId)}/review`;

/** 评价 on a completed order: the form while I may review, else my review with the reply and 追评 while allowed. */
export function ReviewCard({ orderId }: { orderId: string }) {
  const { t, lang } = useI18n();
  const loaded = useLoad((signal) => api<MyReview>(base(orderId), { signal }), [orderId]);
  const [followUp, setFollowUp] = useState(false);
  const data = loaded.data;
  if (!data || (!data.review && !data.canReview)) return null;
  return (
    <section className="m-section m-review-card" data-testid="review-card" data-state={data.review ? 'reviewed' : 'open'}>
      <div className="m-section-title">
        <span>{t('review.title')}</span>
        {data.canReview && data.reviewUntil && <span className="m-review-date">{t('review.until', { time: formatDateTime(data.reviewUntil, lang) })}</span>}
      </div>
      {data.review ? (
        <ReviewItem review={data.review}>
          {data.review.status && data.review.status !== 'visible' && (
            <div className="m-review-status" data-testid="review-moderated">{t(`review.moderated.${data.review.status}`)}</div>
          )}
          {data.canFollowUp && (
            <div className="m-review-actions">
              <Button size="small" color="primary" fill="outline" onClick={() => setFollowUp(true)} data-testid="review-follow-up-open">
                {t('review.followUp')}
              </Button>
            </div>
          )}
        </ReviewItem>
      ) : (
        <ReviewForm orderId={orderId} onDone={() => loaded.reload(true)} />
      )}
      <FollowUpPopup orderId={orderId} visible={followUp} onClose={(done) => { setFollowUp(false); if (done) loaded.reload(true); }} />
    </section>
  );
}

function ReviewForm({ orderId, onDone }: { orderId: string; onDone: () => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [stars, setStars] = useState(0);
  const [dims, setDims] = useState<Record<Dimension, number>>({ attitude: 0, skill: 0, efficiency: 0, punctuality: 0 });
  const [tags, setTags] = useState<string[]>([]);
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const [saving, setSaving] = useState(false);
  const offered = stars ? tagsFor(stars) : [];

  function pickStars(value: number) {
    setStars(value);
    const allowed = tagsFor(value);
    setTags((current) => current.filter((tag) => allowed.includes(tag)));
  }

  async function submit() {
    if (!stars) {
      Toast.show({ content: t('review.starsRequired') });
      return;
    }
    setSaving(true);
    try {
      const dimensions = Object.fromEntries(DIMENSIONS.filter((d) => dims[d] > 0).map((d) => [d, dims[d]]));
      await api<Review>(base(orderId), { body: { stars, ...dimensions, tags, body: body.trim(), photoFileIds: reviewPhotoIds(photos), anonymous } });
      Toast.show({ icon: 'success', content: t('review.thanks') });
      onDone();
    } catch (error) {
      showFailure(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="m-review-form" data-testid="review-form">
      <div className="m-review-dim-row">
        <strong>{t('review.overall')}</strong>
        <Rate value={stars} onChange={pickStars} data-testid="review-stars" />
      </div>
      {DIMENSIONS.map((d) => (
        <div key={d} className="m-review-dim-row" data-testid={`review-dim-${d}`}>
          <span>{t(`review.dim.${d}`)}</span>
          <Rate value={dims[d]} onChange={(value) => setDims({ ...dims, [d]: value })} style={{ '--star-size': '18px' }} />
        </div>
      ))}
      {offered.length > 0 && (
        <Selector
          className="m-review-chips"
          multiple
          columns={3}
          value={tags}
          onChange={setTags}
          options={offered.map((tag) => ({ label: t(`review.tag.${tag}`), value: tag }))}
          data-testid="review-tags"
        />
      )}
      <TextArea
        value={body}
        onChange={setBody}
        placeholder={t('review.placeholder')}
        maxLength={500}
        showCount
        rows={4}
        data-testid="review-text"
      />
      <ReviewPhotos value={photos} onChange={setPhotos} onBusyChange={setUploading} testId="review-photo-upload" />
      <div className="m-review-dim-row">
        <span>{t('review.anonymous')}</span>
        <Switch checked={anonymous} onChange={setAnonymous} data-testid="review-anonymous" />
      </div>
      <Button block color="primary" loading={saving} disabled={uploading} onClick={submit} data-testid="review-submit">
        {t('review.submit')}
      </Button>
    </div>
  );
}

function FollowUpPopup({ orderId, visible, onClose }: { orderId: string; visible: boolean; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(false);
  const [saving, setSaving] = useState(false);

  async function submit() {
    if (!body.trim()) {
      Toast.show({ content: t('review.followUpRequired') });
      return;
    }
    setSaving(true);
    try {
      await api<Review>(`${base(orderId)}/follow-up`, { body: { body: body.trim(), photoFileIds: reviewPhotoIds(photos) } });
      Toast.show({ icon: 'success', content: t('review.followUpDone') });
      onClose(true);
    } catch (error) {
      showFailure(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Popup visible={visible} onMaskClick={() => onClose(false)} bodyStyle={{ borderRadius: '12px 12px 0 0', padding: 16 }} destroyOnClose>
      <div className="m-review-form" data-testid="review-follow-up-form">
        <div className="m-section-title">{t('review.followUp')}</div>
        <TextArea value={body} onChange={setBody} placeholder={t('review.followUpPlaceholder')} maxLength={500} showCount rows={4} data-testid="review-follow-up-text" />
        <ReviewPhotos value={photos} onChange={setPhotos} onBusyChange={setUploading} testId="review-follow-up-photo-upload" />
        <Button block color="primary" loading={saving} disabled={uploading} onClick={submit} data-testid="review-follow-up-submit">
          {t('review.submit')}
        </Button>
      </div>
    </Popup>
  );
}
