import { Alert, Empty, Radio, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { SlotAnswer } from '../../../shared/order-types';
import { useLoad } from '../../../shared/use-load';

interface Props {
  itemCode?: string;
  quantity?: number;
  districtCode?: string;
  /** The chosen slot start (ISO), as a form control. */
  value?: string;
  onChange?: (value: string | undefined) => void;
}

/** A day of the 14-day calendar, then one of its free 30-minute starts (`GET /api/admin/booking/slots`, district centre as the address). */
export function BookSlotPicker({ itemCode, quantity, districtCode, value, onChange }: Props) {
  const { t, lang } = useI18n();
  const ready = Boolean(itemCode && districtCode);
  const slots = useLoad(
    (signal) => (ready ? api<SlotAnswer>('/api/admin/booking/slots', { query: { itemCode, quantity, districtCode }, signal }) : Promise.resolve(undefined)),
    [itemCode, quantity, districtCode],
  );
  const [day, setDay] = useState<string | null>(null);
  const answer = ready ? slots.data : undefined;
  const days = answer?.days ?? [];
  const chosenDay = days.find((entry) => entry.date === day) ?? days.find((entry) => entry.slots.some((slot) => slot.start === value)) ?? days.find((entry) => entry.slots.length > 0);

  if (!ready) return <Typography.Text type="secondary">{t('book.slotsNeed')}</Typography.Text>;
  if (slots.error !== undefined) return <Alert type="warning" showIcon title={t('book.loadSlotsFailed')} description={errorText(slots.error, '')} data-testid="book-slots-error" />;
  if (!answer || slots.loading) return <Skeleton active paragraph={{ rows: 2 }} />;

  const weekday = (date: string) => t(`weekday.${new Date(`${date}T00:00:00Z`).getUTCDay()}`);
  return (
    <div data-testid="book-slots">
      <Space wrap className="a-toolbar">
        <Typography.Text type="secondary">{t('book.workerCount', { count: answer.workerCount })}</Typography.Text>
        {answer.asap && (
          <Tag color="orange" className="a-book-asap" onClick={() => { setDay(null); onChange?.(answer.asap!.start); }} data-testid="book-asap">
            {t('book.asap', { time: formatDateTime(answer.asap.start, lang) })}
          </Tag>
        )}
      </Space>
      <Radio.Group
        className="a-book-slots a-toolbar"
        optionType="button"
        value={chosenDay?.date}
        onChange={(event) => setDay(event.target.value as string)}
        data-testid="book-days"
        options={days.map((entry) => ({
          value: entry.date,
          disabled: entry.slots.length === 0,
          label: (
            <Tooltip title={t('book.daySlots', { count: entry.slots.length })}>
              <span data-testid={`book-day-${entry.date}`}>{`${entry.date.slice(5)} ${weekday(entry.date)}`}</span>
            </Tooltip>
          ),
        }))}
      />
      {chosenDay && chosenDay.slots.length > 0 ? (
        <Radio.Group
          className="a-book-slots"
          optionType="button"
          buttonStyle="solid"
          value={value}
          onChange={(event) => onChange?.(event.target.value as string)}
          data-testid="book-slot-list"
          options={chosenDay.slots.map((slot) => ({
            value: slot.start,
            label: (
              <Tooltip title={t('book.slotWorkers', { count: slot.workerCount })}>
                <span data-testid={`book-slot-${formatTime(slot.start)}`}>{formatTime(slot.start)}</span>
              </Tooltip>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('book.noSlots')} />
      )}
    </div>
  );
}
