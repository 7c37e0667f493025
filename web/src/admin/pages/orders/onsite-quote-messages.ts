import type { Messages } from '../../../shared/i18n';

/** Texts of the console's 上门报价 section (spread into the order messages). */
export const onSiteSectionMessages: Messages = {
  'order.section.onsite': ['上门报价', 'On-site quotes'],
  'order.onsite.summary': ['定金 {deposit} · 参考价 {range}', 'Deposit {deposit} · typical range {range}'],
  'order.onsite.lines': ['报价明细', 'Lines'],
  'order.onsite.total': ['合计', 'Total'],
  'order.onsite.settle': ['差额', 'Difference'],
  'order.onsite.balance': ['补 {amount}', '{amount} due'],
  'order.onsite.refund': ['退 {amount}', '{amount} back'],
  'order.onsite.reason': ['超出参考价原因', 'Reason outside the range'],
  'order.onsite.status': ['状态', 'Status'],
  'order.onsite.status.proposed': ['待客户确认', 'Awaiting the customer'],
  'order.onsite.status.replaced': ['已被替代', 'Replaced'],
  'order.onsite.status.accepted': ['客户已同意', 'Accepted'],
  'order.onsite.status.declined': ['客户未同意', 'Declined'],
  'order.onsite.status.withdrawn': ['已撤回', 'Withdrawn'],
  'order.onsite.flagged': ['超出参考价', 'Outside the range'],
};
