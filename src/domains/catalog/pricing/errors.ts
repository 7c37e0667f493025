/** Field-level validation errors with bilingual messages. */
import type { LocalizedText, PricingError, PricingErrorCode } from './types.js';

export interface ErrorParams {
  min?: number | string;
  max?: number | string;
  step?: number;
  expected?: string;
  value?: string;
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  boolean: '是/否',
  integer: '整数',
  number: '数字',
  'string[]': '选项列表',
  object: '对象',
  array: '列表',
};

function message(code: PricingErrorCode, p: ErrorParams): LocalizedText {
  switch (code) {
    case 'REQUIRED':
      return { zh: '必填项', en: 'This field is required' };
    case 'WRONG_TYPE':
      return {
        zh: `类型错误，应为${TYPE_ZH[p.expected ?? ''] ?? p.expected}`,
        en: `Wrong type, expected ${p.expected}`,
      };
    case 'OUT_OF_RANGE':
      return {
        zh: `超出允许范围（${p.min} ~ ${p.max}）`,
        en: `Out of the allowed range (${p.min} to ${p.max})`,
      };
    case 'INVALID_STEP':
      return { zh: `必须是 ${p.step} 的整数倍`, en: `Must be a multiple of ${p.step}` };
    case 'UNKNOWN_OPTION':
      return { zh: '未知的服务选项', en: 'Unknown option' };
    case 'INVALID_CHOICE':
      return { zh: `无效的选项值：${p.value}`, en: `Invalid choice: ${p.value}` };
    case 'DUPLICATE_CHOICE':
      return { zh: `重复的选项值：${p.value}`, en: `Duplicate choice: ${p.value}` };
    case 'TOO_LONG':
      return { zh: `最多 ${p.max} 个字`, en: `At most ${p.max} characters` };
    case 'INVALID_DATE':
      return { zh: '时间格式无效', en: 'Invalid date/time' };
    case 'BELOW_MINIMUM':
      return { zh: `报价不能低于平台最低价 ${p.min}`, en: `The price may not be below the platform minimum of ${p.min}` };
    case 'START_IN_PAST':
      return { zh: '服务时间不能早于当前时间', en: 'The start time is in the past' };
    case 'ITEM_MISMATCH':
      return { zh: '服务项目不匹配', en: 'Service item does not match' };
    case 'NOT_ALLOWED':
      return { zh: '该服务不支持此操作', en: 'Not allowed for this service item' };
    case 'INVALID_CONFIG':
      return {
        zh: `服务价格配置无效${p.value ? `：${p.value}` : ''}`,
        en: `Invalid pricing configuration${p.value ? `: ${p.value}` : ''}`,
      };
    case 'OUT_OF_REFERENCE_RANGE':
      return {
        zh: `报价超出参考价格范围（${p.min} ~ ${p.max}），请填写原因`,
        en: `The price is outside the reference range (${p.min} to ${p.max}); a reason is required`,
      };
    case 'QUOTE_EXPIRED':
      return { zh: '报价已过期', en: 'The quote has expired' };
  }
}

/** Builds a {@link PricingError}. */
export function pricingError(field: string, code: PricingErrorCode, params: ErrorParams = {}): PricingError {
  return { field, code, message: message(code, params) };
}
