import { Form, Input, Popup, TextArea, Toast } from 'antd-mobile';
import { useEffect } from 'react';
import { yuanToFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { PopupButtons } from '../../mobile/popup-buttons';
import { useFormSubmit } from '../../mobile/use-form-submit';
import { workerOrders } from './order-api';

interface ExtraValues {
  title: string;
  amount: string;
  reason: string;
}

const YUAN = /^(?:0|[1-9]\d{0,5})(?:\.\d{1,2})?$/;

/** 加项: extra work found on site (title, amount in 元 sent as integer fen, reason) for the customer to accept or refuse. */
export function ExtraPopup({ orderId, visible, onClose, onDone }: { orderId: string; visible: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ExtraValues>();
  useEffect(() => {
    if (visible) form.resetFields();
  }, [visible, form]);
  const { submitting, submit } = useFormSubmit(form, ['title', 'amountFen', 'reason'], async (values: ExtraValues) => {
    await workerOrders.proposeExtra(orderId, { title: values.title.trim(), amountFen: yuanToFen(values.amount.trim()) ?? 0, reason: values.reason.trim() });
    Toast.show({ icon: 'success', content: t('extra.sent') });
    onDone();
  });

  return (
    <Popup visible={visible} onMaskClick={onClose} onClose={onClose} bodyClassName="m-order-popup" destroyOnClose>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ title: '', amount: '', reason: '' }}
        onFinish={submit}
        footer={
          <PopupButtons submitText={t('extra.submit')} onCancel={onClose} loading={submitting} testId="extra-submit" />
        }
      >
        <h3 className="m-popup-title">{t('extra.title')}</h3>
        <p className="m-popup-note">{t('extra.note')}</p>
        <Form.Item name="title" label={t('extra.name')} rules={[{ required: true, whitespace: true, message: t('extra.nameRequired') }]}>
          <Input id="extra-title" maxLength={50} clearable placeholder={t('extra.nameHint')} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('extra.amount')}
          rules={[
            { required: true, message: t('extra.amountRequired') },
            {
              validator: async (_rule, value: string) => {
                const text = (value ?? '').trim();
                if (text && (!YUAN.test(text) || Number(text) <= 0)) throw new Error(t('extra.amountInvalid'));
              },
            },
          ]}
        >
          <Input id="extra-amount" inputMode="decimal" placeholder={t('extra.amountHint')} />
        </Form.Item>
        <Form.Item name="reason" label={t('extra.reason')} rules={[{ required: true, whitespace: true, message: t('extra.reasonRequired') }]}>
          <TextArea id="extra-reason" rows={3} maxLength={300} showCount placeholder={t('extra.reasonHint')} />
        </Form.Item>
      </Form>
    </Popup>
  );
}
