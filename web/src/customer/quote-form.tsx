import { Button, Form, Picker, Stepper } from 'antd-mobile';
import { useMemo } from 'react';
import { api, ApiError } from '../shared/api';
import { optionDefault, type ItemDetail, type PricingModel, type Quote } from '../shared/catalog-types';
import { unitLabel } from '../shared/catalog-units';
import { formatFen } from '../shared/format';
import { useI18n, type Translate } from '../shared/i18n';
import { useFormSubmit } from '../mobile/use-form-submit';
import { OptionField, optionValues } from './option-field';
import { cityIso, dayLabel, defaultVisit, visitDays, visitTimes } from '../shared/city-days';

interface QuantityRule {
  label: string;
  min: number;
  max: number;
  step: number;
}

/** What `quantity` means for the pricing model: hours, units or a count; null when there is none to choose. */
function quantityRule(t: Translate, pricing: PricingModel, unit: string): QuantityRule | null {
  switch (pricing.kind) {
    case 'hourly':
      return { label: t('quote.hours'), min: pricing.minHours, max: pricing.maxHours ?? 12, step: pricing.stepHours ?? 0.5 };
    case 'per_unit':
      return { label: t('quote.units', { unit: unitLabel(t, unit) }), min: pricing.minQuantity, max: pricing.maxQuantity, step: pricing.step ?? 1 };
    case 'fixed':
    case 'package':
      return (pricing.maxQuantity ?? 1) > 1 ? { label: t('quote.count'), min: 1, max: pricing.maxQuantity ?? 1, step: 1 } : null;
    case 'on_site_quote':
      return null;
  }
}

function decimals(step: number): number {
  const text = String(step);
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

interface QuoteValues {
  quantity?: number;
  options?: Record<string, unknown>;
  scheduledStart: [string, string];
}

/** Quantity (`quantity` when given and allowed, else the least), options and visit time → `POST /api/catalog/quotes`; API field errors go under their controls. */
export function QuoteForm({ item, onQuote, quantity }: { item: ItemDetail; onQuote: (quote: Quote) => void; quantity?: number }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<QuoteValues>();
  const now = useMemo(() => new Date(), []);
  const rule = quantityRule(t, item.pricing, item.unit);
  const initialValues = useMemo<QuoteValues>(
    () => ({
      quantity: rule && quantity !== undefined && quantity >= rule.min && quantity <= rule.max ? quantity : rule?.min,
      options: Object.fromEntries(item.options.map((option) => [option.key, optionDefault(option)])),
      scheduledStart: defaultVisit(now),
    }),
    // The form is created once per item.
    [item.code],
  );
  const fieldPaths = new Map<string, (string | number)[]>([
    ['quantity', ['quantity']],
    ['scheduledStart', ['scheduledStart']],
    ...item.options.map((option) => [`options.${option.key}`, ['options', option.key]] as [string, string[]]),
  ]);

  // Errors like `options.rooms` go under that option; anything unmatched into the failure toast.
  function claimFieldErrors(error: unknown): boolean {
    if (!(error instanceof ApiError) || error.errors.length === 0) return false;
    const matched = error.errors.filter((entry) => fieldPaths.has(entry.field.replace(/^\/|^body\./, '').replace(/\//g, '.')));
    if (matched.length === 0) return false;
    form.setFields(
      matched.map((entry) => ({ name: fieldPaths.get(entry.field.replace(/^\/|^body\./, '').replace(/\//g, '.'))!, errors: [entry.message] })),
    );
    return true;
  }

  const { submitting, submit } = useFormSubmit(
    form,
    [],
    async (values: QuoteValues) => {
      const [day, time] = values.scheduledStart;
      const quote = await api<Quote>('/api/catalog/quotes', {
        body: {
          itemCode: item.code,
          quantity: rule ? values.quantity : undefined,
          options: optionValues(item.options, values.options),
          scheduledStart: cityIso(day, time),
        },
      });
      onQuote(quote);
    },
    claimFieldErrors,
  );

  const days = visitDays(now);
  const columns = (value: (string | number | null)[]) => {
    const day = (value[0] as string | null) ?? days[0];
    return [days.map((entry) => ({ label: dayLabel(entry, now, lang), value: entry })), visitTimes(day, now).map((time) => ({ label: time, value: time }))];
  };

  return (
    <Form
      form={form}
      layout="vertical"
      mode="card"
      requiredMarkStyle="none"
      initialValues={initialValues}
      onFinish={submit}
      onValuesChange={(changed: Partial<QuoteValues>) => Object.keys(changed).forEach((key) => form.setFields([{ name: key, errors: [] }]))}
      className="m-quote-form"
      data-testid="quote-form"
      footer={
        <Button block type="submit" color="primary" size="large" loading={submitting} data-testid="quote-submit">
          {t('quote.submit')}
        </Button>
      }
    >
      <Form.Header>{t('quote.formTitle')}</Form.Header>
      {item.pricing.kind === 'on_site_quote' && <p className="m-quote-note">{t('quote.onSiteNote', { price: formatFen(item.priceFromFen) })}</p>}
      {rule && (
        <Form.Item
          name="quantity"
          label={rule.label}
          layout="horizontal"
          childElementPosition="right"
          description={t('quote.range', { min: rule.min, max: rule.max, step: rule.step })}
        >
          <Stepper min={rule.min} max={rule.max} step={rule.step} digits={decimals(rule.step)} className="m-quantity" data-testid="quote-quantity" />
        </Form.Item>
      )}
      {item.options.map((option) => (
        <OptionField key={option.key} option={option} />
      ))}
      <Form.Item
        name="scheduledStart"
        label={t('quote.visit')}
        description={t('quote.visitHint')}
        trigger="onConfirm"
        arrow
        onClick={(_event, picker) => picker.current?.open()}
        rules={[{ required: true, message: t('quote.pickVisit') }]}
      >
        <Picker columns={columns} title={t('quote.visit')} destroyOnClose>
          {(selected) => (
            <span data-testid="quote-visit">{selected[0] && selected[1] ? `${selected[0].label} ${selected[1].label}` : t('quote.pickVisit')}</span>
          )}
        </Picker>
      </Form.Item>
    </Form>
  );
}
