import { Form, Input, NoticeBar, Popup, TextArea } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { ApiError, errorText } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { PopupButtons } from '../../mobile/popup-buttons';
import { currentPosition, distanceMeters, distanceText, type LocateFailure } from './geolocation';
import { workerOrders, type Position } from './order-api';

interface CheckInValues {
  serviceCode: string;
  farReason: string;
}

interface CheckInPopupProps {
  order: OrderView;
  visible: boolean;
  onClose: () => void;
  onDone: (order: OrderView) => void;
}

/**
 * 签到: the customer's 4-digit service code and the device's position. Too far from the address
 * (CHECK_IN_TOO_FAR) shows how far and asks for a reason, then the worker tries again with it.
 */
export function CheckInPopup({ order, visible, onClose, onDone }: CheckInPopupProps) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<CheckInValues>();
  const [tooFar, setTooFar] = useState<{ detail: string; meters: number | null } | null>(null);
  const [problem, setProblem] = useState('');
  const [submitting, setSubmitting] = useState(false);
  useEffect(() => {
    if (visible) {
      form.resetFields();
      setTooFar(null);
      setProblem('');
    }
  }, [visible, form]);

  function locateText(failure: LocateFailure): string {
    return t(`checkIn.locate.${failure}`);
  }

  function howFar(position: Position): number | null {
    const { lat, lng } = order.address;
    return lat === null || lng === null ? null : distanceMeters(position, { lat, lng });
  }

  async function submit(values: CheckInValues) {
    setSubmitting(true);
    setProblem('');
    try {
      const located = await currentPosition();
      if ('failure' in located) {
        setProblem(locateText(located.failure));
        return;
      }
      const farReason = tooFar ? values.farReason.trim() : '';
      try {
        onDone(await workerOrders.checkIn(order.id, { ...located.position, serviceCode: values.serviceCode.trim(), ...(farReason ? { farReason } : {}) }));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CHECK_IN_TOO_FAR') {
          setTooFar({ detail: errorText(error, ''), meters: howFar(located.position) });
        } else if (error instanceof ApiError && error.code === 'SERVICE_CODE_INVALID') {
          form.setFields([{ name: 'serviceCode', errors: [t('checkIn.codeWrong')] }]);
        } else if (error instanceof ApiError && (error.code === 'CHECK_IN_LOCKED' || error.status === 429)) {
          setProblem(t('checkIn.locked'));
        } else {
          setProblem(errorText(error, t('common.failed')));
        }
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Popup visible={visible} onMaskClick={onClose} onClose={onClose} bodyClassName="m-order-popup" destroyOnClose>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ serviceCode: '', farReason: '' }}
        onFinish={submit}
        footer={
          <PopupButtons submitText={t(tooFar ? 'checkIn.submitWithReason' : 'checkIn.submit')} onCancel={onClose} loading={submitting} testId="check-in-submit" />
        }
      >
        <h3 className="m-popup-title">{t('checkIn.title')}</h3>
        <p className="m-popup-note">{t('checkIn.note')}</p>
        <Form.Item
          name="serviceCode"
          label={t('checkIn.code')}
          rules={[
            { required: true, message: t('checkIn.codeRequired') },
            { pattern: /^\d{4}$/, message: t('checkIn.codeInvalid') },
          ]}
        >
          <Input id="check-in-code" inputMode="numeric" maxLength={4} autoComplete="one-time-code" placeholder={t('checkIn.codeHint')} className="m-code-input" />
        </Form.Item>
        {tooFar && (
          <>
            <NoticeBar
              className="m-popup-notice"
              color="alert"
              wrap
              data-testid="check-in-too-far"
              content={tooFar.meters === null ? tooFar.detail : `${t('checkIn.farBy', { distance: distanceText(tooFar.meters, lang) })} ${tooFar.detail}`}
            />
            <Form.Item name="farReason" label={t('checkIn.farReason')} rules={[{ required: true, whitespace: true, message: t('checkIn.farReasonRequired') }]}>
              <TextArea id="check-in-far-reason" rows={3} maxLength={200} showCount placeholder={t('checkIn.farReasonHint')} />
            </Form.Item>
          </>
        )}
        {problem && (
          <p className="m-popup-error" role="alert" data-testid="check-in-problem">
            {problem}
          </p>
        )}
      </Form>
    </Popup>
  );
}
