import { useI18n } from '../../shared/i18n';
import { PhotoField, photoFileIds, type PhotoFieldProps } from '../photo-field';

export const MAX_REVIEW_PHOTOS = 9;

/** Review and appeal photos, uploaded one by one to `POST /api/reviews/photos` (≤ 9). */
export function ReviewPhotos(props: PhotoFieldProps) {
  const { t } = useI18n();
  return <PhotoField {...props} endpoint="/api/reviews/photos" max={MAX_REVIEW_PHOTOS} tooManyText={t('review.tooManyPhotos', { count: MAX_REVIEW_PHOTOS })} tooLargeText={t('review.photoTooLarge')} />;
}

export const reviewPhotoIds = photoFileIds;
