import { ApiError } from '../../../shared/api';
import type { FormWithFields } from '../../../shared/form-errors';

/** Whether an error is the 409 of a stale `version`. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'VERSION_CONFLICT';
}

/**
 * Puts problem+json `errors[]` under the form fields `toPath` maps them to; returns the messages that
 * matched no field (to show as one message).
 */
export function applyMappedErrors(
  form: FormWithFields,
  error: ApiError,
  toPath: (field: string) => (string | number)[] | null,
): string[] {
  const rest: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const entry of error.errors) {
    const name = toPath(entry.field);
    if (name) fields.push({ name, errors: [entry.message] });
    else rest.push(`${entry.field}: ${entry.message}`);
  }
  form.setFields(fields as never);
  return rest;
}
