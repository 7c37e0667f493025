import { useNavigate } from 'react-router';
import { formatTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { CalendarEntry } from '../../shared/order-types';
import { minutesIntoDay } from '../../shared/city-days';
import { ENTRY_CLASS } from './entry-status';

const HOUR_PX = 56;
const DEFAULT_FIRST_HOUR = 7;
const DEFAULT_LAST_HOUR = 21;

/** One day as an hour grid (07:00–21:00, widened to fit the jobs), each job a block that opens the order. */
export function DayView({ day, entries, from }: { day: string; entries: CalendarEntry[]; from: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const spans = entries.map((entry) => ({
    entry,
    start: Math.max(0, minutesIntoDay(entry.start, day)),
    end: Math.min(24 * 60, minutesIntoDay(entry.end, day)),
  }));
  const firstHour = Math.min(DEFAULT_FIRST_HOUR, ...spans.map((s) => Math.floor(s.start / 60)));
  const lastHour = Math.max(DEFAULT_LAST_HOUR, ...spans.map((s) => Math.ceil(s.end / 60)));
  const hours = Array.from({ length: lastHour - firstHour + 1 }, (_v, i) => firstHour + i);
  const px = (minute: number) => ((minute - firstHour * 60) / 60) * HOUR_PX;

  return (
    <div className="m-cal-day" data-testid="calendar-day" data-day={day}>
      {entries.length === 0 && <p className="m-cal-free">{t('calendar.free')}</p>}
      <div className="m-cal-grid" style={{ height: (lastHour - firstHour) * HOUR_PX + 1 }}>
        {hours.map((hour) => (
          <div key={hour} className="m-cal-hour" style={{ top: px(hour * 60) }}>
            <span>{`${String(hour).padStart(2, '0')}:00`}</span>
          </div>
        ))}
        {spans.map(({ entry, start, end }) => (
          <button
            type="button"
            key={entry.orderId}
            className={`m-cal-block ${ENTRY_CLASS[entry.status] ?? ''}`}
            style={{ top: px(start), height: Math.max(28, px(end) - px(start)) }}
            onClick={() => navigate(`/orders/${entry.orderId}`, { state: { from } })}
            data-testid="calendar-entry"
            data-order-no={entry.orderNo}
          >
            <strong>{lang === 'en' && entry.itemNameEn ? entry.itemNameEn : entry.itemName}</strong>
            <span>
              {formatTime(entry.start)}–{formatTime(entry.end)} · {entry.districtName} · {t(`calendar.state.${entry.status}`)}
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}
