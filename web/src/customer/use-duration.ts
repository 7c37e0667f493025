import { useI18n } from '../shared/i18n';

/** Formats a duration in minutes as `90 分钟`, `2 小时` or `1 小时 30 分钟`. */
export function useDuration(): (minutes: number) => string {
  const { t } = useI18n();
  return (total) => {
    const hours = Math.floor(total / 60);
    const minutes = total % 60;
    if (hours === 0 || total < 90) return t('duration.minutes', { minutes: total });
    return minutes === 0 ? t('duration.hours', { hours }) : t('duration.hoursMinutes', { hours, minutes });
  };
}
