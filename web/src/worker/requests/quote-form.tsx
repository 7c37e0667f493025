import { Button, Form, Input, Stepper, TextArea, Toast } from 'antd-mobile';
import { AddOutline } from 'antd-mobile-icons';
import { useMemo, useState } from 'react';
import { ApiError } from '../../shared/api';
import { cityDate, dayLabel, durationText } from '../../shared/city-days';
import { formatFen, formatTime, yuanToFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { errorPath, LINE_KINDS, MAX_QUOTE_LINES, type Answer, type LineKind, type TimeWindow } from '../../shared/request-types';
import { SingleSelector } from '../../mobile/single-selector';
import { useFormSubmit } from '../../mobile/use-form-submit';
import { lineAmountFen, workerRequests } from './request-api';

interface LineValues {
  kind: LineKind[];
  description: string;
  quantity: string;
  unitPrice: string;
}

interface QuoteValues {
  lines: LineValues[];
  start: string | null;
  durationMinutes: number;
  message: string;
}

const STEP_MS = 30 * 60_000;

/** The half hours a visit may start at: inside a window, not before 30 minutes from now. */
export function startChoices(windows: TimeWindow[], now: number): { window: TimeWindow; starts: string[] }[] {
  const earliest = Math.ceil((now + STEP_MS) / STEP_MS) * STEP_MS;
  return windows.map((window) => {
    const starts: string[] = [];
    const first = Math.max(Math.ceil(Date.parse(window.start) / STEP_MS) * STEP_MS, earliest);
    for (let at = first; at < Date.parse(window.end); at += STEP_MS) starts.push(new Date(at).toISOString());
    return { window, starts };
  });
}

const emptyLine = (kind: LineKind = 'labour'): LineValues => ({ kind: [kind], description: '', quantity: '1', unitPrice: '' });

function initialValues(answer: Answer | null): QuoteValues {
  if (!answer) return { lines: [emptyLine()], start: null, durationMinutes: 120, message: '' };
  return {
    lines: answer.lines.map((line) => ({ kind: [line.kind], description: line.description, quantity: String(line.quantity), unitPrice: String(line.unitPriceFen / 100) })),
    start: answer.start,
    durationMinutes: answer.durationMinutes,
    message: answer.message,
  };
}

/** The form field of an API error: `lines.2.unitPriceFen` → `['lines', 2, 'unitPrice']`. */
function fieldOf(field: string): (string | number)[] | null {
  const path = errorPath(field);
  if (path[0] === 'lines' && typeof path[1] === 'number') {
    const name = path[2] === 'unitPriceFen' ? 'unitPrice' : path[2];
    return typeof name === 'string' && ['kind', 'description', 'quantity', 'unitPrice'].includes(name) ? ['lines', path[1], name] : null;
  }
  return typeof path[0] === 'string' && ['start', 'durationMinutes', 'message'].includes(path[0]) ? [path[0]] : null;
}

/**
 * 报价: itemised lines (labour, parts, materials, other — a description, a quantity and a unit price in yuan), a start
 * inside the customer's windows, the duration and a message; the total live. The API's field errors show under the
 * line they belong to; a total under the item's minimum says the minimum.
 */
export function QuoteForm({ requestId, windows, answer, onSaved, onStale }: {
  requestId: string;
  windows: TimeWindow[];
  answer: Answer | null;
  onSaved: (answer: Answer) => void;
  /** The request is no longer open (chosen, expired, cancelled): the page looks again. */
  onStale: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<QuoteValues>();
  const initial = useMemo(() => initialValues(answer), [answer?.id, answer?.updatedAt]);
  const lines = Form.useWatch('lines', form) as LineValues[] | undefined;
  const [problem, setProblem] = useState<string | null>(null);
  const now = useMemo(() => Date.now(), []);
  const choices = startChoices(windows, now);
  const none = choices.every((choice) => choice.starts.length === 0);

  const amounts = (lines ?? initial.lines).map((line) => {
    const quantity = Number(line?.quantity);
    const unit = yuanToFen(line?.unitPrice);
    return Number.isFinite(quantity) && unit !== null && Number.isFinite(unit) ? lineAmountFen(quantity, unit) : 0;
  });
  const totalFen = amounts.reduce((sum, amount) => sum + amount, 0);

  function claim(error: unknown): boolean {
    if (!(error instanceof ApiError)) return false;
    if (error.code === 'QUOTE_BELOW_MINIMUM') {
      const minimum = Number(error.problem.minimumFen);
      setProblem(Number.isFinite(minimum) ? t('quote.form.belowMinimum', { minimum: formatFen(minimum) }) : error.detail || error.title);
      return true;
    }
    if (error.code === 'REQUEST_STATE') {
      Toast.show({ icon: 'fail', content: error.detail || error.title, duration: 3000 });
      onStale();
      return true;
    }
    const fields = error.errors.map((entry) => ({ name: fieldOf(entry.field), message: entry.message }));
    const matched = fields.filter((entry) => entry.name !== null);
    const rest = fields.filter((entry) => entry.name === null);
    if (matched.length > 0) form.setFields(matched.map((entry) => ({ name: entry.name as never, errors: [entry.message] })));
    if (rest.length > 0) setProblem(rest.map((entry) => entry.message).join(' '));
    return fields.length > 0;
  }

  const { submitting, submit } = useFormSubmit(
    form,
    [],
    async (values: QuoteValues) => {
      setProblem(null);
      const saved = await workerRequests.answer(requestId, {
        lines: values.lines.map((line) => ({
          kind: line.kind[0] ?? 'labour',
          description: line.description.trim(),
          quantity: Number(line.quantity),
          unitPriceFen: yuanToFen(line.unitPrice) ?? 0,
        })),
        start: values.start!,
        durationMinutes: values.durationMinutes,
        ...(values.message.trim() ? { message: values.message.trim() } : {}),
      });
      Toast.show({ icon: 'success', content: t(answer ? 'wreq.updated' : 'wreq.sent') });
      onSaved(saved);
    },
    claim,
  );

  return (
    <Form
      form={form}
      layout="vertical"
      mode="card"
      requiredMarkStyle="none"
      initialValues={initial}
      onFinish={submit}
      className="m-quote-answer-form"
      data-testid="quote-answer-form"
      onValuesChange={() => setProblem(null)}
      footer={
        <div className="m-quote-answer-footer">
          <div className="m-quote-answer-total">
            <span>{t('quote.form.total')}</span>
            <strong data-testid="quote-answer-total" data-fen={totalFen}>
              {formatFen(totalFen)}
            </strong>
          </div>
          {problem && (
            <div className="m-quote-answer-problem" data-testid="quote-answer-problem">
              {problem}
            </div>
          )}
          <Button block type="submit" color="primary" size="large" loading={submitting} disabled={none} data-testid="quote-answer-submit">
            {t(answer ? 'quote.form.save' : 'quote.form.submit')}
          </Button>
        </div>
      }
    >
      <Form.Header>{t('quote.form.lines')}</Form.Header>
      <Form.Array
        name="lines"
        onAdd={(operation) => operation.add(emptyLine(amounts.length === 0 ? 'labour' : 'material'))}
        renderAdd={
          (lines?.length ?? initial.lines.length) < MAX_QUOTE_LINES
            ? () => (
                <span data-testid="quote-line-add">
                  <AddOutline /> {t('quote.form.addLine')}
                </span>
              )
            : undefined
        }
        renderHeader={({ index }, { remove }) => (
          <div className="m-quote-line-head">
            <span>{t('quote.form.line', { n: index + 1 })}</span>
            <span className="m-quote-line-amount">{t('quote.form.amount', { amount: formatFen(amounts[index] ?? 0) })}</span>
            {(lines?.length ?? 1) > 1 && (
              <a className="m-quote-line-remove" onClick={() => remove(index)} data-testid="quote-line-remove">
                {t('quote.form.removeLine')}
              </a>
            )}
          </div>
        )}
      >
        {(fields) =>
          fields.map(({ index, key }) => (
            <div key={key} className="m-quote-line" data-testid="quote-line" data-index={index}>
              <Form.Item name={[index, 'kind']} label={t('quote.form.kind')} rules={[{ required: true, type: 'array', min: 1, message: t('quote.form.kind') }]}>
                <SingleSelector columns={4} showCheckMark={false} options={LINE_KINDS.map((kind) => ({ value: kind, label: t(`request.line.${kind}`) }))} data-testid="quote-line-kind" />
              </Form.Item>
              <Form.Item name={[index, 'description']} label={t('quote.form.description')} rules={[{ required: true, whitespace: true, message: t('quote.form.descriptionRequired') }]}>
                <Input id={`quote-line-${index}-description`} placeholder={t('quote.form.descriptionPlaceholder')} maxLength={100} />
              </Form.Item>
              <Form.Item
                name={[index, 'quantity']}
                label={t('quote.form.quantity')}
                layout="horizontal"
                childElementPosition="right"
                rules={[{ validator: (_rule, value: string) => (Number(value) > 0 ? Promise.resolve() : Promise.reject(new Error(t('quote.form.quantityRequired')))) }]}
              >
                <Input id={`quote-line-${index}-quantity`} type="number" inputMode="decimal" className="m-quote-number" />
              </Form.Item>
              <Form.Item
                name={[index, 'unitPrice']}
                label={t('quote.form.unitPrice')}
                layout="horizontal"
                childElementPosition="right"
                rules={[{ validator: (_rule, value: string) => (String(value ?? '').trim() !== '' && Number(value) >= 0 ? Promise.resolve() : Promise.reject(new Error(t('quote.form.unitPriceRequired')))) }]}
              >
                <Input id={`quote-line-${index}-price`} type="number" inputMode="decimal" placeholder="0.00" className="m-quote-number" />
              </Form.Item>
            </div>
          ))
        }
      </Form.Array>
      <Form.Header>{t('wreq.quote')}</Form.Header>
      <Form.Item name="start" label={t('quote.form.start')} rules={[{ required: true, message: t('quote.form.startRequired') }]}>
        <StartPicker choices={choices} lang={lang} none={none} />
      </Form.Item>
      <Form.Item name="durationMinutes" label={t('quote.form.duration')} layout="horizontal" childElementPosition="right" description={<DurationText />}>
        <Stepper min={30} max={720} step={30} data-testid="quote-duration" />
      </Form.Item>
      <Form.Item name="message" label={t('quote.form.message')}>
        <TextArea id="quote-message" placeholder={t('quote.form.messagePlaceholder')} maxLength={300} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </Form>
  );
}

function DurationText() {
  const { lang } = useI18n();
  return (
    <Form.Subscribe to={['durationMinutes']}>
      {({ durationMinutes }) => <span>{durationText(Number(durationMinutes) || 0, lang)}</span>}
    </Form.Subscribe>
  );
}

/** The start as a form control: each window's half hours as choices. */
function StartPicker({ choices, lang, none, value, onChange }: {
  choices: { window: TimeWindow; starts: string[] }[];
  lang: 'zh-CN' | 'en';
  none: boolean;
  value?: string | null;
  onChange?: (start: string | null) => void;
}) {
  const { t } = useI18n();
  const now = new Date();
  if (none) return <p className="m-quote-none">{t('quote.form.noStarts')}</p>;
  return (
    <div className="m-quote-starts" data-testid="quote-starts">
      {choices
        .filter((choice) => choice.starts.length > 0)
        .map(({ window, starts }) => (
          <div key={window.start}>
            <div className="m-quote-start-day">
              {dayLabel(cityDate(new Date(window.start)), now, lang)} {formatTime(window.start)}–{formatTime(window.end)}
            </div>
            <SingleSelector
              columns={4}
              showCheckMark={false}
              value={value && starts.includes(value) ? [value] : []}
              onChange={(next) => onChange?.(next[0] ?? null)}
              options={starts.map((start) => ({ value: start, label: formatTime(start) }))}
            />
          </div>
        ))}
    </div>
  );
}
