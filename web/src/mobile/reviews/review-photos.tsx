import { ImageUploader, Toast, type ImageUploadItem } from 'antd-mobile';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useFailureToast } from '../use-form-submit';

const MAX_BYTES = 8 * 1024 * 1024;
export const MAX_REVIEW_PHOTOS = 9;

interface Props {
  value?: ImageUploadItem[];
  onChange?: (items: ImageUploadItem[]) => void;
  onBusyChange?: (busy: boolean) => void;
  testId: string;
}

/** Review and appeal photos, uploaded one by one to `POST /api/reviews/photos` (≤ 9); each item's `key` is the file id. */
export function ReviewPhotos({ value = [], onChange, onBusyChange, testId }: Props) {
  const { t } = useI18n();
  const showFailure = useFailureToast();

  async function upload(file: File): Promise<ImageUploadItem> {
    const body = new FormData();
    body.append('file', file);
    try {
      const answer = await api<{ id: string; url: string }>('/api/reviews/photos', { body });
      return { key: answer.id, url: answer.url };
    } catch (error) {
      showFailure(error);
      throw error;
    }
  }

  return (
    <div data-testid={testId} data-count={value.length}>
      <ImageUploader
        value={value}
        onChange={onChange}
        upload={upload}
        accept="image/jpeg,image/png,image/webp"
        multiple
        maxCount={MAX_REVIEW_PHOTOS}
        showFailed={false}
        onCountExceed={() => Toast.show({ content: t('review.tooManyPhotos', { count: MAX_REVIEW_PHOTOS }) })}
        onUploadQueueChange={(tasks) => onBusyChange?.(tasks.some((task) => task.status === 'pending'))}
        beforeUpload={(file) => {
          if (file.size <= MAX_BYTES) return file;
          Toast.show({ icon: 'fail', content: t('review.photoTooLarge') });
          return null;
        }}
      />
    </div>
  );
}

/** The file ids of uploaded photos. */
export function reviewPhotoIds(items: ImageUploadItem[] | undefined): string[] {
  return (items ?? []).map((item) => String(item.key));
}
