/** `GET /api/orders/:id/bill` (docs/api-payments.md). */
export interface OrderBill {
  lines: { code?: string; label: { zh: string; en: string } | string; amountFen: number }[];
  couponFen: number;
  insuranceFen: number;
  extrasFen: number;
  totalFen: number;
  paidFen: number;
  refundedFen: number;
  payments: { id: string; method: string; amountFen: number; status: string; paidAt: string | null }[];
  refunds: { id: string; amountFen: number; status: 'processing' | 'succeeded'; reason: string; kind: string; createdAt: string; succeededAt: string | null }[];
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
