import { ImageUploader, Toast, type ImageUploadItem } from 'antd-mobile';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useFailureToast } from '../../mobile/use-form-submit';

export const MAX_JOB_PHOTOS = 6;
const MAX_BYTES = 8 * 1024 * 1024;

/** 现场照片: up to 6 pictures of the job, each uploaded at once to `POST /api/orders/photos` (the file id rides in `extra`). */
export function JobPhotos({ value, onChange }: { value: ImageUploadItem[]; onChange: (items: ImageUploadItem[]) => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();

  async function upload(file: File): Promise<ImageUploadItem> {
    const body = new FormData();
    body.append('file', file);
    try {
      const answer = await api<{ id: string; url: string }>('/api/orders/photos', { body });
      return { key: answer.id, url: answer.url, extra: answer.id };
    } catch (error) {
      showFailure(error);
      throw error;
    }
  }

  return (
    <section className="m-book-section" data-testid="book-photos">
      <h2 className="m-book-section-title">
        {t('book.photos')} <small>{t('book.photosCount', { count: value.length, max: MAX_JOB_PHOTOS })}</small>
      </h2>
      <ImageUploader
        value={value}
        onChange={onChange}
        upload={upload}
        accept="image/jpeg,image/png,image/webp"
        maxCount={MAX_JOB_PHOTOS}
        multiple
        showFailed={false}
        onCountExceed={(exceed) => Toast.show({ content: t('book.photosTooMany', { max: MAX_JOB_PHOTOS, exceed }) })}
        beforeUpload={(file) => {
          if (file.size <= MAX_BYTES) return file;
          Toast.show({ icon: 'fail', content: t('book.photoTooLarge') });
          return null;
        }}
        data-testid="book-photo-uploader"
      />
      <p className="m-photos-hint">{t('book.photosHint')}</p>
    </section>
  );
}

/** The uploaded file ids, in order. */
export function photoIds(items: ImageUploadItem[]): string[] {
  return items.map((item) => item.extra).filter((id): id is string => typeof id === 'string');
}
