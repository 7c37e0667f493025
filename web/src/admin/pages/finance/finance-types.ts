import type { CommissionRule, InsuranceRules, WithdrawalRules as ServerWithdrawalRules } from '../../../../../src/shared-types';

// Answers of the finance console API (docs/api-payments.md, 财务).

/** The flows of one local day or month. */
export interface PeriodFlows {
  gmvFen: number;
  paidFen: number;
  refundedFen: number;
  commissionFen: number;
  feesFen: number;
  insuranceFen: number;
  promotionsFen: number;
  /** Refunds the platform bore because the worker had already withdrawn their share. */
  lossesFen: number;
  payoutsFen: number;
  /** Commission + fees − promotions − losses. */
  revenueFen: number;
}

/** The period's flows and what is held now. */
export interface SummaryTotals extends PeriodFlows {
  escrowFen: number;
  workerPendingFen: number;
  workerAvailableFen: number;
  /** Prepaid on service cards (次卡), not yet spent on visits. */
  cardPrepaidFen: number;
}

export interface FinanceSummary {
  from: string;
  to: string;
  totals: SummaryTotals;
  byDay: (PeriodFlows & { date: string })[];
  /** `YYYY-MM` in the city. */
  byMonth: (PeriodFlows & { month: string })[];
}

export interface TrialBalance {
  accounts: { code: string; kind: string; balanceFen: number; derivedFen: number }[];
  byKind: { kind: string; balanceFen: number }[];
  totalFen: number;
  mismatches: string[];
  negative?: string[];
}

export interface JournalEntry {
  /** A sequence number (the only non-UUID id the API shows; entries are append-only). */
  id: number;
  kind: string;
  memo: string;
  orderId: string | null;
  orderNo: string | null;
  createdAt: string;
  lines: { account: string; amountFen: number }[];
}

export interface PaymentRow {
  id: string;
  orderId: string;
  orderNo: string;
  method: string;
  purpose?: string;
  amountFen: number;
  status: string;
  outTradeNo: string;
  providerTxnId: string | null;
  paidAt: string | null;
  createdAt: string;
}

export interface RefundRow {
  id: string;
  orderId: string;
  orderNo: string;
  amountFen: number;
  status: string;
  kind: string;
  reason: string;
  createdAt: string;
  succeededAt: string | null;
}

export type WithdrawalStatus = 'pending_review' | 'paying' | 'paid' | 'failed' | 'rejected';

export interface AdminWithdrawal {
  id: string;
  workerId: string;
  workerName: string;
  amountFen: number;
  feeFen: number;
  netFen: number;
  cardMasked: string;
  status: WithdrawalStatus;
  attempts: number;
  failureReason: string | null;
  reviewNote: string | null;
  createdAt: string;
  paidAt: string | null;
}

export interface Reconciliation {
  provider: string;
  date: string;
  matched: number;
  mismatches: { outTradeNo: string; kind: 'missing_here' | 'missing_there' | 'amount_differs' | 'status_differs'; ours: unknown; theirs: unknown }[];
}

export type { CommissionRule } from '../../../../../src/shared-types';

export type WithdrawalRules = ServerWithdrawalRules & { maxAttempts: number };

export type { InsuranceMode, InsurancePlan, InsuranceRules } from '../../../../../src/shared-types';

export interface FinanceSettings {
  settlementDelayDays: number;
  commissionRules: CommissionRule[];
  withdrawal: WithdrawalRules;
  insurance: InsuranceRules;
}

export type InvoiceStatus = 'requested' | 'issued' | 'rejected';

/** An invoice request (发票申请) of a completed order. */
export interface InvoiceRequest {
  id: string;
  orderId: string;
  orderNo: string;
  titleKind: 'personal' | 'company';
  title: string;
  taxNo: string | null;
  email: string;
  amountFen: number;
  status: InvoiceStatus;
  invoiceNo: string | null;
  note: string;
  decidedAt: string | null;
  createdAt: string;
}
