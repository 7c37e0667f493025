import { PhoneFill } from 'antd-mobile-icons';
import { useI18n } from '../../shared/i18n';
import { usePortal } from '../portal';

/** 联系师傅 / 联系客户: dials the order's relay number (never a real phone); nothing when the order gives none. */
export function RelayCall({ phone }: { phone: string | null }) {
  const { t } = useI18n();
  const { role } = usePortal();
  if (!phone) return null;
  return (
    <div className="m-chat-call">
      <span className="m-chat-call-hint">{t('chat.callHint', { phone })}</span>
      <a className="m-chat-call-button" href={`tel:${phone.replace(/[^\d+]/g, '')}`} data-testid="chat-call">
        <PhoneFill /> {t(`chat.call.${role}`)}
      </a>
    </div>
  );
}
