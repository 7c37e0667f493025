/**
 * Per-order accident insurance (意外险): per category off, optional or mandatory, with a premium billed on the
 * order and a cover amount recorded on it for the claims flow. The premium leaves escrow to
 * `insurance_premiums` at completion; it is never the worker's and never part of the commission base.
 */
export type InsuranceMode = 'off' | 'optional' | 'mandatory';

export interface InsurancePlan {
  mode: InsuranceMode;
  premiumFen: number;
  /** Cover per order, at most ¥100 000. */
  coverFen: number;
}

export interface InsuranceRules {
  default: InsurancePlan;
  byCategory: Record<string, InsurancePlan>;
}

export const MAX_COVER_FEN = 10_000_000;

export const DEFAULT_INSURANCE: InsuranceRules = {
  default: { mode: 'optional', premiumFen: 300, coverFen: MAX_COVER_FEN / 2 },
  byCategory: {
    care: { mode: 'mandatory', premiumFen: 500, coverFen: MAX_COVER_FEN },
    moving: { mode: 'mandatory', premiumFen: 500, coverFen: MAX_COVER_FEN },
    maternity: { mode: 'mandatory', premiumFen: 1000, coverFen: MAX_COVER_FEN },
  },
};

export const planFor = (rules: InsuranceRules, categoryCode: string): InsurancePlan => rules.byCategory[categoryCode] ?? rules.default;

/** What an order of the category carries: the plan applies when mandatory, or optional and wanted. */
export function insuranceOf(rules: InsuranceRules, categoryCode: string, wanted: boolean | undefined) {
  const plan = planFor(rules, categoryCode);
  const applies = plan.mode === 'mandatory' || (plan.mode === 'optional' && wanted === true);
  return applies ? { plan: `${categoryCode in rules.byCategory ? categoryCode : 'default'}:${plan.mode}`, premiumFen: plan.premiumFen, coverFen: plan.coverFen } : null;
}

/** Configuration problems (empty when usable). */
export function insuranceProblems(rules: InsuranceRules): string[] {
  const problems: string[] = [];
  const check = (name: string, p: InsurancePlan | undefined) => {
    if (!p || !['off', 'optional', 'mandatory'].includes(p.mode)) return problems.push(`${name}: mode must be off, optional or mandatory`);
    if (!Number.isInteger(p.premiumFen) || p.premiumFen < 0 || p.premiumFen > 100_000) problems.push(`${name}: premiumFen must be 0..100000`);
    if (p.mode !== 'off' && p.premiumFen === 0) problems.push(`${name}: an offered plan needs a premium`);
    if (!Number.isInteger(p.coverFen) || p.coverFen < 0 || p.coverFen > MAX_COVER_FEN) problems.push(`${name}: coverFen must be 0..${MAX_COVER_FEN}`);
  };
  check('default', rules?.default);
  for (const [code, plan] of Object.entries(rules?.byCategory ?? {})) check(code, plan);
  return problems;
}
