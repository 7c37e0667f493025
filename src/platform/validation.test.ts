import { describe, expect, it } from 'vitest';
import { renderFieldErrors } from './errors.js';
import { fieldErrorsFromAjv } from './validation.js';

describe('validation messages', () => {
  it('names the field for required and unknown properties, in both languages', () => {
    const specs = fieldErrorsFromAjv([
      { keyword: 'required', instancePath: '', schemaPath: '', params: { missingProperty: 'phone' }, message: '' },
      { keyword: 'additionalProperties', instancePath: '/address', schemaPath: '', params: { additionalProperty: 'x' }, message: '' },
      { keyword: 'maxLength', instancePath: '/name', schemaPath: '', params: { limit: 40 }, message: '' },
    ], 'body');
    expect(renderFieldErrors(specs, 'zh-CN')).toEqual([
      { field: 'phone', code: 'required', message: '必填' },
      { field: 'address.x', code: 'additionalProperties', message: '不允许的字段' },
      { field: 'name', code: 'maxLength', message: '最多 40 个字符' },
    ]);
    expect(renderFieldErrors(specs, 'en')[2]!.message).toBe('must have at most 40 characters');
  });
});
