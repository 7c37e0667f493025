import { Toast } from 'antd-mobile';
import { errorText } from '../shared/api';
import type { FormWithFields } from '../shared/form-errors';
import { useI18n } from '../shared/i18n';
import { useFormSubmit as useSubmit, type ErrorClaim } from '../shared/use-form-submit';

function showFailure(content: string) {
  Toast.show({ icon: 'fail', content, duration: 3000 });
}

/** Shows a failed request as a "fail" toast. */
export function useFailureToast(): (error: unknown) => void {
  const { t } = useI18n();
  return (error) => showFailure(errorText(error, t('common.failed')));
}

/**
 * An H5 form's submit: errors go under the matching `fields`, the rest into a "fail" toast;
 * `claim` sees each error first (return true when it has shown it itself).
 */
export function useFormSubmit<V>(form: FormWithFields, fields: readonly string[], action: (values: V) => Promise<unknown>, claim?: ErrorClaim) {
  return useSubmit(form, fields, action, showFailure, claim);
}
