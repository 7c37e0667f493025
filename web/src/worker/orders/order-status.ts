import type { LocalText, OrderState } from '../../shared/order-types';
import type { Lang } from '../../shared/i18n';

/** antd-mobile Tag colours of the order states. */
export const STATE_COLORS: Record<OrderState, string> = {
  created: 'default',
  paid: 'warning',
  assigned: 'primary',
  on_the_way: 'primary',
  in_service: 'success',
  awaiting_confirmation: 'success',
  completed: 'default',
  closed: 'default',
  cancelled: 'default',
  disputed: 'danger',
  refunded: 'default',
};

export function pickText(lang: Lang, text: LocalText): string {
  return lang === 'en' ? text.en || text.zh : text.zh;
}

export function itemName(lang: Lang, order: { itemName: string; itemNameEn: string }): string {
  return lang === 'en' && order.itemNameEn ? order.itemNameEn : order.itemName;
}
