import type { Messages } from '../../shared/i18n';

/** Texts of an on-site quote (上门报价) as both portals show it (spread into each portal's order messages). */
export const onSiteSummaryMessages: Messages = {
  'onsite.title': ['上门报价', 'On-site quote'],
  'onsite.status.proposed': ['待客户确认', 'Awaiting the customer'],
  'onsite.status.accepted': ['客户已同意', 'Accepted'],
  'onsite.status.declined': ['客户未同意', 'Declined'],
  'onsite.status.replaced': ['已被新报价替代', 'Replaced'],
  'onsite.status.withdrawn': ['已撤回', 'Withdrawn'],
  'onsite.total': ['合计', 'Total'],
  'onsite.deposit': ['已付定金', 'Deposit paid'],
  'onsite.balance': ['需补差价', 'Balance due'],
  'onsite.balancePaidLabel': ['差价（已支付）', 'Difference (paid)'],
  'onsite.refund': ['退还差价', 'Refund due'],
  'onsite.reasonShown': ['超出参考价原因：{reason}', 'Reason for the price outside the range: {reason}'],
  'onsite.kind.labour': ['人工', 'Labour'],
  'onsite.kind.parts': ['配件', 'Parts'],
  'onsite.kind.material': ['材料', 'Material'],
  'onsite.kind.other': ['其他', 'Other'],
  'onsite.surcharge': ['时段加价', 'Time surcharge'],
  'onsite.proposedAt': ['报价于 {time}', 'Quoted {time}'],
  'onsite.finalPrice': ['最终价格', 'Final price'],
};
