/**
 * Commission rules, worker levels and the per-order settlement split. Pure: no I/O, no clock.
 * Money is integer fen, rates are basis points (2000 = 20 %), products are rounded half away
 * from zero with `applyBasisPoints` (catalog/pricing/money.ts). See README.md in this folder.
 */
import { applyBasisPoints, BP_ONE, formatBasisPoints, formatFen } from '../catalog/index.js';

export interface LocalizedText { zh: string; en: string }

// ── Worker levels (等级) ─────────────────────────────────────────────────────────────────────

/** Worker levels, lowest first. */
export const WORKER_LEVELS = ['regular', 'silver', 'gold', 'diamond'] as const;
export type WorkerLevelCode = (typeof WORKER_LEVELS)[number];

export const WORKER_LEVEL_NAMES: Record<WorkerLevelCode, LocalizedText> = {
  regular: { zh: '普通', en: 'Regular' },
  silver: { zh: '银牌', en: 'Silver' },
  gold: { zh: '金牌', en: 'Gold' },
  diamond: { zh: '钻石', en: 'Diamond' },
};

/** What a level requires; all three conditions must hold. Ratings compare at 0.01 precision (numeric(3,2)). */
export interface LevelThreshold { completedOrders: number; ratingAvg: number; ratingCount: number }

/**
 * Default thresholds: 银牌 50 orders, ≥ 4.50 over ≥ 20 ratings; 金牌 200 orders, ≥ 4.70 over ≥ 80
 * ratings; 钻石 500 orders, ≥ 4.85 over ≥ 200 ratings. 普通 has no requirement.
 */
export const DEFAULT_LEVEL_THRESHOLDS: Record<Exclude<WorkerLevelCode, 'regular'>, LevelThreshold> = {
  silver: { completedOrders: 50, ratingAvg: 4.5, ratingCount: 20 },
  gold: { completedOrders: 200, ratingAvg: 4.7, ratingCount: 80 },
  diamond: { completedOrders: 500, ratingAvg: 4.85, ratingCount: 200 },
};

export interface WorkerStats { completedOrders: number; ratingAvg: number; ratingCount: number }

export interface WorkerLevel {
  code: WorkerLevelCode;
  /** 0 = regular … 3 = diamond. */
  rank: number;
  name: LocalizedText;
  /** The next level and what is still missing for it; null at the top. */
  next: { code: WorkerLevelCode; name: LocalizedText; ordersNeeded: number; ratingAvg: number; ratingsNeeded: number } | null;
}

const centi = (rating: number) => Math.round(rating * 100);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Throws RangeError unless every threshold is sane and no requirement falls from one level to the next. */
export function validateLevelThresholds(thresholds: typeof DEFAULT_LEVEL_THRESHOLDS): void {
  let prev: LevelThreshold = { completedOrders: 0, ratingAvg: 0, ratingCount: 0 };
  for (const code of WORKER_LEVELS.slice(1) as Exclude<WorkerLevelCode, 'regular'>[]) {
    const t = thresholds[code];
    if (!t || !isCount(t.completedOrders) || !isCount(t.ratingCount) || !(t.ratingAvg >= 0 && t.ratingAvg <= 5)) {
      throw new RangeError(`level ${code}: completedOrders and ratingCount must be integers ≥ 0, ratingAvg in 0..5`);
    }
    if (t.completedOrders < prev.completedOrders || t.ratingCount < prev.ratingCount || centi(t.ratingAvg) < centi(prev.ratingAvg)) {
      throw new RangeError(`level ${code} must not require less than the level below it`);
    }
    prev = t;
  }
}

/**
 * The highest level whose thresholds the worker meets (levels are cumulative: 金牌 needs 银牌's
 * conditions too, which the validated, non-decreasing thresholds guarantee). A worker without
 * ratings stays 普通 whatever the order count. Throws RangeError for negative or fractional counts.
 */
export function workerLevel(stats: WorkerStats, thresholds = DEFAULT_LEVEL_THRESHOLDS): WorkerLevel {
  if (!isCount(stats.completedOrders) || !isCount(stats.ratingCount)) throw new RangeError('completedOrders and ratingCount must be integers ≥ 0');
  if (!Number.isFinite(stats.ratingAvg) || stats.ratingAvg < 0 || stats.ratingAvg > 5) throw new RangeError('ratingAvg must be in 0..5');
  validateLevelThresholds(thresholds);
  const meets = (t: LevelThreshold) =>
    stats.completedOrders >= t.completedOrders && stats.ratingCount >= t.ratingCount && stats.ratingCount > 0 && centi(stats.ratingAvg) >= centi(t.ratingAvg);
  let rank = 0;
  for (let r = 1; r < WORKER_LEVELS.length; r++) {
    if (!meets(thresholds[WORKER_LEVELS[r] as Exclude<WorkerLevelCode, 'regular'>])) break;
    rank = r;
  }
  const code = WORKER_LEVELS[rank];
  const nextCode = WORKER_LEVELS[rank + 1] as Exclude<WorkerLevelCode, 'regular'> | undefined;
  const t = nextCode ? thresholds[nextCode] : undefined;
  return {
    code,
    rank,
    name: WORKER_LEVEL_NAMES[code],
    next: nextCode && t
      ? {
          code: nextCode,
          name: WORKER_LEVEL_NAMES[nextCode],
          ordersNeeded: Math.max(0, t.completedOrders - stats.completedOrders),
          ratingAvg: t.ratingAvg,
          ratingsNeeded: Math.max(0, t.ratingCount - stats.ratingCount, stats.ratingCount === 0 ? 1 : 0),
        }
      : null,
  };
}

// ── Commission rules ───────────────────────────────────────────────────────────────────────

export interface CommissionTier {
  /** The tier applies once the worker has completed at least this many orders before this one. */
  fromOrders: number;
  bp: number;
}

/** Where a rule applies; an absent member matches every value. No members = the default rule. */
export interface CommissionScope { categoryCode?: string; cityCode?: string }

interface RuleBase {
  id: string;
  scope?: CommissionScope;
  /** Lower bound of the commission per order in fen (still never more than the gross). */
  minFen?: number;
  /** Upper bound of the commission per order in fen. */
  maxFen?: number;
}

export type CommissionRule =
  | (RuleBase & { kind: 'fixed'; bp: number })
  | (RuleBase & { kind: 'tiered_by_orders'; tiers: readonly CommissionTier[] })
  | (RuleBase & { kind: 'by_level'; levels: Readonly<Record<WorkerLevelCode, number>> });

export type CommissionRuleKind = CommissionRule['kind'];

/** Platform default: 20 % for a worker's first 50 orders, 15 % up to 200, then 12 %. */
export const DEFAULT_COMMISSION_RULE: CommissionRule = {
  id: 'default-tiered',
  kind: 'tiered_by_orders',
  tiers: [
    { fromOrders: 0, bp: 2000 },
    { fromOrders: 50, bp: 1500 },
    { fromOrders: 200, bp: 1200 },
  ],
};
/** The fixed-rate option: 15 %. */
export const DEFAULT_FIXED_BP = 1500;
/** Suggested rates for a `by_level` rule. */
export const DEFAULT_LEVEL_BP: Record<WorkerLevelCode, number> = { regular: 2000, silver: 1800, gold: 1500, diamond: 1200 };

const isBp = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= BP_ONE;
const isCode = (v: unknown) => v === undefined || (typeof v === 'string' && v.length > 0);

/**
 * Throws RangeError for an unusable rule: empty id; bp outside 0..10000; tiers that do not start
 * at 0 orders, are not strictly increasing, or whose rate rises with experience; a `by_level` rule
 * missing a level or charging a higher level more; min/max that are not integers ≥ 0 or min > max.
 */
export function validateCommissionRule(rule: CommissionRule): void {
  const where = `commission rule ${JSON.stringify(rule?.id)}`;
  if (typeof rule?.id !== 'string' || rule.id.length === 0) throw new RangeError('a commission rule needs an id');
  if (!isCode(rule.scope?.categoryCode) || !isCode(rule.scope?.cityCode)) throw new RangeError(`${where}: scope codes must be non-empty strings`);
  for (const bound of [rule.minFen, rule.maxFen]) {
    if (bound !== undefined && !isCount(bound)) throw new RangeError(`${where}: minFen/maxFen must be integers ≥ 0`);
  }
  if (rule.minFen !== undefined && rule.maxFen !== undefined && rule.minFen > rule.maxFen) throw new RangeError(`${where}: minFen > maxFen`);
  switch (rule.kind) {
    case 'fixed':
      if (!isBp(rule.bp)) throw new RangeError(`${where}: bp must be an integer in 0..10000`);
      return;
    case 'tiered_by_orders': {
      const tiers = rule.tiers;
      if (!Array.isArray(tiers) || tiers.length === 0 || tiers[0].fromOrders !== 0) throw new RangeError(`${where}: the first tier must start at 0 orders`);
      tiers.forEach((t, i) => {
        if (!isCount(t.fromOrders) || !isBp(t.bp)) throw new RangeError(`${where}: each tier needs fromOrders ≥ 0 and bp in 0..10000`);
        if (i > 0 && t.fromOrders <= tiers[i - 1].fromOrders) throw new RangeError(`${where}: tiers must be in strictly increasing fromOrders`);
        if (i > 0 && t.bp > tiers[i - 1].bp) throw new RangeError(`${where}: a later tier must not charge more`);
      });
      return;
    }
    case 'by_level':
      WORKER_LEVELS.forEach((level, i) => {
        const bp = rule.levels?.[level];
        if (!isBp(bp)) throw new RangeError(`${where}: level ${level} needs bp in 0..10000`);
        if (i > 0 && bp > rule.levels[WORKER_LEVELS[i - 1]]) throw new RangeError(`${where}: a higher level must not charge more`);
      });
      return;
    default:
      throw new RangeError(`${where}: unknown kind ${(rule as { kind: unknown }).kind}`);
  }
}

const scopeKey = (s: CommissionScope | undefined) => `${s?.categoryCode ?? '*'}|${s?.cityCode ?? '*'}`;

/** Throws RangeError unless every rule is valid, ids and scopes are unique and exactly one default rule exists. */
export function validateCommissionRules(rules: readonly CommissionRule[]): void {
  const ids = new Set<string>();
  const scopes = new Set<string>();
  for (const rule of rules) {
    validateCommissionRule(rule);
    if (ids.has(rule.id)) throw new RangeError(`duplicate commission rule id ${rule.id}`);
    const key = scopeKey(rule.scope);
    if (scopes.has(key)) throw new RangeError(`two commission rules for the same scope ${key}`);
    ids.add(rule.id);
    scopes.add(key);
  }
  if (!scopes.has('*|*')) throw new RangeError('the commission rules need a default rule (no scope)');
}

/**
 * The rule for an order: the most specific match wins — category + city, then category, then
 * city, then the default. Validates the whole set first (RangeError), so the winner is unique.
 */
export function selectCommissionRule(rules: readonly CommissionRule[], order: { categoryCode: string; cityCode: string }): CommissionRule {
  validateCommissionRules(rules);
  const candidates = [`${order.categoryCode}|${order.cityCode}`, `${order.categoryCode}|*`, `*|${order.cityCode}`, '*|*'];
  for (const key of candidates) {
    const rule = rules.find((r) => scopeKey(r.scope) === key);
    if (rule) return rule;
  }
  throw new RangeError('no commission rule matches'); // unreachable after validation
}

/** The rate a rule charges, with the tier or level that chose it. */
export function commissionRate(rule: CommissionRule, completedOrdersBefore: number, level?: WorkerLevelCode): { bp: number; tierFromOrders?: number; level?: WorkerLevelCode } {
  switch (rule.kind) {
    case 'fixed':
      return { bp: rule.bp };
    case 'tiered_by_orders': {
      if (!isCount(completedOrdersBefore)) throw new RangeError('completedOrdersBefore must be an integer ≥ 0');
      let tier = rule.tiers[0];
      for (const t of rule.tiers) if (t.fromOrders <= completedOrdersBefore) tier = t;
      return { bp: tier.bp, tierFromOrders: tier.fromOrders };
    }
    case 'by_level':
      if (!level || !WORKER_LEVELS.includes(level)) throw new RangeError('a by_level rule needs the worker level');
      return { bp: rule.levels[level], level };
  }
}

// ── Settlement ─────────────────────────────────────────────────────────────────────────────

export interface SettleOrderInput {
  /** Service price of the order before the coupon, extras included, insurance premium excluded: the commission base. */
  grossFen: number;
  rule: CommissionRule;
  /** Orders the worker completed before this one (the 51st order sees 50). */
  completedOrdersBefore: number;
  /** Needed by `by_level` rules. */
  level?: WorkerLevelCode;
  /** Accident insurance premium billed with the order; passed through to the insurer. */
  insurancePremiumFen?: number;
  /** Platform-funded discount (promotions); does not reduce the worker's base. At most the gross. */
  couponFen?: number;
}

/** The rule snapshot stored on the order. */
export interface AppliedCommissionRule {
  id: string;
  kind: CommissionRuleKind;
  /** The rate of the tier / level / fixed rule (before any min/max bound). */
  bp: number;
  tierFromOrders?: number;
  level?: WorkerLevelCode;
  /** Set when a bound changed the amount: the rule's minimum, maximum, or the gross itself. */
  boundedBy?: 'minimum' | 'maximum' | 'gross';
  reason: LocalizedText;
}

/**
 * Integer fen. Always: `workerNetFen + commissionFen = grossFen`;
 * `customerPaidFen + promotionsFen = grossFen + insuranceFen` (what enters escrow = what leaves it);
 * `workerNetFen + platformFen + insuranceFen = customerPaidFen`. All are ≥ 0 except `platformFen`.
 */
export interface OrderSettlement {
  commissionFen: number;
  workerNetFen: number;
  /** The platform's net result: commission minus the coupon it funds. Negative when the coupon is larger. */
  platformFen: number;
  /** Paid by the promotions account (= the coupon). */
  promotionsFen: number;
  /** To insurance_premiums (= the premium), never to the worker. */
  insuranceFen: number;
  /** What the customer was charged: gross − coupon + premium. */
  customerPaidFen: number;
  appliedRule: AppliedCommissionRule;
}

function reasonText(rule: CommissionRule, rate: ReturnType<typeof commissionRate>, completedOrdersBefore: number): LocalizedText {
  const pct = formatBasisPoints(rate.bp);
  switch (rule.kind) {
    case 'fixed':
      return { zh: `固定抽成 ${pct}`, en: `Fixed commission ${pct}` };
    case 'tiered_by_orders':
      return {
        zh: `阶梯抽成：此前已完成 ${completedOrdersBefore} 单，适用 ${rate.tierFromOrders} 单起档 ${pct}`,
        en: `Tiered by orders: ${completedOrdersBefore} completed before, tier from ${rate.tierFromOrders} orders at ${pct}`,
      };
    case 'by_level': {
      const name = WORKER_LEVEL_NAMES[rate.level!];
      return { zh: `等级抽成：${name.zh}师傅 ${pct}`, en: `By level: ${name.en} worker ${pct}` };
    }
  }
}

/**
 * Splits a completed order: commission = rate × gross (half away from zero), then raised to the
 * rule's minimum, lowered to its maximum, and never above the gross; the worker gets the rest.
 * The coupon is the platform's cost, the premium the insurer's money. Throws RangeError for an
 * invalid rule, amounts that are not integers ≥ 0, or a coupon above the gross.
 */
export function settleOrder(input: SettleOrderInput): OrderSettlement {
  const { grossFen, rule, completedOrdersBefore, level, insurancePremiumFen = 0, couponFen = 0 } = input;
  validateCommissionRule(rule);
  if (!isCount(grossFen) || !isCount(insurancePremiumFen) || !isCount(couponFen)) throw new RangeError('grossFen, insurancePremiumFen and couponFen must be integers ≥ 0');
  if (couponFen > grossFen) throw new RangeError('couponFen must not exceed grossFen');

  const rate = commissionRate(rule, completedOrdersBefore, level);
  let commissionFen = applyBasisPoints(grossFen, rate.bp);
  let boundedBy: AppliedCommissionRule['boundedBy'];
  if (rule.minFen !== undefined && commissionFen < rule.minFen) [commissionFen, boundedBy] = [rule.minFen, 'minimum'];
  if (rule.maxFen !== undefined && commissionFen > rule.maxFen) [commissionFen, boundedBy] = [rule.maxFen, 'maximum'];
  if (commissionFen > grossFen) [commissionFen, boundedBy] = [grossFen, 'gross'];

  const reason = reasonText(rule, rate, completedOrdersBefore);
  if (boundedBy === 'minimum') Object.assign(reason, { zh: `${reason.zh}，按最低抽成 ${formatFen(commissionFen)}`, en: `${reason.en}, raised to the minimum ${formatFen(commissionFen)}` });
  if (boundedBy === 'maximum') Object.assign(reason, { zh: `${reason.zh}，按最高抽成 ${formatFen(commissionFen)}`, en: `${reason.en}, capped at the maximum ${formatFen(commissionFen)}` });
  if (boundedBy === 'gross') Object.assign(reason, { zh: `${reason.zh}，不超过订单金额`, en: `${reason.en}, limited to the order amount` });

  return {
    commissionFen,
    workerNetFen: grossFen - commissionFen,
    platformFen: commissionFen - couponFen,
    promotionsFen: couponFen,
    insuranceFen: insurancePremiumFen,
    customerPaidFen: grossFen - couponFen + insurancePremiumFen,
    appliedRule: { id: rule.id, kind: rule.kind, bp: rate.bp, ...(rate.tierFromOrders !== undefined && { tierFromOrders: rate.tierFromOrders }), ...(rate.level && { level: rate.level }), ...(boundedBy && { boundedBy }), reason },
  };
}
