import type { Messages } from './i18n';

/** Weekday names keyed by JavaScript's day number (0 = Sunday), for every portal's message table. */
export const weekdayMessages: Messages = {
  'weekday.0': ['周日', 'Sun'],
  'weekday.1': ['周一', 'Mon'],
  'weekday.2': ['周二', 'Tue'],
  'weekday.3': ['周三', 'Wed'],
  'weekday.4': ['周四', 'Thu'],
  'weekday.5': ['周五', 'Fri'],
  'weekday.6': ['周六', 'Sat'],
};
