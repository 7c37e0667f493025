import './booking.css';
import { FireFill } from 'antd-mobile-icons';
import { useEffect, useRef, useState } from 'react';
import { CITY_TIME_ZONE, formatTime } from '../../shared/format';
import { useI18n, type Lang, type Translate } from '../../shared/i18n';
import type { SlotAnswer } from '../../shared/order-types';
import { cityDate } from '../../shared/city-days';
import { useDuration } from '../use-duration';

/** `今天` / `明天` / `周三` over `12/03` (en: `Today` / `Wed` over `3 Dec`) for a city date `YYYY-MM-DD`. */
function dayChip(t: Translate, lang: Lang, date: string, today: string, tomorrow: string): [string, string] {
  const noon = new Date(`${date}T12:00:00+08:00`);
  const weekday = t(`weekday.${noon.getUTCDay()}`);
  const top = date === today ? t('slots.today') : date === tomorrow ? t('slots.tomorrow') : weekday;
  const [, month, day] = date.split('-').map(Number);
  const bottom = lang === 'en'
    ? new Intl.DateTimeFormat('en-GB', { timeZone: CITY_TIME_ZONE, day: 'numeric', month: 'short' }).format(noon)
    : `${month}/${day}`;
  return [top, bottom];
}

function firstOpenDay(answer: SlotAnswer, value: string | null): string {
  const chosen = value ? cityDate(new Date(value)) : null;
  if (chosen && answer.days.some((d) => d.date === chosen && d.slots.length > 0)) return chosen;
  return answer.days.find((d) => d.slots.length > 0)?.date ?? answer.days[0]?.date ?? '';
}

/**
 * The booking calendar: 尽快上门 when the API offers it, a strip of the answer's days (days without a
 * free start are disabled) and the free 30-minute starts of the chosen day, in the city's time.
 */
export function SlotCalendar({ answer, value, onChange }: { answer: SlotAnswer; value: string | null; onChange: (start: string) => void }) {
  const { t, lang } = useI18n();
  const duration = useDuration();
  const [day, setDay] = useState(() => firstOpenDay(answer, value));
  const strip = useRef<HTMLDivElement>(null);
  const now = new Date();
  const today = cityDate(now);
  const tomorrow = cityDate(new Date(now.getTime() + 86_400_000));

  // A new answer (another address or worker) may have nothing on the day shown: move to the first open one.
  useEffect(() => {
    if (!answer.days.some((d) => d.date === day && d.slots.length > 0)) setDay(firstOpenDay(answer, value));
  }, [answer]);

  useEffect(() => {
    strip.current?.querySelector('[aria-pressed="true"]')?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, [day]);

  const slots = answer.days.find((d) => d.date === day)?.slots ?? [];
  const empty = answer.days.every((d) => d.slots.length === 0);

  return (
    <div className="m-slots" data-testid="slot-calendar">
      <p className="m-slots-hint">{t('slots.hint', { duration: duration(answer.durationMinutes) })}</p>
      {answer.asap && (
        <button
          type="button"
          className={value === answer.asap.start ? 'm-slot-asap m-slot-asap-on' : 'm-slot-asap'}
          aria-pressed={value === answer.asap.start}
          onClick={() => {
            setDay(cityDate(new Date(answer.asap!.start)));
            onChange(answer.asap!.start);
          }}
          data-testid="slot-asap"
          data-start={answer.asap.start}
        >
          <FireFill />
          <span className="m-slot-asap-title">{t('slots.asap')}</span>
          <span className="m-slot-asap-time">{t('slots.asapAt', { time: formatTime(answer.asap.start) })}</span>
        </button>
      )}
      {empty ? (
        <p className="m-slots-empty" data-testid="slots-none">{t('slots.none')}</p>
      ) : (
        <>
          <div className="m-slot-days" ref={strip} role="tablist" data-testid="slot-days">
            {answer.days.map((d) => {
              const [top, bottom] = dayChip(t, lang, d.date, today, tomorrow);
              const full = d.slots.length === 0;
              return (
                <button
                  key={d.date}
                  type="button"
                  role="tab"
                  className={d.date === day ? 'm-slot-day m-slot-day-on' : 'm-slot-day'}
                  aria-pressed={d.date === day}
                  disabled={full}
                  onClick={() => setDay(d.date)}
                  data-testid={`slot-day-${d.date}`}
                >
                  <span className="m-slot-day-top">{top}</span>
                  <span className="m-slot-day-date">{bottom}</span>
                  <span className="m-slot-day-note">{full ? t('slots.full') : t('slots.count', { count: d.slots.length })}</span>
                </button>
              );
            })}
          </div>
          <div className="m-slot-grid" data-testid="slot-grid">
            {slots.map((slot) => (
              <button
                key={slot.start}
                type="button"
                className={slot.start === value ? 'm-slot m-slot-on' : 'm-slot'}
                aria-pressed={slot.start === value}
                onClick={() => onChange(slot.start)}
                data-testid="slot"
                data-start={slot.start}
              >
                {formatTime(slot.start)}
              </button>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
