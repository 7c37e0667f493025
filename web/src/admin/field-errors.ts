import type { FormInstance } from 'antd';
import { ApiError, fieldName } from '../shared/api';
import type { ErrorClaim } from '../shared/use-form-submit';

type FormField = string | (string | number)[];

/**
 * An error claim for forms whose fields are named differently from the API's (money in yuan, a date range for
 * `startsAt`/`endsAt`): problem+json field errors go under the mapped form fields; true when any matched.
 */
export function mappedFieldErrors(form: FormInstance, fieldOf: Record<string, FormField>): ErrorClaim {
  return (error) => {
    if (!(error instanceof ApiError) || error.errors.length === 0) return false;
    const byField = new Map<string, { name: FormField; errors: string[] }>();
    for (const item of error.errors) {
      const name = fieldOf[fieldName(item.field)];
      if (!name) continue;
      const key = JSON.stringify(name);
      const entry = byField.get(key) ?? { name, errors: [] };
      entry.errors.push(item.message);
      byField.set(key, entry);
    }
    if (byField.size === 0) return false;
    form.setFields([...byField.values()]);
    return true;
  };
}
