import { Toast } from 'antd-mobile';
import { useRef, useState, type ChangeEvent } from 'react';
import { useFailureToast } from './use-form-submit';

/**
 * A hidden file input's change handler: checks the size, posts the file as multipart `file` through
 * `send`, hands the answer to `onDone`, and shows failures as a toast.
 */
export function useFileUpload<T>(maxBytes: number, tooLarge: string, send: (body: FormData) => Promise<T>, onDone: (answer: T) => void) {
  const showFailure = useFailureToast();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > maxBytes) {
      Toast.show({ icon: 'fail', content: tooLarge });
      return;
    }
    const body = new FormData();
    body.append('file', file);
    setUploading(true);
    try {
      onDone(await send(body));
    } catch (error) {
      showFailure(error);
    } finally {
      setUploading(false);
    }
  }
  return { input, uploading, onChange };
}
