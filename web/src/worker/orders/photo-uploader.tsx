import { useI18n } from '../../shared/i18n';
import { PhotoField, photoFileIds, type PhotoFieldProps } from '../../mobile/photo-field';

const MAX_PHOTOS = 9;

/** Job photos uploaded one by one to `POST /api/worker/orders/photos` (≤ 9). */
export function PhotoUploader(props: PhotoFieldProps) {
  const { t } = useI18n();
  return <PhotoField {...props} endpoint="/api/worker/orders/photos" max={MAX_PHOTOS} tooManyText={t('record.tooMany', { count: MAX_PHOTOS })} tooLargeText={t('upload.tooLarge')} />;
}

export const photoIds = photoFileIds;
