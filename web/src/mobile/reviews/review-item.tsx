import './reviews.css';
import { Image, ImageViewer, Rate, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { DIMENSIONS, tagKey, type Review } from './review-types';

export function ReviewPhotoGrid({ urls, testId }: { urls: string[]; testId: string }) {
  if (urls.length === 0) return null;
  return (
    <div className="m-review-photos" data-testid={testId} data-count={urls.length}>
      {urls.map((url, index) => (
        <Image key={url} src={url} fit="cover" lazy onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: index })} />
      ))}
    </div>
  );
}

/** One review: author, stars, date, dimensions, tags, text, photos, 追评 and the worker's reply; 系统默认好评 as such. */
export function ReviewItem({ review, extra, children }: { review: Review; extra?: ReactNode; children?: ReactNode }) {
  const { t, lang } = useI18n();
  const dims = DIMENSIONS.filter((d) => review.dimensions[d] != null);
  return (
    <div className="m-review" data-testid="review-item" data-review-id={review.id} data-stars={review.stars}>
      <div className="m-review-head">
        <span className="m-review-author">{review.author}</span>
        <span className="m-review-date">{formatDateTime(review.createdAt, lang)}</span>
      </div>
      <div className="m-review-stars">
        <Rate readOnly value={review.stars} style={{ '--star-size': '14px' }} />
        {extra}
      </div>
      {review.isDefault ? (
        <p className="m-review-body m-review-default" data-testid="review-default">{t('review.default')}</p>
      ) : (
        <>
          {dims.length > 0 && (
            <div className="m-review-dims">
              {dims.map((d) => (
                <span key={d}>{t(`review.dim.${d}`)} {review.dimensions[d]}</span>
              ))}
            </div>
          )}
          {review.tags.length > 0 && (
            <div className="m-review-tags">
              {review.tags.map((tag) => (
                <Tag key={tag} color="primary" fill="outline">{tagKey(tag) ? t(tagKey(tag)!) : tag}</Tag>
              ))}
            </div>
          )}
          {review.body && <p className="m-review-body" data-testid="review-body">{review.body}</p>}
          <ReviewPhotoGrid urls={review.photoUrls} testId="review-photos" />
        </>
      )}
      {review.followUp && (
        <div className="m-review-follow" data-testid="review-follow-up">
          <div className="m-review-label">{t('review.followUpAt', { time: formatDateTime(review.followUp.at, lang) })}</div>
          <p className="m-review-body">{review.followUp.body}</p>
          <ReviewPhotoGrid urls={review.followUp.photoUrls} testId="review-follow-up-photos" />
        </div>
      )}
      {review.reply && (
        <div className="m-review-reply" data-testid="review-reply">
          <span className="m-review-label">{t('review.workerReply')}</span>
          {review.reply.body}
        </div>
      )}
      {children}
    </div>
  );
}
