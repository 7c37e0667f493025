/**
 * Payment and payout providers as the payments domain sees them. A real deployment plugs WeChat Pay,
 * Alipay and a card gateway in here; the embedded default is the local simulator (`simulator.ts`), which
 * speaks the same notification formats, so the verifying side (`notifications.ts`) is the real one.
 */
export type PayProvider = 'wechat' | 'alipay' | 'card';
export const PAY_PROVIDERS: readonly PayProvider[] = ['wechat', 'alipay', 'card'];

export interface ChargeRequest {
  outTradeNo: string;
  amountFen: number;
  description: string;
  /** Path of our notify endpoint, e.g. `/api/payments/notify/wechat`. */
  notifyPath: string;
  /** Where the cashier sends the customer afterwards (a portal path). */
  returnUrl: string;
}

/** A verified notification's content. */
export interface PaymentEvent {
  outTradeNo: string;
  txnId: string;
  amountFen: number;
  currency: string;
  success: boolean;
  /** When the provider says the customer paid (ISO); the bill's day follows it, so ours must too. */
  paidAt?: string;
  eventId: string;
  /** The merchant / app it was meant for (checked against ours). */
  merchantId: string;
}

/** `replayKey`: set when the provider never sends the same signed bytes twice (WeChat's nonce): seen again, it is a replay. */
export type ParsedNotification = { ok: true; event: PaymentEvent; replayKey?: string } | { ok: false; reason: string };

export interface ChargeStatus { status: 'open' | 'paid' | 'failed' | 'abandoned' | 'unknown'; txnId?: string; amountFen?: number; paidAt?: string }

export interface StatementRow { outTradeNo: string; txnId: string; amountFen: number; refundedFen: number; status: 'paid' | 'failed'; at: string }

export interface PaymentProvider {
  readonly name: PayProvider;
  readonly merchantId: string;
  createCharge(request: ChargeRequest): Promise<{ chargeId: string; cashierUrl: string }>;
  /** Verifies and decodes a notification exactly as received; never throws for bad input. */
  parseNotification(input: { headers: Record<string, string | string[] | number | undefined>; rawBody: string; now: Date }): Promise<ParsedNotification>;
  /** The answer the provider expects: it retries until it gets the success answer. */
  answer(ok: boolean, message?: string): { status: number; contentType: string; body: string };
  queryCharge(outTradeNo: string): Promise<ChargeStatus>;
  refund(input: { outTradeNo: string; refundNo: string; amountFen: number }): Promise<{ refundId: string }>;
  /** The provider's statement of one local day (`YYYY-MM-DD` in `zone`), for reconciliation. */
  statement(date: string, zone: string): Promise<StatementRow[]>;
}

export type PayoutResult = { ok: true; ref: string } | { ok: false; reason: string };

export interface PayoutProvider {
  payout(input: { ref: string; cardNo: string; holderName: string; bankName: string; amountFen: number }): Promise<PayoutResult>;
}

export interface PaymentGateway {
  provider(name: PayProvider): PaymentProvider;
  payouts: PayoutProvider;
}
