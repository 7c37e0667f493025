import { Button, Popup } from 'antd-mobile';
import { AddOutline, CloseOutline } from 'antd-mobile-icons';
import { useMemo, useState } from 'react';
import { addDays, cityDate, cityIso, relativeDayText, visitDays, visitTimes } from '../../shared/city-days';
import { useI18n } from '../../shared/i18n';
import { MAX_WINDOWS, windowText, type TimeWindow } from '../../shared/request-types';
import { SingleSelector } from '../../mobile/single-selector';

/** Half hours after `start` up to 22:00 of the same day. */
function endTimes(start: string): string[] {
  const [h, m] = start.split(':').map(Number);
  const ends: string[] = [];
  for (let minute = h! * 60 + m! + 30; minute <= 22 * 60; minute += 30) {
    ends.push(`${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
  }
  return ends;
}

/**
 * 期望上门时间: 1–3 windows, each a day of the next 14 and a from–until time (07:00–21:00 starts, every 30 minutes,
 * like a booking); added in a popup, removed with ×.
 */
export function WindowField({ value = [], onChange }: { value?: TimeWindow[]; onChange?: (windows: TimeWindow[]) => void }) {
  const { t, lang } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <div className="m-request-windows" data-testid="request-windows" data-count={value.length}>
      {value.map((window, index) => (
        <div key={`${window.start}-${window.end}`} className="m-request-window" data-testid="request-window" data-start={window.start} data-end={window.end}>
          <span>{windowText(window, lang)}</span>
          <button type="button" className="m-request-window-remove" aria-label={t('requests.form.windowRemove')} onClick={() => onChange?.(value.filter((_, i) => i !== index))}>
            <CloseOutline />
          </button>
        </div>
      ))}
      {value.length < MAX_WINDOWS && (
        <Button size="small" fill="outline" color="primary" onClick={() => setAdding(true)} data-testid="request-window-add">
          <AddOutline /> {t('requests.form.addWindow')}
        </Button>
      )}
      <Popup visible={adding} onMaskClick={() => setAdding(false)} onClose={() => setAdding(false)} destroyOnClose bodyClassName="m-request-window-popup">
        {adding && (
          <WindowPicker
            onCancel={() => setAdding(false)}
            onPick={(window) => {
              setAdding(false);
              const others = value.filter((w) => !(w.start === window.start && w.end === window.end));
              onChange?.([...others, window].sort((a, b) => a.start.localeCompare(b.start)));
            }}
          />
        )}
      </Popup>
    </div>
  );
}

function WindowPicker({ onPick, onCancel }: { onPick: (window: TimeWindow) => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const now = useMemo(() => new Date(), []);
  const today = cityDate(now);
  const days = visitDays(now);
  const [day, setDay] = useState(() => (visitTimes(today, now).length > 0 ? today : addDays(today, 1)));
  const starts = visitTimes(day, now);
  const [start, setStart] = useState<string | null>(null);
  const [end, setEnd] = useState<string | null>(null);
  const ends = start ? endTimes(start) : [];

  return (
    <div className="m-request-window-picker" data-testid="request-window-picker">
      <h3 className="m-request-popup-title">{t('requests.form.addWindow')}</h3>
      <div className="m-request-label">{t('requests.form.windowDay')}</div>
      <SingleSelector
        className="m-request-days"
        showCheckMark={false}
        value={[day]}
        onChange={(next) => {
          setDay(next[0]!);
          setStart(null);
          setEnd(null);
        }}
        options={days.map((value) => ({ value, label: relativeDayText(value, today, lang) }))}
        data-testid="request-window-days"
      />
      <div className="m-request-label">{t('requests.form.windowStart')}</div>
      {starts.length === 0 && <p className="m-request-hint">{t('requests.form.windowNoTimes')}</p>}
      <SingleSelector
        columns={5}
        showCheckMark={false}
        value={start ? [start] : []}
        onChange={(next) => {
          setStart(next[0]!);
          setEnd(endTimes(next[0]).find((time) => time >= addHours(next[0]!, 3)) ?? endTimes(next[0]).at(-1) ?? null);
        }}
        options={starts.map((value) => ({ value, label: value }))}
        data-testid="request-window-starts"
      />
      {start && (
        <>
          <div className="m-request-label">{t('requests.form.windowEnd')}</div>
          <SingleSelector
            columns={5}
            showCheckMark={false}
            value={end ? [end] : []}
            onChange={(next) => setEnd(next[0]!)}
            options={ends.map((value) => ({ value, label: value }))}
            data-testid="request-window-ends"
          />
        </>
      )}
      <div className="m-request-window-buttons">
        <PopupButtonsLike
          disabled={!start || !end}
          onCancel={onCancel}
          onOk={() => start && end && onPick({ start: cityIso(day, start), end: cityIso(day, end) })}
        />
      </div>
    </div>
  );
}

/** `HH:mm` plus whole hours (may pass midnight: then it sorts after every time of the day). */
function addHours(time: string, hours: number): string {
  const [h, m] = time.split(':').map(Number);
  return `${String(h! + hours).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** 取消 / 确定 side by side, as PopupButtons, but without a form to submit. */
function PopupButtonsLike({ disabled, onCancel, onOk }: { disabled: boolean; onCancel: () => void; onOk: () => void }) {
  const { t } = useI18n();
  return (
    <div className="m-popup-buttons">
      <Button block onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button block color="primary" disabled={disabled} onClick={onOk} data-testid="request-window-ok">
        {t('common.confirm')}
      </Button>
    </div>
  );
}
