import { Form, Selector, Stepper, Switch, TextArea } from 'antd-mobile';
import { choiceLabel, pick, surchargeText, type Choice, type OptionDefinition } from '../shared/catalog-types';
import { formatFen } from '../shared/format';
import { useI18n } from '../shared/i18n';

/** The option values worth sending: empty texts, unselected choices and empty lists are left out. */
export function optionValues(options: OptionDefinition[], values: Record<string, unknown> | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const option of options) {
    const value = values?.[option.key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (Array.isArray(value) && value.length === 0 && !option.required) continue;
    result[option.key] = typeof value === 'string' ? value.trim() : value;
  }
  return result;
}

function choiceOptions(lang: string, choices: Choice[]) {
  return choices.map((choice) => ({ value: choice.value, label: choiceLabel(lang, choice) }));
}

/** A single choice as chips: the form value is the choice (a string), not a list. */
function SingleSelector({ value, onChange, options, testId }: { value?: string; onChange?: (value: string | undefined) => void; options: { value: string; label: string }[]; testId: string }) {
  return <Selector columns={2} options={options} value={value === undefined ? [] : [value]} onChange={(values) => onChange?.(values[0])} data-testid={testId} />;
}

/** The control of one item option: select → chips, multi_select → multiple chips, boolean → switch, integer → stepper, text → textarea. */
export function OptionField({ option }: { option: OptionDefinition }) {
  const { t, lang } = useI18n();
  const label = pick(lang, option.label);
  const name = ['options', option.key];
  const testId = `option-${option.key}`;
  const rules = option.required ? [{ required: true, message: t('option.required', { field: label }) }] : undefined;

  switch (option.kind) {
    case 'select':
      return (
        <Form.Item name={name} label={label} rules={rules}>
          <SingleSelector options={choiceOptions(lang, option.choices)} testId={testId} />
        </Form.Item>
      );
    case 'multi_select': {
      const range = option.minSelected !== undefined || option.maxSelected !== undefined;
      return (
        <Form.Item
          name={name}
          label={label}
          rules={rules}
          description={range ? t('option.selectRange', { min: option.minSelected ?? 0, max: option.maxSelected ?? option.choices.length }) : undefined}
        >
          <Selector columns={2} multiple options={choiceOptions(lang, option.choices)} data-testid={testId} />
        </Form.Item>
      );
    }
    case 'boolean':
      return (
        <Form.Item name={name} label={label} layout="horizontal" valuePropName="checked" description={surchargeText(option.surcharge) || undefined} childElementPosition="right">
          <Switch data-testid={testId} />
        </Form.Item>
      );
    case 'integer':
      return (
        <Form.Item
          name={name}
          label={label}
          layout="horizontal"
          childElementPosition="right"
          description={option.perUnitFen ? t('option.perUnit', { included: option.includedUnits ?? 0, price: formatFen(option.perUnitFen) }) : undefined}
        >
          <Stepper min={option.min} max={option.max} digits={0} data-testid={testId} />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item name={name} label={label}>
          <TextArea maxLength={option.maxLength} showCount rows={1} autoSize={{ minRows: 1, maxRows: 5 }} placeholder={t('option.textPlaceholder', { max: option.maxLength })} data-testid={testId} />
        </Form.Item>
      );
  }
}
