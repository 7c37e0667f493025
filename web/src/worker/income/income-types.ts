/** `GET /api/worker/income` (docs/api-payments.md, 收入). */
export interface WorkerIncome {
  todayFen: number;
  monthFen: number;
  totalFen: number;
  pendingFen: number;
  availableFen: number;
  inFlightFen: number;
  settlementDelayDays: number;
  byDay: { date: string; netFen: number }[];
  orders: IncomeOrder[];
}

export interface IncomeOrder {
  orderId: string;
  orderNo: string;
  itemName: string;
  /** `completion` (a finished order) or `compensation` (a customer's cancellation fee share). */
  kind?: string;
  completedAt: string;
  grossFen: number;
  commissionFen: number;
  commissionReason: { zh: string; en: string } | null;
  compensationFen: number;
  /** Taken back from this order's share by an after-sales / arbitration refund. */
  clawbackFen?: number;
  netFen: number;
  /** Where the money is now: 待结算 / 可提现 / 提现中 / 已提现 / 已退回 (from the ledger's release and the withdrawals). */
  state: 'pending' | 'available' | 'withdrawing' | 'withdrawn' | 'returned';
  /** When a withdrawal took part of it: each part by state. */
  parts: { state: IncomeOrder['state']; fen: number }[];
  availableAt: string;
}

export interface BankCard {
  id: string;
  bankName: string;
  holderName: string;
  cardMasked: string;
  createdAt: string;
}

export type WithdrawalQuote =
  | { ok: true; feeFen: number; netFen: number; needsReview: boolean }
  | { ok: false; code: string; message: string; messageEn?: string };

export type WithdrawalStatus = 'pending_review' | 'paying' | 'paid' | 'failed' | 'rejected';

export interface Withdrawal {
  id: string;
  amountFen: number;
  feeFen: number;
  netFen: number;
  cardMasked: string;
  status: WithdrawalStatus;
  failureReason: string | null;
  reviewNote: string | null;
  createdAt: string;
  paidAt: string | null;
}
