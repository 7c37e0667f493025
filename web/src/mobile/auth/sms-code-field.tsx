import { Button, Form, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n';
import type { SmsSendAnswer } from '../../shared/types';
import { useFailureToast } from '../use-form-submit';
import { useCountdown } from './use-countdown';

interface SmsCodeFieldProps {
  /** Asks the API for a code; resolves undefined when the form is not ready (e.g. invalid phone). */
  send: () => Promise<SmsSendAnswer | undefined>;
  id: string;
}

/** The 6-digit code input with a "获取验证码" button and its 60 s countdown. */
export function SmsCodeField({ send, id }: SmsCodeFieldProps) {
  const { t } = useI18n();
  const [secondsLeft, startCountdown] = useCountdown();
  const [sending, setSending] = useState(false);
  const showFailure = useFailureToast();

  async function sendCode() {
    setSending(true);
    try {
      const answer = await send();
      if (!answer) return;
      startCountdown(answer.resendAfterSeconds);
      Toast.show({ icon: 'success', content: t('auth.codeSent') });
    } catch (error) {
      showFailure(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <Form.Item
      name="code"
      label={t('field.code')}
      rules={[{ required: true, pattern: /^\d{6}$/, message: t('field.codeInvalid') }]}
      extra={
        <Button
          size="small"
          color="primary"
          fill="none"
          loading={sending}
          disabled={secondsLeft > 0}
          onClick={sendCode}
          data-testid={`${id}-send`}
        >
          {secondsLeft > 0 ? t('auth.resendIn', { seconds: secondsLeft }) : t('auth.sendCode')}
        </Button>
      }
    >
      <Input id={id} placeholder={t('field.code')} inputMode="numeric" maxLength={6} autoComplete="one-time-code" clearable />
    </Form.Item>
  );
}
