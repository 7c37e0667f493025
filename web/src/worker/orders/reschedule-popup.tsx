import { Button, Form, Popup, Selector, TextArea, Toast } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { useFormSubmit } from '../../mobile/use-form-submit';
import { addDays, cityDate, cityIso, relativeDayText } from '../schedule/city-days';
import { workerOrders } from './order-api';

// Bookable like a new order: the next 14 days, 07:00–21:00 every 30 minutes, only times still ahead.
const DAYS = 14;
const TIMES = Array.from({ length: 29 }, (_v, i) => {
  const minute = 7 * 60 + i * 30;
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
});

interface RescheduleValues {
  day: string[];
  time: string[];
  reason: string;
}

/** 改约: the worker asks for a new time (ops review it, then the customer agrees). */
export function ReschedulePopup({ order, visible, onClose, onDone }: { order: OrderView; visible: boolean; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<RescheduleValues>();
  const now = useMemo(() => new Date(), [visible]);
  const today = cityDate(now);
  const days = Array.from({ length: DAYS }, (_v, i) => addDays(today, i));
  const [day, setDay] = useState(today);
  const times = TIMES.filter((time) => new Date(cityIso(day, time)).getTime() > now.getTime());
  useEffect(() => {
    if (visible) {
      form.resetFields();
      setDay(today);
    }
  }, [visible, form, today]);

  const { submitting, submit } = useFormSubmit(form, ['start', 'reason'], async (values: RescheduleValues) => {
    const start = cityIso(values.day[0]!, values.time[0]!);
    if (start === new Date(order.scheduledStart).toISOString()) {
      form.setFields([{ name: 'time', errors: [t('reschedule.sameTime')] }]);
      return;
    }
    await workerOrders.reschedule(order.id, { start, reason: values.reason.trim() });
    Toast.show({ icon: 'success', content: t('reschedule.sent') });
    onDone();
  });

  return (
    <Popup visible={visible} onMaskClick={onClose} onClose={onClose} bodyClassName="m-order-popup m-order-popup-tall" destroyOnClose>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ day: [today], time: [], reason: '' }}
        onFinish={submit}
        onValuesChange={(changed: Partial<RescheduleValues>) => {
          if (changed.day?.[0]) {
            setDay(changed.day[0]);
            form.setFieldValue('time', []);
          }
        }}
        footer={
          <div className="m-popup-buttons">
            <Button block onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button block type="submit" color="primary" loading={submitting} data-testid="reschedule-submit">
              {t('reschedule.submit')}
            </Button>
          </div>
        }
      >
        <h3 className="m-popup-title">{t('reschedule.title')}</h3>
        <p className="m-popup-note">{t('reschedule.note')}</p>
        <Form.Item name="day" label={t('reschedule.day')} rules={[{ required: true, type: 'array', min: 1, message: t('reschedule.dayRequired') }]}>
          <Selector
            className="m-day-selector"
            showCheckMark={false}
            options={days.map((value) => ({ value, label: relativeDayText(value, today, lang) }))}
            data-testid="reschedule-days"
          />
        </Form.Item>
        <Form.Item name="time" label={t('reschedule.time')} rules={[{ required: true, type: 'array', min: 1, message: t('reschedule.timeRequired') }]}>
          <Selector columns={4} showCheckMark={false} options={times.map((value) => ({ value, label: value }))} data-testid="reschedule-times" />
        </Form.Item>
        {times.length === 0 && <p className="m-popup-note">{t('reschedule.noTimes')}</p>}
        <Form.Item name="reason" label={t('reschedule.reason')} rules={[{ required: true, whitespace: true, message: t('reschedule.reasonRequired') }]}>
          <TextArea id="reschedule-reason" rows={3} maxLength={200} showCount placeholder={t('reschedule.reasonHint')} />
        </Form.Item>
      </Form>
    </Popup>
  );
}
