import type { CommissionRule, FinanceSettings, InsuranceMode, InsurancePlan, InsuranceRules } from './finance-types';

/** One insurance plan in the form: money in yuan; a category may `inherit` the default plan (no plan of its own). */
export interface PlanValues {
  mode: InsuranceMode | 'inherit';
  premiumYuan: number;
  coverYuan: number;
}

export interface InsuranceValues {
  default: PlanValues;
  byCategory: Record<string, PlanValues>;
}

/** The settings as one flat form: money in yuan, the fee in percent, the commission rules as JSON text, insurance per category. */
export interface SettingsValues {
  settlementDelayDays: number;
  feePercent: number;
  minFeeYuan: number;
  minAmountYuan: number;
  dailyLimitYuan: number;
  reviewAboveYuan: number;
  maxAttempts: number;
  commissionRules: string;
  insurance: InsuranceValues;
}

/** Form fields and the API fields whose errors they show. */
export const FIELD_OF: Record<string, keyof SettingsValues> = {
  settlementDelayDays: 'settlementDelayDays',
  feeBp: 'feePercent',
  minFeeFen: 'minFeeYuan',
  minAmountFen: 'minAmountYuan',
  dailyLimitFen: 'dailyLimitYuan',
  reviewAboveFen: 'reviewAboveYuan',
  maxAttempts: 'maxAttempts',
  commissionRules: 'commissionRules',
};

const yuan = (fen: number) => fen / 100;
const fen = (value: number) => Math.round(value * 100);

const planValues = (p: InsurancePlan): PlanValues => ({ mode: p.mode, premiumYuan: yuan(p.premiumFen), coverYuan: yuan(p.coverFen) });
const plan = (p: PlanValues): InsurancePlan => ({ mode: p.mode === 'inherit' ? 'off' : p.mode, premiumFen: fen(p.premiumYuan ?? 0), coverFen: fen(p.coverYuan ?? 0) });

/** Every category in `categoryCodes` (and any other with a plan) gets a row: its own plan, or the default's figures to start from. */
export function insuranceValues(rules: InsuranceRules, categoryCodes: readonly string[]): InsuranceValues {
  const byCategory: Record<string, PlanValues> = {};
  for (const code of new Set([...categoryCodes, ...Object.keys(rules.byCategory)])) {
    const own = rules.byCategory[code];
    byCategory[code] = own ? planValues(own) : { ...planValues(rules.default), mode: 'inherit' };
  }
  return { default: planValues(rules.default), byCategory };
}

export function insuranceRules(v: InsuranceValues): InsuranceRules {
  const byCategory: Record<string, InsurancePlan> = {};
  for (const [code, p] of Object.entries(v.byCategory ?? {})) if (p.mode !== 'inherit') byCategory[code] = plan(p);
  return { default: plan(v.default), byCategory };
}

export function toValues(s: FinanceSettings, categoryCodes: readonly string[] = []): SettingsValues {
  const w = s.withdrawal;
  return {
    settlementDelayDays: s.settlementDelayDays,
    feePercent: w.feeBp / 100,
    minFeeYuan: yuan(w.minFeeFen),
    minAmountYuan: yuan(w.minAmountFen),
    dailyLimitYuan: yuan(w.dailyLimitFen),
    reviewAboveYuan: yuan(w.reviewAboveFen),
    maxAttempts: w.maxAttempts,
    commissionRules: JSON.stringify(s.commissionRules, null, 2),
    insurance: insuranceValues(s.insurance, categoryCodes),
  };
}

/** The PUT body; throws SyntaxError when the rules are not a JSON array. */
export function toBody(v: SettingsValues): FinanceSettings {
  const rules = JSON.parse(v.commissionRules) as unknown;
  if (!Array.isArray(rules)) throw new SyntaxError('not an array');
  return {
    settlementDelayDays: v.settlementDelayDays,
    commissionRules: rules as CommissionRule[],
    withdrawal: {
      feeBp: Math.round(v.feePercent * 100),
      minFeeFen: fen(v.minFeeYuan),
      minAmountFen: fen(v.minAmountYuan),
      dailyLimitFen: fen(v.dailyLimitYuan),
      reviewAboveFen: fen(v.reviewAboveYuan),
      maxAttempts: v.maxAttempts,
    },
    insurance: insuranceRules(v.insurance),
  };
}

const pct = (bp: number) => `${bp / 100}%`;

/** One line about the default rule, e.g. `阶梯 0 单起 20% · 50 单起 15% · 200 单起 12%`. */
export function describeDefault(rules: CommissionRule[], lang: string): string {
  const rule = rules.find((r) => !r.scope || Object.keys(r.scope).length === 0);
  if (!rule) return '—';
  const en = lang === 'en';
  if (rule.kind === 'fixed') return `${en ? 'Fixed' : '固定'} ${pct(rule.bp)}`;
  if (rule.kind === 'tiered_by_orders') return rule.tiers.map((tier) => (en ? `from order ${tier.fromOrders}: ${pct(tier.bp)}` : `${tier.fromOrders} 单起 ${pct(tier.bp)}`)).join(' · ');
  return Object.entries(rule.levels).map(([level, bp]) => `${level} ${pct(bp)}`).join(' · ');
}
