import { Button, type ButtonProps } from 'antd-mobile';
import { useI18n } from '../shared/i18n';

interface PopupButtonsProps {
  /** Text of the submit button. */
  submitText: string;
  onCancel: () => void;
  color?: ButtonProps['color'];
  loading?: boolean;
  disabled?: boolean;
  testId?: string;
}

/** The footer of a popup form: 取消 and the form's submit button side by side. */
export function PopupButtons({ submitText, onCancel, color = 'primary', loading, disabled, testId }: PopupButtonsProps) {
  const { t } = useI18n();
  return (
    <div className="m-popup-buttons">
      <Button block onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button block type="submit" color={color} loading={loading} disabled={disabled} data-testid={testId}>
        {submitText}
      </Button>
    </div>
  );
}
