import { Button, Tag } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { useLoad } from '../../shared/use-load';
import type { InvoiceRequest } from './bill-types';
import { InvoiceSheet } from './invoice-sheet';

const INVOICEABLE = ['completed', 'closed'];
const COLORS = { requested: 'warning', issued: 'success', rejected: 'danger' } as const;

/**
 * 发票与收据 of a paid order: the 电子收据 (printable, opens in a new tab) and, once the order is completed
 * or closed, 申请发票 and where my request stands (one open request per order; a refused one can be asked again).
 */
export function InvoiceCard({ order }: { order: OrderView }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const invoiceable = INVOICEABLE.includes(order.status);
  const invoices = useLoad(
    (signal) => (invoiceable ? api<{ items: InvoiceRequest[] }>(`/api/orders/${order.id}/invoices`, { signal }).then((answer) => answer.items) : Promise.resolve([])),
    [order.id, invoiceable],
  );
  if (!order.paidAt) return null;
  const latest = invoices.data?.[0];
  const canApply = invoiceable && invoices.data !== undefined && (!latest || latest.status === 'rejected');
  const amountFen = order.price.paidFen - order.price.refundFen;
  return (
    <section className="m-section" data-testid="order-invoice">
      <div className="m-section-title">
        {t('invoice.section')}
        <a href={`/api/orders/${order.id}/receipt`} target="_blank" rel="noopener noreferrer" className="m-order-link" data-testid="order-receipt">
          {t('invoice.receipt')}
        </a>
      </div>
      {!invoiceable && <p className="m-order-muted">{t('invoice.later')}</p>}
      {latest && (
        <div data-testid="invoice-request" data-status={latest.status}>
          <dl className="m-order-rows">
            <div>
              <dt>{t('invoice.status')}</dt>
              <dd>
                <Tag color={COLORS[latest.status]} data-testid="invoice-status">
                  {t(`invoice.status.${latest.status}`)}
                </Tag>
              </dd>
            </div>
            <div>
              <dt>{t('invoice.title')}</dt>
              <dd>
                {latest.title}
                {latest.taxNo ? ` · ${latest.taxNo}` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('invoice.amountLabel')}</dt>
              <dd>{formatFen(latest.amountFen)}</dd>
            </div>
            <div>
              <dt>{t('invoice.email')}</dt>
              <dd>{latest.email}</dd>
            </div>
            {latest.invoiceNo && (
              <div>
                <dt>{t('invoice.no')}</dt>
                <dd data-testid="invoice-no">{latest.invoiceNo}</dd>
              </div>
            )}
            <div>
              <dt>{t('invoice.requestedAt')}</dt>
              <dd>{formatDateTime(latest.createdAt, lang)}</dd>
            </div>
          </dl>
          {latest.status === 'rejected' && latest.note && <p className="m-order-alert">{t('invoice.rejectedNote', { note: latest.note })}</p>}
        </div>
      )}
      {canApply && (
        <Button block color="primary" fill="outline" onClick={() => setOpen(true)} data-testid="invoice-apply">
          {t(latest ? 'invoice.applyAgain' : 'invoice.apply')}
        </Button>
      )}
      <InvoiceSheet
        orderId={order.id}
        amountFen={amountFen}
        visible={open}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          invoices.reload(true);
        }}
      />
    </section>
  );
}
