import { ImageUploader, Toast, type ImageUploadItem } from 'antd-mobile';
import { api } from '../shared/api';
import { useFailureToast } from './use-form-submit';

const MAX_BYTES = 8 * 1024 * 1024;

export interface PhotoFieldProps {
  value?: ImageUploadItem[];
  onChange?: (items: ImageUploadItem[]) => void;
  /** True while a photo is still being uploaded. */
  onBusyChange?: (busy: boolean) => void;
  testId: string;
}

interface Props extends PhotoFieldProps {
  /** Where each photo is posted as multipart `file`; answers `{ id, url }`. */
  endpoint: string;
  max: number;
  tooManyText: string;
  tooLargeText: string;
}

/** Photos uploaded one by one (JPEG / PNG / WebP ≤ 8 MiB) to `endpoint`; each item's `key` is the file id. */
export function PhotoField({ value = [], onChange, onBusyChange, testId, endpoint, max, tooManyText, tooLargeText }: Props) {
  const showFailure = useFailureToast();

  async function upload(file: File): Promise<ImageUploadItem> {
    const body = new FormData();
    body.append('file', file);
    try {
      const answer = await api<{ id: string; url: string }>(endpoint, { body });
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
        maxCount={max}
        showFailed={false}
        onCountExceed={() => Toast.show({ content: tooManyText })}
        onUploadQueueChange={(tasks) => onBusyChange?.(tasks.some((task) => task.status === 'pending'))}
        beforeUpload={(file) => {
          if (file.size <= MAX_BYTES) return file;
          Toast.show({ icon: 'fail', content: tooLargeText });
          return null;
        }}
      />
    </div>
  );
}

/** The file ids of uploaded photos. */
export function photoFileIds(items: ImageUploadItem[] | undefined): string[] {
  return (items ?? []).map((item) => String(item.key));
}
