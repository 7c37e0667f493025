import { Avatar, SpinLoading, Toast } from 'antd-mobile';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useSession, useUser } from '../session';
import { useFileUpload } from '../use-file-upload';

const MAX_BYTES = 2 * 1024 * 1024;

/** The avatar; tapping it picks an image and uploads it to `POST /api/me/avatar`. */
export function AvatarPicker() {
  const { t } = useI18n();
  const user = useUser();
  const { setUser } = useSession();
  const { input, uploading, onChange: upload } = useFileUpload(
    MAX_BYTES, t('profile.avatarTooLarge'),
    (body) => api<{ avatarUrl: string }>('/api/me/avatar', { body }),
    ({ avatarUrl }) => {
      setUser({ ...user, avatarUrl });
      Toast.show({ icon: 'success', content: t('profile.avatarUpdated') });
    },
  );

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
