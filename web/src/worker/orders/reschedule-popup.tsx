import { Form, Popup, Selector, TextArea, Toast } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { cityDate, cityIso, relativeDayText, visitDays, visitTimes } from '../../shared/city-days';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { PopupButtons } from '../../mobile/popup-buttons';
import { useFormSubmit } from '../../mobile/use-form-submit';
import { workerOrders } from './order-api';

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
  // Bookable like a new order: the next 14 days, 07:00–21:00 every 30 minutes, only times still ahead.
  const days = visitDays(now);
  const [day, setDay] = useState(today);
  const times = visitTimes(day, now);
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
          <PopupButtons submitText={t('reschedule.submit')} onCancel={onClose} loading={submitting} testId="reschedule-submit" />
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
