import { Form, Popup, TextArea } from 'antd-mobile';
import { useEffect } from 'react';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { PopupButtons } from '../../mobile/popup-buttons';
import { useFormSubmit } from '../../mobile/use-form-submit';

interface FinishPopupProps {
  visible: boolean;
  /** Until when finishing needs a reason (the booked duration has mostly not passed yet). */
  until: string;
  bookedMinutes: number;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}

/** 提前完成: finishing well before the booked duration has passed asks why; the customer reads it on the order. */
export function FinishPopup({ visible, until, bookedMinutes, onClose, onSubmit }: FinishPopupProps) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (visible) form.resetFields();
  }, [visible, form]);
  const { submitting, submit } = useFormSubmit(form, ['reason'], async (values: { reason: string }) => onSubmit(values.reason.trim()));
  return (
    <Popup visible={visible} onMaskClick={onClose} onClose={onClose} bodyClassName="m-order-popup" destroyOnClose>
      <Form form={form} layout="vertical" initialValues={{ reason: '' }} onFinish={submit}
        footer={<PopupButtons submitText={t('finish.submit')} onCancel={onClose} loading={submitting} testId="finish-submit" />}>
        <h3 className="m-popup-title">{t('finish.earlyTitle')}</h3>
        <p className="m-popup-note" data-testid="finish-early-note">{t('finish.earlyNote', { minutes: bookedMinutes, time: formatDateTime(until, lang) })}</p>
        <Form.Item name="reason" label={t('finish.reason')} rules={[{ required: true, whitespace: true, message: t('finish.reasonMissing') }]}>
          <TextArea id="finish-reason" rows={3} maxLength={200} showCount placeholder={t('finish.reasonHint')} />
        </Form.Item>
      </Form>
    </Popup>
  );
}
