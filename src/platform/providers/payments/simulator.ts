/**
 * The local payment simulator: plays WeChat Pay (and a card gateway in the same format) and Alipay for the
 * embedded default. It keeps its own charges, holds its own signing keys, shows a cashier page where the
 * tester pays, fails or abandons, and then sends signed notifications to our notify endpoint through the
 * app's HTTP pipeline — once at once (or late), then twice more, as real providers resend.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import { scheduleJob, type JobRunner } from '../../jobs.js';
import { encryptResource, generateApiV3Key, generateMerchantKeys, signNotification } from '../pay-signing.js';
import { fenToYuan, signParams } from './alipay-signing.js';
import type { ChargeRequest, ChargeStatus, PayProvider, PayoutProvider, StatementRow } from './types.js';

type Db = Kysely<DB>;
export type Deliver = (request: { url: string; headers: Record<string, string>; payload: string }) => Promise<{ statusCode: number; body: string }>;
export interface SimKeys { serial: string; privatePem: string; publicPem: string; apiKey: string }

export const SIM_MERCHANT = { wechat: '1900000001', card: 'CARD-SIM-001', alipay: '2088000000000001' } as const;
export const SIM_APP_ID = { wechat: 'wx-daojia-sim', card: 'card-daojia-sim', alipay: '2021000000000001' } as const;
/** Resends after the first notification (ms), as providers repeat notifications. */
const RESENDS_MS = [2_000, 30_000];
const LATE_MS = 15_000;
/** Simulated bank cards ending in 0000 always fail a payout (to exercise failure and retry). */
export const FAILING_CARD_SUFFIX = '0000';

// RSA key generation is slow; one set per provider per process (each database keeps its own copy).
const generated = new Map<PayProvider, SimKeys>();
function freshKeys(provider: PayProvider): SimKeys {
  let keys = generated.get(provider);
  if (!keys) {
    const pair = generateMerchantKeys();
    keys = { serial: pair.serial, privatePem: pair.privateKeyPem, publicPem: pair.publicKeyPem, apiKey: generateApiV3Key() };
    generated.set(provider, keys);
  }
  return keys;
}

export type Outcome = 'pay' | 'fail' | 'abandon';

export function createPaySimulator(db: Db, jobs: JobRunner) {
  let deliver: Deliver | undefined;

  async function keysOf(provider: PayProvider): Promise<SimKeys> {
    const row = await db.selectFrom('paysim.signing_keys').selectAll().where('provider', '=', provider).executeTakeFirst();
    if (row) return { serial: row.serial, privatePem: row.platform_private_pem, publicPem: row.platform_public_pem, apiKey: row.api_key };
    const k = freshKeys(provider);
    await db.insertInto('paysim.signing_keys').values({ provider, serial: k.serial, platform_private_pem: k.privatePem, platform_public_pem: k.publicPem, api_key: k.apiKey, created_at: new Date() })
      .onConflict((oc) => oc.column('provider').doNothing()).execute();
    return keysOf(provider);
  }

  async function charge(id: string) {
    return db.selectFrom('paysim.charges').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async function notification(c: NonNullable<Awaited<ReturnType<typeof charge>>>, now: Date) {
    const provider = c.provider;
    const keys = await keysOf(provider);
    const success = c.status === 'paid';
    if (provider === 'alipay') {
      const params = signParams({
        notify_id: randomUUID().replace(/-/g, ''), notify_time: now.toISOString(), notify_type: 'trade_status_sync', charset: 'utf-8', version: '1.0',
        app_id: SIM_APP_ID.alipay, seller_id: SIM_MERCHANT.alipay, out_trade_no: c.out_trade_no, trade_no: c.txn_id ?? '', total_amount: fenToYuan(c.amount_fen),
        trade_status: success ? 'TRADE_SUCCESS' : 'TRADE_CLOSED', gmt_payment: (c.decided_at ?? now).toISOString(),
      }, keys.privatePem);
      return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(params).toString() };
    }
    const merchant = SIM_MERCHANT[provider];
    const transaction = {
      mchid: merchant, appid: SIM_APP_ID[provider], out_trade_no: c.out_trade_no, transaction_id: c.txn_id ?? '', trade_type: 'JSAPI',
      trade_state: success ? 'SUCCESS' : 'PAYERROR', success_time: (c.decided_at ?? now).toISOString(),
      amount: { total: c.amount_fen, payer_total: c.amount_fen, currency: 'CNY', payer_currency: 'CNY' },
    };
    const body = JSON.stringify({
      id: randomUUID(), create_time: now.toISOString(), resource_type: 'encrypt-resource', event_type: success ? 'TRANSACTION.SUCCESS' : 'TRANSACTION.FAIL',
      summary: success ? '支付成功' : '支付失败',
      resource: encryptResource({ apiV3Key: keys.apiKey, plaintext: JSON.stringify(transaction), associatedData: 'transaction', originalType: 'transaction' }),
    });
    const signed = signNotification({ privateKey: keys.privatePem, serial: keys.serial, body, timestamp: Math.floor(now.getTime() / 1000) });
    return { headers: { ...signed, 'content-type': 'application/json' }, payload: body };
  }

  /** Sends the charge's notification now; returns our endpoint's status (0 when it could not be reached). */
  async function notify(chargeId: string, now = new Date()): Promise<number> {
    const c = await charge(chargeId);
    if (!c || (c.status !== 'paid' && c.status !== 'failed') || !deliver) return 0;
    const { headers, payload } = await notification(c, now);
    try {
      return (await deliver({ url: c.notify_url, headers, payload })).statusCode;
    } catch {
      return 0;
    }
  }

  async function scheduleResends(chargeId: string, fromMs: number, delays: readonly number[]) {
    for (const [i, ms] of delays.entries()) {
      await scheduleJob(db, { kind: 'paysim.notify', key: `paysim:${chargeId}:${i}`, runAt: new Date(fromMs + ms), payload: { chargeId } });
    }
  }

  jobs.registerExternal('paysim.notify', async (job) => {
    await notify(String(job.payload.chargeId));
  });

  const payouts: PayoutProvider = {
    async payout({ ref, cardNo, amountFen }) {
      const status = cardNo.endsWith(FAILING_CARD_SUFFIX) ? 'failed' : 'paid';
      await db.insertInto('paysim.payouts').values({ ref, card_last4: cardNo.slice(-4), amount_fen: amountFen, status, created_at: new Date() })
        .onConflict((oc) => oc.column('ref').doNothing()).execute();
      const row = await db.selectFrom('paysim.payouts').select('status').where('ref', '=', ref).executeTakeFirstOrThrow();
      return row.status === 'paid' ? { ok: true, ref } : { ok: false, reason: '模拟银行：收款卡状态异常（尾号 0000 的测试卡总是失败）' };
    },
  };

  return {
    payouts,
    keysOf,
    charge,
    /** The app delivers notifications through its own HTTP pipeline (same route, headers and raw body as a network call). */
    setDeliver(fn: Deliver) { deliver = fn; },

    async createCharge(provider: PayProvider, request: ChargeRequest) {
      const id = `ch_${randomBytes(12).toString('hex')}`;
      await db.insertInto('paysim.charges').values({
        id, provider, out_trade_no: request.outTradeNo, amount_fen: request.amountFen, description: request.description,
        notify_url: request.notifyPath, return_url: request.returnUrl, created_at: new Date(),
      }).execute();
      return { chargeId: id, cashierUrl: `/paysim/cashier/${id}` };
    },

    /**
     * Charges that were paid before this simulator was asked (the demo city's history): on its books as paid on
     * their day, with what was refunded, so its statement of a past day matches the platform's payments.
     */
    async recordPastCharges(rows: readonly { provider: PayProvider; outTradeNo: string; amountFen: number; txnId: string; paidAt: Date; refundedFen: number; description: string }[]) {
      for (let i = 0; i < rows.length; i += 2000) {
        await db.insertInto('paysim.charges').values(rows.slice(i, i + 2000).map((r) => ({
          id: `ch_${randomBytes(12).toString('hex')}`, provider: r.provider, out_trade_no: r.outTradeNo, amount_fen: r.amountFen, description: r.description,
          notify_url: `/api/payments/notify/${r.provider}`, return_url: '', status: 'paid' as const, txn_id: r.txnId, refunded_fen: r.refundedFen,
          created_at: new Date(r.paidAt.getTime() - 60_000), decided_at: r.paidAt,
        }))).execute();
      }
    },

    /** The tester's choice on the cashier page; returns where to send the browser. */
    async decide(chargeId: string, outcome: Outcome, late: boolean): Promise<string | null> {
      const now = new Date();
      const status = outcome === 'pay' ? 'paid' : outcome === 'fail' ? 'failed' : 'abandoned';
      const decided = await db.updateTable('paysim.charges')
        .set({ status, decided_at: now, txn_id: outcome === 'pay' ? `42000${Date.now()}${randomBytes(3).toString('hex')}` : null })
        .where('id', '=', chargeId).where('status', '=', 'open').returning(['return_url']).executeTakeFirst();
      const c = await charge(chargeId);
      if (!c) return null;
      if (decided && outcome !== 'abandon') {
        if (late) await scheduleResends(chargeId, now.getTime(), [LATE_MS, ...RESENDS_MS.map((ms) => LATE_MS + ms)]);
        else {
          await notify(chargeId, now);
          await scheduleResends(chargeId, now.getTime(), RESENDS_MS);
        }
      }
      return c.return_url;
    },

    async queryCharge(outTradeNo: string): Promise<ChargeStatus> {
      const c = await db.selectFrom('paysim.charges').selectAll().where('out_trade_no', '=', outTradeNo).executeTakeFirst();
      if (!c) return { status: 'unknown' };
      return { status: c.status, txnId: c.txn_id ?? undefined, amountFen: c.amount_fen, paidAt: c.status === 'paid' && c.decided_at ? c.decided_at.toISOString() : undefined };
    },

    /** Idempotent by refund number, as providers are: asking again answers the first result. */
    async refund({ outTradeNo, refundNo, amountFen }: { outTradeNo: string; refundNo: string; amountFen: number }) {
      const before = await db.selectFrom('paysim.refunds').select('refund_id').where('refund_no', '=', refundNo).executeTakeFirst();
      if (before) return { refundId: before.refund_id };
      const done = await db.updateTable('paysim.charges').set({ refunded_fen: sql`refunded_fen + ${amountFen}` })
        .where('out_trade_no', '=', outTradeNo).where('status', '=', 'paid').where(sql<boolean>`refunded_fen + ${amountFen} <= amount_fen`)
        .returning('id').executeTakeFirst();
      if (!done) throw new Error(`simulated provider refused refund ${refundNo}: more than the charge or not paid`);
      const refundId = `50300${Date.now()}${randomBytes(3).toString('hex')}`;
      await db.insertInto('paysim.refunds').values({ refund_no: refundNo, out_trade_no: outTradeNo, amount_fen: amountFen, refund_id: refundId, created_at: new Date() }).execute();
      return { refundId };
    },

    async statement(provider: PayProvider, date: string, zone: string): Promise<StatementRow[]> {
      const rows = await db.selectFrom('paysim.charges').selectAll().where('provider', '=', provider).where('status', 'in', ['paid', 'failed'])
        .where(sql<boolean>`(decided_at at time zone ${zone})::date = ${date}::date`).orderBy('decided_at').execute();
      return rows.map((r) => ({ outTradeNo: r.out_trade_no, txnId: r.txn_id ?? '', amountFen: r.amount_fen, refundedFen: r.refunded_fen, status: r.status as 'paid' | 'failed', at: r.decided_at!.toISOString() }));
    },
  };
}

export type PaySimulator = ReturnType<typeof createPaySimulator>;
