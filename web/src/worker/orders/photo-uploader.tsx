import { ImageUploader, Toast, type ImageUploadItem } from 'antd-mobile';
import { useI18n } from '../../shared/i18n';
import { useFailureToast } from '../../mobile/use-form-submit';
import { workerOrders } from './order-api';

const MAX_BYTES = 8 * 1024 * 1024;
const MAX_PHOTOS = 9;

interface PhotoUploaderProps {
  value?: ImageUploadItem[];
  onChange?: (items: ImageUploadItem[]) => void;
  /** True while a photo is still being uploaded. */
  onBusyChange?: (busy: boolean) => void;
  testId: string;
}

/** Job photos uploaded one by one to `POST /api/worker/orders/photos`; each item's `key` is the file id. */
export function PhotoUploader({ value = [], onChange, onBusyChange, testId }: PhotoUploaderProps) {
  const { t } = useI18n();
  const showFailure = useFailureToast();

  async function upload(file: File): Promise<ImageUploadItem> {
    const body = new FormData();
    body.append('file', file);
    try {
      const answer = await workerOrders.uploadPhoto(body);
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
        maxCount={MAX_PHOTOS}
        showFailed={false}
        onCountExceed={() => Toast.show({ content: t('record.tooMany', { count: MAX_PHOTOS }) })}
        onUploadQueueChange={(tasks) => onBusyChange?.(tasks.some((task) => task.status === 'pending'))}
        beforeUpload={(file) => {
          if (file.size <= MAX_BYTES) return file;
          Toast.show({ icon: 'fail', content: t('upload.tooLarge') });
          return null;
        }}
      />
    </div>
  );
}

/** The file ids of uploaded photos. */
export function photoIds(items: ImageUploadItem[] | undefined): string[] {
  return (items ?? []).map((item) => String(item.key));
}
