import { Form, Popup, Selector, TextArea } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n';
import { PopupButtons } from '../../mobile/popup-buttons';
import { useFormSubmit } from '../../mobile/use-form-submit';

const REASONS = ['conflict', 'far', 'skill', 'other'] as const;
type ReasonKey = (typeof REASONS)[number];

interface DeclineValues {
  reason: ReasonKey[];
  text: string;
}

interface DeclinePopupProps {
  visible: boolean;
  /** Giving back an order already accepted (退单) rather than declining an offer. */
  giveBack: boolean;
  onClose: () => void;
  /** Sends the reason; the popup closes when it resolves. */
  onSubmit: (reason: string) => Promise<void>;
}

/** 拒单 / 退单: a reason from the list (时间冲突, 距离太远, 技能不符, 其他) plus free text (required for 其他). */
export function DeclinePopup({ visible, giveBack, onClose, onSubmit }: DeclinePopupProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<DeclineValues>();
  const [picked, setPicked] = useState<ReasonKey | undefined>();
  useEffect(() => {
    if (visible) {
      form.resetFields();
      setPicked(undefined);
    }
  }, [visible, form]);
  const { submitting, submit } = useFormSubmit(form, ['reason'], async (values: DeclineValues) => {
    const key = values.reason[0]!;
    const text = (values.text ?? '').trim();
    await onSubmit(key === 'other' ? text : text ? `${t(`decline.${key}`)}：${text}` : t(`decline.${key}`));
  });

  return (
    <Popup visible={visible} onMaskClick={onClose} onClose={onClose} bodyClassName="m-order-popup" destroyOnClose>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reason: [], text: '' }}
        onFinish={submit}
        onValuesChange={(_changed, all: DeclineValues) => setPicked(all.reason?.[0])}
        footer={
          <PopupButtons submitText={t(giveBack ? 'decline.giveBackSubmit' : 'decline.submit')} onCancel={onClose} color="danger" loading={submitting} testId="decline-submit" />
        }
      >
        <h3 className="m-popup-title">{t(giveBack ? 'decline.giveBackTitle' : 'decline.title')}</h3>
        {giveBack && <p className="m-popup-note">{t('decline.giveBackNote')}</p>}
        <Form.Item name="reason" label={t('decline.reason')} rules={[{ required: true, type: 'array', min: 1, message: t('decline.reasonRequired') }]}>
          <Selector columns={2} options={REASONS.map((value) => ({ value, label: t(`decline.${value}`) }))} data-testid="decline-reasons" />
        </Form.Item>
        <Form.Item
          name="text"
          label={t(picked === 'other' ? 'decline.textRequired' : 'decline.text')}
          rules={[{ required: picked === 'other', whitespace: true, message: t('decline.textMissing') }]}
        >
          <TextArea id="decline-text" rows={3} maxLength={200} showCount placeholder={t('decline.textHint')} />
        </Form.Item>
      </Form>
    </Popup>
  );
}
