import { List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { formatTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { CalendarEntry } from '../../shared/order-types';
import { addDays, relativeDayText } from '../../shared/city-days';

interface WeekViewProps {
  monday: string;
  today: string;
  byDay: Map<string, CalendarEntry[]>;
  onPickDay: (day: string) => void;
  from: string;
}

/** Monday to Sunday, each day with its jobs (tap a job to open it, a day to see it on the hour grid). */
export function WeekView({ monday, today, byDay, onPickDay, from }: WeekViewProps) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const days = Array.from({ length: 7 }, (_v, i) => addDays(monday, i));
  return (
    <div data-testid="calendar-week" data-monday={monday}>
      {days.map((day) => {
        const entries = byDay.get(day) ?? [];
        return (
          <List
            key={day}
            mode="card"
            className={day === today ? 'm-cal-week-day m-cal-today' : 'm-cal-week-day'}
            header={
              <button type="button" className="m-cal-week-head" onClick={() => onPickDay(day)} data-testid={`calendar-week-day-${day}`}>
                <span>{relativeDayText(day, today, lang)}</span>
                <span className="m-order-meta">{entries.length ? t('calendar.jobs', { count: entries.length }) : t('calendar.none')}</span>
              </button>
            }
          >
            {entries.map((entry) => (
              <List.Item
                key={entry.orderId}
                onClick={() => navigate(`/orders/${entry.orderId}`, { state: { from } })}
                prefix={<span className="m-cal-week-time">{formatTime(entry.start)}</span>}
                description={`${formatTime(entry.start)}–${formatTime(entry.end)} · ${entry.districtName}`}
                extra={<Tag color="primary" fill="outline">{t(`calendar.state.${entry.status}`)}</Tag>}
                data-testid="calendar-entry"
                data-order-no={entry.orderNo}
              >
                {lang === 'en' && entry.itemNameEn ? entry.itemNameEn : entry.itemName}
              </List.Item>
            ))}
          </List>
        );
      })}
    </div>
  );
}
