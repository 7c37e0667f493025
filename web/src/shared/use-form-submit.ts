import { useState } from 'react';
import { errorText } from './api';
import { applyFieldErrors, type FormWithFields } from './form-errors';
import { useI18n } from './i18n';

/** Return true when the error has been shown (then the field mapping and `showError` are skipped). */
export type ErrorClaim = (error: unknown) => boolean;

/**
 * The submit of a form: `submitting` while `action` runs; a failure goes under the matching
 * `fields` (problem+json `errors[]`), or else to `showError` as one text.
 */
export function useFormSubmit<V>(
  form: FormWithFields,
  fields: readonly string[],
  action: (values: V) => Promise<unknown>,
  showError: (text: string) => void,
  claim?: ErrorClaim,
): { submitting: boolean; submit: (values: V) => Promise<void> } {
  const { t } = useI18n();
  const [submitting, setSubmitting] = useState(false);

  async function submit(values: V) {
    setSubmitting(true);
    try {
      await action(values);
    } catch (error) {
      if (claim?.(error)) return;
      if (!applyFieldErrors(form, error, fields)) showError(errorText(error, t('common.failed')));
    } finally {
      setSubmitting(false);
    }
  }

  return { submitting, submit };
}
