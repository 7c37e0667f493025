import { App, type FormInstance, type ModalProps } from 'antd';
import { useI18n } from '../shared/i18n';
import { useFormSubmit, type ErrorClaim } from '../shared/use-form-submit';

/**
 * The props of a form modal (spread them on `<Modal>`): OK validates the form, then runs `action`;
 * errors go under the matching `fields`, the rest into `message.error`. Cancel calls `onClose(false)`;
 * `action` calls `onClose(true)` itself once done. `claim` may show an error itself first (e.g. under renamed fields).
 */
export function useFormModal<V>(
  form: FormInstance<V>,
  fields: readonly string[],
  onClose: (changed: boolean) => void,
  action: (values: V) => Promise<unknown>,
  claim?: ErrorClaim,
): ModalProps {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { submitting, submit } = useFormSubmit(form, fields, action, (text) => message.error(text), claim);

  async function save() {
    const values = await form.validateFields().catch(() => null);
    if (values) await submit(values);
  }

  return {
    open: true,
    okText: t('common.save'),
    cancelText: t('common.cancel'),
    confirmLoading: submitting,
    onOk: save,
    onCancel: () => onClose(false),
    destroyOnHidden: true,
  };
}
