/** Public API of the catalogue pricing / quote engine. See README.md. */
export * from './types.js';
export {
  BP_ONE,
  QUANTITY_SCALE,
  applyBasisPoints,
  formatBasisPoints,
  formatFen,
  isFen,
  multiplyQuantity,
  parseYuan,
  roundDiv,
  sumFen,
  toMilli,
} from './money.js';
export { adjustmentAmount, describeAdjustment } from './adjustment.js';
export { pricingError } from './errors.js';
export { validateOptions, priceOptions, type OptionsResult } from './options.js';
export {
  DEFAULT_TIME_ZONE,
  localTime,
  matchTimeRules,
  parseClock,
  parseInstant,
  priceTimeSurcharges,
  ruleMatches,
  type LocalTime,
} from './surcharges.js';
export {
  MIN_PAYABLE_FEN,
  applyCoupon,
  describeCoupon,
  evaluateCoupon,
  type CouponEvaluation,
  type CouponInput,
  type CouponRejection,
} from './coupon.js';
export { MAX_CONFIG_FEN, validatePricingContext, validateServiceItem } from './config.js';
export {
  DEFAULT_VALIDITY_MINUTES,
  baseUnitPrice,
  computeQuote,
  referenceRangeFor,
  resolveQuantity,
} from './quote.js';
export {
  MAX_PROPOSAL_LINES,
  PROPOSAL_LINE_KINDS,
  priceOnSiteProposal,
  type OnSiteProposal,
  type OnSiteProposalLine,
  type ProposalLineKind,
} from './onsite.js';
export { CUSTOM_DURATION, MAX_CUSTOM_LINES, priceCustomQuote } from './custom.js';
export { canonicalQuote, canonicalize, isQuoteConsistent, isQuoteValid, signQuote, verifyQuote } from './signing.js';
