import { Button, Calendar, List, Stepper, Tag, Toast } from 'antd-mobile';
import { AddOutline, CloseOutline } from 'antd-mobile-icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, errorText } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { minuteText, type HoursRange, type Schedule } from '../../shared/worker-types';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { useFailureToast } from '../../mobile/use-form-submit';
import { useApplication } from '../use-application';

/** Monday first, as on a Chinese calendar; 0 = Sunday in the API. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];
const DEFAULT_HOURS: HoursRange[] = [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 18 * 60 }));

/** Half-hour steps 00:00 … 24:00 for the range selects (24-hour clock whatever the device locale). */
const STEPS = Array.from({ length: 49 }, (_v, i) => i * 30);

function MinuteSelect({ value, onChange, label, from, to }: { value: number; onChange: (minute: number) => void; label: string; from: number; to: number }) {
  return (
    <select className="m-range-select" value={value} onChange={(e) => onChange(Number(e.target.value))} aria-label={label}>
      {[...new Set([...STEPS.filter((m) => m >= from && m <= to), value])].sort((a, b) => a - b).map((m) => (
        <option key={m} value={m}>
          {minuteText(m)}
        </option>
      ))}
    </select>
  );
}

/** 服务时间: weekly hours (one or more ranges per weekday), days off, longest working day and the break between jobs. */
export function ScheduleStepPage() {
  const { t } = useI18n();
  const loaded = useApplication();
  return (
    <SubPage title={t('step.schedule')} back="/">
      <LoadState loaded={loaded}>{(app) => <ScheduleForm initial={app.schedule} />}</LoadState>
    </SubPage>
  );
}

function ScheduleForm({ initial }: { initial: Schedule }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const showFailure = useFailureToast();
  const [hours, setHours] = useState<HoursRange[]>(initial.hours.length ? initial.hours : DEFAULT_HOURS);
  const [daysOff, setDaysOff] = useState<string[]>(initial.daysOff);
  const [maxHours, setMaxHours] = useState(Math.round(initial.maxMinutesPerDay / 60) || 8);
  const [minBreak, setMinBreak] = useState(initial.minBreakMinutes);
  const [rangeErrors, setRangeErrors] = useState<Map<number, string>>(new Map());
  const [saving, setSaving] = useState(false);

  const update = (index: number, change: Partial<HoursRange>) => setHours(hours.map((range, i) => (i === index ? { ...range, ...change } : range)));
  const toggleDayOff = (day: string) => setDaysOff(daysOff.includes(day) ? daysOff.filter((d) => d !== day) : [...daysOff, day].sort());

  async function save() {
    setSaving(true);
    setRangeErrors(new Map());
    try {
      await api('/api/worker/schedule', { method: 'PUT', body: { hours, daysOff, maxMinutesPerDay: maxHours * 60, minBreakMinutes: minBreak } });
      Toast.show({ icon: 'success', content: t('common.saved') });
      navigate('/');
    } catch (error) {
      // `hours.3` / `hours.3.endMinute` point at one range; show the message under it.
      const byRange = new Map<number, string>();
      if (error instanceof ApiError) {
        for (const item of error.errors) {
          const index = /hours[./](\d+)/.exec(item.field)?.[1];
          if (index !== undefined) byRange.set(Number(index), item.message);
        }
      }
      if (byRange.size) setRangeErrors(byRange);
      else showFailure(error);
      if (byRange.size) Toast.show({ icon: 'fail', content: errorText(error, t('common.failed')) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <List mode="card" header={t('schedule.weekly')} data-testid="schedule-hours">
        {WEEKDAYS.map((weekday) => {
          const ranges = hours.map((range, index) => ({ range, index })).filter(({ range }) => range.weekday === weekday);
          return (
            <List.Item
              key={weekday}
              prefix={<span className="m-weekday">{t(`weekday.${weekday}`)}</span>}
              extra={
                <Button size="mini" fill="none" aria-label={t('schedule.addRange')} onClick={() => setHours([...hours, { weekday, startMinute: 9 * 60, endMinute: 17 * 60 }])} data-testid={`hours-add-${weekday}`}>
                  <AddOutline />
                </Button>
              }
            >
              {ranges.length === 0 && <span className="m-placeholder">{t('schedule.rest')}</span>}
              {ranges.map(({ range, index }) => (
                <div key={index} className="m-range">
                  <MinuteSelect value={range.startMinute} from={0} to={1410} onChange={(startMinute) => update(index, { startMinute })} label={t('schedule.start')} />
                  <span>–</span>
                  <MinuteSelect value={range.endMinute} from={30} to={1440} onChange={(endMinute) => update(index, { endMinute })} label={t('schedule.end')} />
                  <button type="button" className="m-range-remove" aria-label={t('common.delete')} onClick={() => setHours(hours.filter((_r, i) => i !== index))}>
                    <CloseOutline />
                  </button>
                  {rangeErrors.has(index) && <div className="m-field-error">{rangeErrors.get(index)}</div>}
                </div>
              ))}
            </List.Item>
          );
        })}
      </List>

      <List mode="card" header={t('schedule.rules')}>
        <List.Item extra={<Stepper min={1} max={24} digits={0} value={maxHours} onChange={(v) => setMaxHours(v ?? 8)} data-testid="max-hours" />} description={t('schedule.maxHoursHint')}>
          {t('schedule.maxHours')}
        </List.Item>
        <List.Item extra={<Stepper min={0} max={240} step={15} digits={0} value={minBreak} onChange={(v) => setMinBreak(v ?? 0)} data-testid="min-break" />} description={t('schedule.minBreakHint')}>
          {t('schedule.minBreak')}
        </List.Item>
      </List>

      <List mode="card" header={t('schedule.daysOff')}>
        <List.Item>
          <Calendar
            selectionMode="single"
            weekStartsOn="Monday"
            value={null}
            min={dayjs().startOf('day').toDate()}
            max={dayjs().add(1, 'year').toDate()}
            onChange={(date) => date && toggleDayOff(dayjs(date).format('YYYY-MM-DD'))}
            renderLabel={(date) => (daysOff.includes(dayjs(date).format('YYYY-MM-DD')) ? <span className="m-day-off">{t('schedule.off')}</span> : null)}
          />
          <div className="m-days-off" data-testid="days-off">
            {daysOff.length === 0 && <span className="m-placeholder">{t('schedule.noDaysOff')}</span>}
            {daysOff.map((day) => (
              <Tag key={day} color="warning" fill="outline" onClick={() => toggleDayOff(day)}>
                {day} ✕
              </Tag>
            ))}
          </div>
        </List.Item>
      </List>

      <div className="m-padded">
        <Button block color="primary" size="large" loading={saving} onClick={save} data-testid="schedule-save">
          {t('common.save')}
        </Button>
      </div>
    </>
  );
}
