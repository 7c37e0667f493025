import './schedule.css';
import { Badge, Button, NavBar, Segmented } from 'antd-mobile';
import { LeftOutline, RightOutline } from 'antd-mobile-icons';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../shared/i18n';
import { LoadState } from '../../mobile/layout/load-state';
import { addDays, cityDate, dayText, mondayOf, relativeDayText, weekdayOf } from '../../shared/city-days';
import { DayRoute } from './day-route';
import { DayView } from './day-view';
import { useWeek } from './use-week';
import { WeekView } from './week-view';

type Mode = 'day' | 'week';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 日程: my accepted work as a day grid or a week list, with day / week navigation. */
export function ScheduleTab() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const today = cityDate(new Date());
  const mode: Mode = params.get('mode') === 'week' ? 'week' : 'day';
  const dayParam = params.get('day');
  const day = dayParam && DAY.test(dayParam) ? dayParam : today;
  const monday = mondayOf(day);
  const loaded = useWeek(monday);
  const go = (next: { mode?: Mode; day?: string }) => setParams({ mode: next.mode ?? mode, day: next.day ?? day }, { replace: true });
  const from = `/schedule?mode=${mode}&day=${day}`;
  const step = mode === 'day' ? 1 : 7;
  const title = mode === 'day' ? relativeDayText(day, today, lang) : `${dayText(monday, lang)} – ${dayText(addDays(monday, 6), lang)}`;

  return (
    <div className="m-schedule-tab">
      <NavBar className="m-navbar" backIcon={false}>
        {t('tab.calendar')}
      </NavBar>
      <div className="m-cal-toolbar">
        <Segmented
          value={mode}
          onChange={(next) => go({ mode: next === 'week' ? 'week' : 'day' })}
          options={(['day', 'week'] as const).map((value) => ({ value, label: <span data-testid={`calendar-mode-${value}`}>{t(`calendar.${value}`)}</span> }))}
        />
        <Button size="small" fill="outline" disabled={mode === 'day' ? day === today : monday === mondayOf(today)} onClick={() => go({ day: today })} data-testid="calendar-today">
          {t(mode === 'day' ? 'calendar.today' : 'calendar.thisWeek')}
        </Button>
      </div>
      <div className="m-cal-nav">
        <Button fill="none" size="small" aria-label={t(mode === 'day' ? 'calendar.prevDay' : 'calendar.prevWeek')} onClick={() => go({ day: addDays(day, -step) })} data-testid="calendar-prev">
          <LeftOutline />
        </Button>
        <span className="m-cal-title" data-testid="calendar-title">
          {title}
        </span>
        <Button fill="none" size="small" aria-label={t(mode === 'day' ? 'calendar.nextDay' : 'calendar.nextWeek')} onClick={() => go({ day: addDays(day, step) })} data-testid="calendar-next">
          <RightOutline />
        </Button>
      </div>
      {mode === 'day' && (
        <div className="m-cal-strip">
          {Array.from({ length: 7 }, (_v, i) => addDays(monday, i)).map((d) => {
            const count = loaded.data?.get(d)?.length ?? 0;
            const classes = ['m-cal-strip-day', d === day ? 'm-cal-strip-on' : '', d === today ? 'm-cal-strip-today' : ''].filter(Boolean).join(' ');
            return (
              <button type="button" key={d} className={classes} onClick={() => go({ day: d })} data-testid={`calendar-strip-${d}`}>
                <span>{t(`weekday.${weekdayOf(d)}`)}</span>
                <Badge content={count ? count : null} style={{ '--right': '-10px', '--top': '2px' }}>
                  <strong>{Number(d.slice(8))}</strong>
                </Badge>
              </button>
            );
          })}
        </div>
      )}
      {mode === 'day' && <DayRoute day={day} from={from} />}
      <LoadState loaded={loaded}>
        {(byDay) =>
          mode === 'day' ? (
            <DayView day={day} entries={byDay.get(day) ?? []} from={from} />
          ) : (
            <WeekView monday={monday} today={today} byDay={byDay} onPickDay={(d) => go({ mode: 'day', day: d })} from={from} />
          )
        }
      </LoadState>
    </div>
  );
}
