import { useI18n } from '../../shared/i18n';
import { timeLeftText, type RequestStatus } from '../../shared/request-types';
import { useNow } from '../../shared/use-now';

/** antd-mobile Tag colours of the request states. */
export const STATUS_COLORS: Record<RequestStatus, string> = { draft: 'default', open: 'primary', chosen: 'success', expired: 'warning', cancelled: 'default' };

/** `5 小时 12 分后截止` until `expiresAt` (refreshed every 30 s); null without one or once passed. */
export function useDeadline(expiresAt: string | null): string | null {
  const { t, lang } = useI18n();
  const now = useNow(30_000);
  if (!expiresAt) return null;
  const left = Date.parse(expiresAt) - now;
  return left > 0 ? t('request.expiresIn', { time: timeLeftText(left, lang) }) : null;
}
