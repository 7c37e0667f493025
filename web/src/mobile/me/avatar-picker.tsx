import { Avatar, SpinLoading, Toast } from 'antd-mobile';
import { useRef, useState, type ChangeEvent } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useSession, useUser } from '../session';
import { useFailureToast } from '../use-form-submit';

const MAX_BYTES = 2 * 1024 * 1024;

/** The avatar; tapping it picks an image and uploads it to `POST /api/me/avatar`. */
export function AvatarPicker() {
  const { t } = useI18n();
  const user = useUser();
  const { setUser } = useSession();
  const showFailure = useFailureToast();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES) {
      Toast.show({ icon: 'fail', content: t('profile.avatarTooLarge') });
      return;
    }
    const body = new FormData();
    body.append('file', file);
    setUploading(true);
    try {
      const { avatarUrl } = await api<{ avatarUrl: string }>('/api/me/avatar', { body });
      setUser({ ...user, avatarUrl });
      Toast.show({ icon: 'success', content: t('profile.avatarUpdated') });
    } catch (error) {
      showFailure(error);
    } finally {
      setUploading(false);
    }
  }

  return (
    <button type="button" className="m-avatar-picker" onClick={() => input.current?.click()} aria-label={t('profile.avatar')}>
      <span className="m-avatar-wrap">
        <Avatar src={user.avatarUrl ?? ''} className="m-avatar-large" />
        {uploading && <SpinLoading className="m-avatar-spin" />}
      </span>
      <span className="m-note">{t('profile.avatarHint')}</span>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        hidden
        onChange={upload}
        data-testid="avatar-input"
      />
    </button>
  );
}
