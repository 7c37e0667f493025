/** Per-city money rules finance can change: settlement delay, commission rules, withdrawal rules. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError, type FieldErrorSpec } from '../../platform/errors.js';
import { DEFAULT_COMMISSION_RULE, validateCommissionRules, type CommissionRule } from './commission.js';
import { DEFAULT_INSURANCE, insuranceOf, insuranceProblems, planFor, type InsuranceRules } from './insurance.js';
import { DEFAULT_WITHDRAWAL_RULES, validateWithdrawalRules, type WithdrawalRules } from './withdrawal-rules.js';

export interface PaymentSettings {
  /** T+N: a completed order's net share becomes withdrawable N days after completion. */
  settlementDelayDays: number;
  commissionRules: CommissionRule[];
  withdrawal: WithdrawalRules & { maxAttempts: number };
  /** Accident insurance per category. */
  insurance: InsuranceRules;
}

export const DEFAULT_PAYMENT_SETTINGS: PaymentSettings = {
  settlementDelayDays: 7,
  commissionRules: [DEFAULT_COMMISSION_RULE],
  withdrawal: { ...DEFAULT_WITHDRAWAL_RULES, maxAttempts: 3 },
  insurance: DEFAULT_INSURANCE,
};

export async function paymentSettings(db: Kysely<DB>, cityCode: string): Promise<PaymentSettings> {
  const row = await db.selectFrom('payment_settings').select('settings').where('city_code', '=', cityCode).executeTakeFirst();
  const saved = (row?.settings ?? {}) as Partial<PaymentSettings>;
  return { ...DEFAULT_PAYMENT_SETTINGS, ...saved, insurance: saved.insurance ?? DEFAULT_INSURANCE, withdrawal: { ...DEFAULT_PAYMENT_SETTINGS.withdrawal, ...(saved.withdrawal ?? {}) } };
}

/** Validates (400 with field errors) and stores the city's settings. */
export async function savePaymentSettings(db: Kysely<DB>, cityCode: string, settings: PaymentSettings): Promise<PaymentSettings> {
  const problems: FieldErrorSpec[] = [];
  const bad = (field: string, zh: string, en: string) => problems.push({ field, code: 'invalid', message: { zh, en } });
  if (!Number.isInteger(settings.settlementDelayDays) || settings.settlementDelayDays < 0 || settings.settlementDelayDays > 90) bad('settlementDelayDays', '结算周期须为 0–90 天', 'Settlement delay must be 0 to 90 days');
  const check = (field: string, fn: () => void) => { try { fn(); } catch (e) { bad(field, `规则无效：${(e as Error).message}`, `Invalid rules: ${(e as Error).message}`); } };
  check('commissionRules', () => validateCommissionRules(settings.commissionRules));
  check('withdrawal', () => validateWithdrawalRules(settings.withdrawal));
  if (!Number.isInteger(settings.withdrawal.maxAttempts) || settings.withdrawal.maxAttempts < 1 || settings.withdrawal.maxAttempts > 10) {
    bad('withdrawal.maxAttempts', '打款重试次数须为 1–10', 'Payout attempts must be 1 to 10');
  }
  for (const p of insuranceProblems(settings.insurance)) bad('insurance', `意外险配置无效：${p}`, `Invalid insurance: ${p}`);
  if (problems.length) throw new AppError('VALIDATION_FAILED', {}, problems);
  const json = JSON.stringify(settings);
  await db.insertInto('payment_settings').values({ city_code: cityCode, settings: json, updated_at: new Date() })
    .onConflict((oc) => oc.column('city_code').doUpdateSet({ settings: json, updated_at: new Date() })).execute();
  return settings;
}

/** The accident insurance an order of the category carries (null: none), from the city's rules. */
export async function orderInsurance(db: Kysely<DB>, cityCode: string, categoryCode: string, wanted: boolean | undefined) {
  return insuranceOf((await paymentSettings(db, cityCode)).insurance, categoryCode, wanted);
}

/** What a customer is offered for a category: off, optional or mandatory, premium and cover. */
export async function insuranceOffer(db: Kysely<DB>, cityCode: string, categoryCode: string) {
  return planFor((await paymentSettings(db, cityCode)).insurance, categoryCode);
}
