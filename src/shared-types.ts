/**
 * The server types the portals and the console use: the one entry web/ may import from src/ (type-only, so no
 * server code is bundled). The import rules (.dependency-cruiser.cjs) refuse any other path.
 */
export type {
  Adjustment, LineCode, LocalizedText, OptionChoice, OptionDefinition, PricingModel, PricingModelKind, QuoteLine,
} from './domains/catalog/pricing/types.js';
export type { CommissionRule } from './domains/payments/commission.js';
export type { InsuranceMode, InsurancePlan, InsuranceRules } from './domains/payments/insurance.js';
export type { WithdrawalRules } from './domains/payments/withdrawal-rules.js';
