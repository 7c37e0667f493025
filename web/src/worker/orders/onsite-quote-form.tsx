import '../../mobile/onsite/onsite.css';
import { Button, Input, Popup, Selector, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError, errorText } from '../../shared/api';
import { formatFen, formatFenRange } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useIdempotencyKey } from '../../shared/idempotency';
import type { OnSiteItem, OnSiteQuote } from '../../shared/order-types';
import { PopupButtons } from '../../mobile/popup-buttons';
import { useFailureToast } from '../../mobile/use-form-submit';

type Kind = OnSiteItem['kind'];
const KINDS: Kind[] = ['labour', 'parts', 'material', 'other'];

interface Row { key: number; kind: Kind; description: string; quantity: string; price: string }
/** Field errors by the API's field names: `lines.0.unitPriceFen`, `lines`, `outOfRangeReason`. */
type Errors = Record<string, string>;

const YUAN = /^(?:0|[1-9]\d{0,6})(?:\.\d{1,2})?$/;
const QUANTITY = /^(?:0|[1-9]\d{0,4})(?:\.\d{1,3})?$/;

let nextKey = 1;
const row = (item?: OnSiteItem): Row => ({
  key: nextKey++, kind: item?.kind ?? 'labour', description: item?.description ?? '',
  quantity: item ? String(item.quantity) : '1', price: item ? String(item.unitPriceFen / 100) : '',
});

/** A line's amount in fen as the server prices it (quantity × unit price, half away from zero), or null while invalid. */
function amountOf(r: Row): number | null {
  if (!QUANTITY.test(r.quantity.trim()) || !YUAN.test(r.price.trim())) return null;
  const quantity = Number(r.quantity);
  if (quantity <= 0) return null;
  return Math.round(Math.round(quantity * 1000) * Math.round(Number(r.price) * 100) / 1000);
}

/** 现场报价: lines of labour / parts / material / other with a live total; the server prices and checks it. */
export function OnSiteQuoteForm({ orderId, quote, visible, onClose, onDone }: {
  orderId: string; quote: OnSiteQuote; visible: boolean; onClose: () => void; onDone: () => void;
}) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const idempotency = useIdempotencyKey();
  const live = quote.proposals.find((p) => p.status === 'proposed');
  const [rows, setRows] = useState<Row[]>([row()]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (!visible) return;
    setRows(live ? live.items.map(row) : [row()]);
    setReason(live?.outOfRangeReason ?? '');
    setErrors({});
    // Opening the form starts from the live proposal; later reloads of the order must not wipe what is being typed.
  }, [visible]);

  const amounts = rows.map(amountOf);
  const total = amounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
  const range = quote.referenceRange;
  const outside = range !== null && rows.length > 0 && (total < range.minFen || total > range.maxFen);
  const rangeText = range ? formatFenRange(range.minFen, range.maxFen) : '';

  const update = (key: number, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const clear = (...names: string[]) => setErrors((all) => Object.fromEntries(Object.entries(all).filter(([name]) => !names.includes(name))));

  function check(): Errors {
    const found: Errors = {};
    if (rows.length === 0) found.lines = t('onsite.err.linesRequired');
    rows.forEach((r, i) => {
      if (!r.description.trim()) found[`lines.${i}.description`] = t('onsite.err.descriptionRequired');
      if (!QUANTITY.test(r.quantity.trim()) || Number(r.quantity) <= 0) found[`lines.${i}.quantity`] = t('onsite.err.quantity');
      if (!YUAN.test(r.price.trim())) found[`lines.${i}.unitPriceFen`] = t('onsite.err.price');
    });
    if (outside && !reason.trim()) found.outOfRangeReason = t('onsite.err.reasonRequired');
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = {
      lines: rows.map((r) => ({ kind: r.kind, description: r.description.trim(), quantity: Number(r.quantity), unitPriceFen: Math.round(Number(r.price) * 100) })),
      ...(reason.trim() ? { outOfRangeReason: reason.trim() } : {}),
    };
    setSubmitting(true);
    try {
      await api(`/api/worker/orders/${encodeURIComponent(orderId)}/onsite-quote`, { body, headers: idempotency.headersFor(body) });
      idempotency.settle();
      Toast.show({ icon: 'success', content: t('onsite.sent') });
      onDone();
    } catch (error) {
      idempotency.settle(error);
      // The server's refusals, field by field, under the fields they name; anything else as a toast.
      if (error instanceof ApiError && error.errors.length > 0) {
        const byField: Errors = {};
        for (const e of error.errors) byField[e.field.replace(/^body\./, '').replace(/\//g, '.').replace(/^\./, '')] = e.message;
        setErrors(byField);
        const shown = Object.keys(byField).some((name) => name === 'lines' || name === 'outOfRangeReason' || /^lines\.\d+\.(description|quantity|unitPriceFen|kind)$/.test(name));
        if (!shown) Toast.show({ icon: 'fail', content: errorText(error, t('common.failed')) });
      } else {
        showFailure(error);
      }
    } finally {
      setSubmitting(false);
    }
  }

  const fieldError = (name: string) => (errors[name] ? <div className="m-onsite-error" data-testid="onsite-error" data-field={name}>{errors[name]}</div> : null);

  return (
    <Popup visible={visible} onMaskClick={onClose} onClose={onClose} bodyClassName="m-order-popup m-onsite-popup" destroyOnClose>
      <form onSubmit={submit} data-testid="onsite-form" noValidate>
        <h3 className="m-popup-title">{t('onsite.formTitle')}</h3>
        <p className="m-popup-note">{t('onsite.formNote')}</p>
        {rows.map((r, i) => (
          <section key={r.key} className="m-onsite-line" data-testid="onsite-line">
            <div className="m-onsite-line-head">
              <span>{t('onsite.line', { n: i + 1 })}</span>
              <Button size="mini" fill="none" color="danger" onClick={() => { setRows((all) => all.filter((x) => x.key !== r.key)); setErrors({}); }} data-testid="onsite-remove">
                {t('onsite.removeLine')}
              </Button>
            </div>
            <Selector
              className="m-onsite-kinds"
              columns={4}
              value={[r.kind]}
              onChange={(value) => value[0] && update(r.key, { kind: value[0] })}
              options={KINDS.map((kind) => ({ label: t(`onsite.kind.${kind}`), value: kind }))}
              data-testid="onsite-kind"
            />
            <label className="m-onsite-label">{t('onsite.description')}</label>
            <Input
              className="m-onsite-input" value={r.description} maxLength={100} placeholder={t('onsite.descriptionHint')} data-testid="onsite-description"
              onChange={(value) => { update(r.key, { description: value }); clear(`lines.${i}.description`); }}
            />
            {fieldError(`lines.${i}.description`)}
            <div className="m-onsite-row">
              <div>
                <label className="m-onsite-label">{t('onsite.quantity')}</label>
                <Input
                  className="m-onsite-input" value={r.quantity} inputMode="decimal" data-testid="onsite-quantity"
                  onChange={(value) => { update(r.key, { quantity: value }); clear(`lines.${i}.quantity`, 'outOfRangeReason'); }}
                />
                {fieldError(`lines.${i}.quantity`)}
              </div>
              <div>
                <label className="m-onsite-label">{t('onsite.unitPrice')}</label>
                <Input
                  className="m-onsite-input" value={r.price} inputMode="decimal" placeholder="0.00" data-testid="onsite-price"
                  onChange={(value) => { update(r.key, { price: value }); clear(`lines.${i}.unitPriceFen`, 'outOfRangeReason'); }}
                />
                {fieldError(`lines.${i}.unitPriceFen`)}
              </div>
            </div>
            <div className="m-onsite-amount" data-testid="onsite-line-amount">{amounts[i] === null ? '—' : t('onsite.lineAmount', { amount: formatFen(amounts[i]!) })}</div>
          </section>
        ))}
        {fieldError('lines')}
        <Button className="m-onsite-add" block fill="outline" size="small" onClick={() => { setRows((all) => [...all, row()]); clear('lines'); }} data-testid="onsite-add">
          {t('onsite.addLine')}
        </Button>
        <div className="m-onsite-total" data-testid="onsite-live-total" data-fen={total}>
          <strong>{t('onsite.liveTotal', { total: formatFen(total) })}</strong>
          <span>
            {total > quote.depositFen
              ? t('onsite.liveSettle.balance', { deposit: formatFen(quote.depositFen), amount: formatFen(total - quote.depositFen) })
              : total < quote.depositFen
                ? t('onsite.liveSettle.refund', { deposit: formatFen(quote.depositFen), amount: formatFen(quote.depositFen - total) })
                : t('onsite.liveSettle.even', { deposit: formatFen(quote.depositFen) })}
          </span>
        </div>
        {(outside || errors.outOfRangeReason || reason) && (
          <div className="m-onsite-reason">
            {outside && <p className="m-onsite-warn" data-testid="onsite-out-of-range">{t('onsite.outOfRange', { range: rangeText })}</p>}
            <label className="m-onsite-label">{t('onsite.reason')}</label>
            <TextArea
              className="m-onsite-input" value={reason} rows={2} maxLength={200} showCount placeholder={t('onsite.reasonHint')} data-testid="onsite-reason"
              onChange={(value) => { setReason(value); clear('outOfRangeReason'); }}
            />
            {fieldError('outOfRangeReason')}
          </div>
        )}
        <PopupButtons submitText={t('onsite.submit')} onCancel={onClose} loading={submitting} testId="onsite-submit" />
      </form>
    </Popup>
  );
}
