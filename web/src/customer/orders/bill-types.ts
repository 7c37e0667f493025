/** `GET /api/orders/:id/bill` (docs/api-payments.md). */
export interface OrderBill {
  lines: { code?: string; label: { zh: string; en: string } | string; amountFen: number }[];
  couponFen: number;
  insuranceFen: number;
  insuranceCoverFen: number;
  extrasFen: number;
  totalFen: number;
  paidFen: number;
  refundedFen: number;
  payments: { id: string; method: string; amountFen: number; status: string; paidAt: string | null }[];
  refunds: { id: string; amountFen: number; status: 'processing' | 'succeeded'; reason: string; kind: string; createdAt: string; succeededAt: string | null }[];
  /** The 次卡 that paid the visit (`returned`: the visit was cancelled and went back onto the card). */
  serviceCard: { cardId: string; cardNo: string; name: string; amountFen: number; status: 'redeemed' | 'returned' } | null;
}

/** `GET /api/orders/:id/invoices`: my invoice requests for the order, newest first. */
export interface InvoiceRequest {
  id: string;
  orderId: string;
  titleKind: 'personal' | 'company';
  title: string;
  taxNo: string | null;
  email: string;
  amountFen: number;
  status: 'requested' | 'issued' | 'rejected';
  invoiceNo: string | null;
  note: string;
  decidedAt: string | null;
  createdAt: string;
}

/** `GET /api/payments/:id`. */
export interface PaymentView {
  id: string;
  orderId: string;
  method: string;
  amountFen: number;
  status: 'pending' | 'paid' | 'failed' | 'closed';
  paidAt: string | null;
  failedReason: string;
}
