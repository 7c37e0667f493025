import { ApiError, fieldName } from './api';

/** antd and antd-mobile forms both have `setFields([{ name, errors }])`, typed per form values. */
export interface FormWithFields {
  setFields(fields: never): void;
}

type FieldErrors = { name: string; errors: string[] }[];

/**
 * Shows the problem+json `errors[]` of a failed submit under the matching form fields.
 * Returns false when nothing matched a field (the caller then shows the error as a whole).
 */
export function applyFieldErrors(form: FormWithFields, error: unknown, names: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const item of error.errors) {
    const name = fieldName(item.field);
    if (names.includes(name)) byField.set(name, [...(byField.get(name) ?? []), item.message]);
  }
  const fields: FieldErrors = [...byField].map(([name, errors]) => ({ name, errors }));
  form.setFields(fields as never);
  return byField.size > 0;
}
