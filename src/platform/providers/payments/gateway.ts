/**
 * Our side of the providers: verifying and decoding their notifications (the real protocols: WeChat Pay
 * v3 for `wechat` and `card`, Alipay RSA2 for `alipay`), and their APIs — answered by the local simulator
 * in the embedded default. A real deployment swaps the API half (charges, queries, refunds, statements)
 * and the keys; the notification half stays.
 */
import { decryptResource, verifyNotification, type EncryptedResource } from '../pay-signing.js';
import { verifyParams, yuanToFen } from './alipay-signing.js';
import { SIM_APP_ID, SIM_MERCHANT, type PaySimulator } from './simulator.js';
import type { ParsedNotification, PaymentGateway, PaymentProvider, PayProvider } from './types.js';

interface WechatTransaction {
  mchid?: string; appid?: string; out_trade_no?: string; transaction_id?: string; trade_state?: string; success_time?: string;
  amount?: { total?: number; currency?: string };
}

/**
 * The provider's own time of payment as an ISO instant: WeChat's `success_time` is RFC 3339, Alipay's `gmt_payment`
 * is `yyyy-MM-dd HH:mm:ss` in Beijing time. Undefined when absent or unreadable.
 */
export function providerPaidAt(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(' ', 'T')}+08:00` : value;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

async function parseWechat(sim: PaySimulator, provider: PayProvider, input: Parameters<PaymentProvider['parseNotification']>[0]): Promise<ParsedNotification> {
  const keys = await sim.keysOf(provider); // the platform certificates a merchant downloads
  const verified = verifyNotification({ publicKeys: new Map([[keys.serial, keys.publicPem]]), headers: input.headers, rawBody: input.rawBody, now: input.now });
  if (!verified.ok) return { ok: false, reason: verified.reason };
  let body: { id?: string; event_type?: string; resource?: EncryptedResource };
  let tx: WechatTransaction;
  try {
    body = JSON.parse(input.rawBody);
    tx = JSON.parse(decryptResource({ apiV3Key: keys.apiKey, resource: body.resource! }));
  } catch {
    return { ok: false, reason: 'RESOURCE_UNREADABLE' };
  }
  const total = tx.amount?.total;
  if (!tx.out_trade_no || !Number.isSafeInteger(total) || !tx.mchid) return { ok: false, reason: 'RESOURCE_INCOMPLETE' };
  return {
    ok: true,
    replayKey: `${provider}:${verified.serial}:${verified.nonce}`,
    event: {
      outTradeNo: tx.out_trade_no, txnId: tx.transaction_id ?? '', amountFen: total!, currency: tx.amount?.currency ?? '', success: tx.trade_state === 'SUCCESS',
      paidAt: providerPaidAt(tx.success_time), eventId: body.id ?? '', merchantId: `${tx.mchid}/${tx.appid ?? ''}`,
    },
  };
}

/** Alipay resends a notification for up to 25 h (4 m … 15 h apart): an older `notify_time` is a replay. */
export const ALIPAY_NOTIFY_MAX_AGE_MS = 48 * 3_600_000;
const FUTURE_SLACK_MS = 5 * 60_000;

/** Whether a notification's own time is believable now: not older than `maxAgeMs`, not more than 5 min ahead. */
export function freshNotifyTime(notifyTime: string | undefined, now: Date, maxAgeMs = ALIPAY_NOTIFY_MAX_AGE_MS): boolean {
  const at = providerPaidAt(notifyTime);
  if (!at) return false;
  const age = now.getTime() - Date.parse(at);
  return age <= maxAgeMs && age >= -FUTURE_SLACK_MS;
}

async function parseAlipay(sim: PaySimulator, input: Parameters<PaymentProvider['parseNotification']>[0]): Promise<ParsedNotification> {
  const keys = await sim.keysOf('alipay');
  const params = Object.fromEntries(new URLSearchParams(input.rawBody));
  if (!verifyParams(params, keys.publicPem)) return { ok: false, reason: 'BAD_SIGNATURE' };
  if (!freshNotifyTime(params.notify_time, input.now)) return { ok: false, reason: 'NOTIFY_TIME_OUT_OF_WINDOW' };
  const amountFen = yuanToFen(params.total_amount ?? '');
  if (!params.out_trade_no || amountFen === null) return { ok: false, reason: 'RESOURCE_INCOMPLETE' };
  return {
    ok: true,
    event: {
      outTradeNo: params.out_trade_no, txnId: params.trade_no ?? '', amountFen, currency: 'CNY', success: params.trade_status === 'TRADE_SUCCESS' || params.trade_status === 'TRADE_FINISHED',
      paidAt: providerPaidAt(params.gmt_payment), eventId: params.notify_id ?? '', merchantId: `${params.seller_id ?? ''}/${params.app_id ?? ''}`,
    },
  };
}

function simulatedProvider(sim: PaySimulator, name: PayProvider): PaymentProvider {
  const alipay = name === 'alipay';
  return {
    name,
    merchantId: `${SIM_MERCHANT[name]}/${SIM_APP_ID[name]}`,
    createCharge: (request) => sim.createCharge(name, request),
    parseNotification: (input) => (alipay ? parseAlipay(sim, input) : parseWechat(sim, name, input)),
    answer(ok, message = '') {
      if (alipay) return { status: 200, contentType: 'text/plain; charset=utf-8', body: ok ? 'success' : 'failure' };
      return ok
        ? { status: 200, contentType: 'application/json', body: '' }
        : { status: 401, contentType: 'application/json', body: JSON.stringify({ code: 'FAIL', message }) };
    },
    queryCharge: (outTradeNo) => sim.queryCharge(outTradeNo),
    refund: (input) => sim.refund(input),
    statement: (date, zone) => sim.statement(name, date, zone),
  };
}

export function simulatedGateway(sim: PaySimulator): PaymentGateway {
  const providers = new Map((['wechat', 'alipay', 'card'] as const).map((p) => [p, simulatedProvider(sim, p)]));
  return { provider: (name) => providers.get(name)!, payouts: sim.payouts };
}
