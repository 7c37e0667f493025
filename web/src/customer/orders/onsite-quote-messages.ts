import type { Messages } from '../../shared/i18n';
import { onSiteSummaryMessages } from '../../mobile/onsite/onsite-messages';

/** Texts of 上门报价 on the customer's order page. */
export const customerOnSiteMessages: Messages = {
  ...onSiteSummaryMessages,
  'onsite.status.proposed': ['待你确认', 'Waiting for you'],
  'onsite.status.accepted': ['已同意', 'Accepted'],
  'onsite.status.declined': ['未同意', 'Declined'],
  'onsite.waiting': ['此服务上门检测后报价。已付定金 {deposit}，师傅检测后会在这里列出人工、配件和材料，经你同意再施工。', 'This service is priced on site. Deposit paid {deposit}; after the inspection the worker lists labour, parts and materials here, and works once you agree.'],
  'onsite.reference': ['参考价格范围 {range}', 'Typical range {range}'],
  'onsite.decideNote': ['同意后按合计收费（定金抵扣）；不同意则已付定金作为上门检测费，订单结束。', 'Agree and the total is charged (the deposit counts towards it); decline and the deposit is kept as the visit fee and the order ends.'],
  'onsite.accept': ['同意', 'Agree'],
  'onsite.decline': ['不同意', 'Decline'],
  'onsite.acceptAsk.balance': ['同意报价 {total}？已付定金 {deposit}，需补差价 {amount}。', 'Agree to {total}? Deposit {deposit} paid; {amount} more is due.'],
  'onsite.acceptAsk.refund': ['同意报价 {total}？已付定金 {deposit}，将原路退还 {amount}。', 'Agree to {total}? Deposit {deposit} paid; {amount} comes back to you.'],
  'onsite.acceptAsk.even': ['同意报价 {total}？与已付定金相同，无需补款。', 'Agree to {total}? It equals the deposit paid; nothing more is due.'],
  'onsite.declineAsk': ['不同意报价将结束订单，已付 {deposit} 作为上门检测费不退还。确定吗？', 'Declining ends the order; the {deposit} paid is kept as the visit fee. Decline?'],
  'onsite.accepted': ['已同意报价', 'Quote accepted'],
  'onsite.declined': ['已结束订单', 'Order ended'],
  'onsite.payBalance': ['支付差价 {amount}', 'Pay the difference {amount}'],
  'onsite.refundNote': ['多付的 {amount} 已原路退还', 'The {amount} paid above the price goes back to you'],
  'onsite.declinedNote': ['你未同意报价，已付定金作为上门检测费，订单已结束。', 'You declined; the deposit was kept as the visit fee and the order ended.'],
};
