import { Form, Input } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useI18n } from '../shared/i18n';
import { PHONE_PATTERN } from '../shared/phone';

interface PhoneItemProps {
  name: string;
  label: string;
  id: string;
  placeholder: string;
  /** False where an empty value keeps the stored number. */
  required?: boolean;
  description?: ReactNode;
  autoComplete?: string;
}

/** A form item for a mainland mobile number (11 digits, numeric keypad). */
export function PhoneItem({ name, label, id, placeholder, required = true, description, autoComplete }: PhoneItemProps) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} description={description} rules={[{ required, pattern: PHONE_PATTERN, message: t('field.phoneInvalid') }]}>
      <Input id={id} type="tel" inputMode="numeric" maxLength={11} placeholder={placeholder} autoComplete={autoComplete} clearable />
    </Form.Item>
  );
}
