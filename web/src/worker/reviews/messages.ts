import type { Messages } from '../../shared/i18n';
import { reviewSharedMessages } from '../../mobile/reviews/messages';

/** Texts of 我的评价 (reply, 申诉) and 评价客户 in the worker portal. */
export const workerReviewMessages: Messages = {
  ...reviewSharedMessages,
  'myReviews.title': ['我的评价', 'My reviews'],
  'myReviews.reply': ['回复', 'Reply'],
  'myReviews.replyTitle': ['回复评价', 'Reply to the review'],
  'myReviews.replyHint': ['回复将公开展示在评价下方，每条评价只能回复一次', 'Your reply is shown publicly under the review; one reply per review'],
  'myReviews.replyPlaceholder': ['感谢客户或说明情况（最多 500 字）', 'Thank the customer or explain (up to 500 characters)'],
  'myReviews.replyRequired': ['请填写回复内容', 'Please write a reply'],
  'myReviews.replied': ['已回复', 'Reply posted'],
  'myReviews.appealAction': ['申诉', 'Appeal'],
  'myReviews.appeal': ['申诉', 'Appeal'],
  'myReviews.appealTitle': ['差评申诉', 'Appeal this review'],
  'myReviews.appealHint': ['请说明评价不实的理由并上传证据，客服审核后会通知你结果；每条评价只能申诉一次', 'Explain why the review is unfair and add evidence; support will decide and tell you. One appeal per review'],
  'myReviews.reasonPlaceholder': ['申诉理由（4–500 字）', 'Reason (4–500 characters)'],
  'myReviews.reasonRequired': ['申诉理由至少 4 个字', 'The reason needs at least 4 characters'],
  'myReviews.evidence': ['证据照片（最多 9 张）', 'Evidence photos (up to 9)'],
  'myReviews.appealed': ['申诉已提交，等待客服处理', 'Appeal sent; support will decide'],
  'myReviews.send': ['提交', 'Submit'],
  'myReviews.decisionNote': ['处理说明：{note}', 'Decision: {note}'],
  'rateCustomer.title': ['评价客户', 'Rate the customer'],
  'rateCustomer.hint': ['你的评价不会展示给客户，其他师傅只能看到多次评价的平均分', 'The customer never sees it; other workers see only an average of several ratings'],
  'rateCustomer.punctuality': ['守时配合', 'Punctual and cooperative'],
  'rateCustomer.communication': ['沟通', 'Communication'],
  'rateCustomer.environment': ['环境与安全', 'Environment and safety'],
  'rateCustomer.accuracy': ['描述相符', 'As described'],
  'rateCustomer.placeholder': ['补充说明（选填）', 'Anything to add (optional)'],
  'rateCustomer.required': ['请为四项都打分', 'Please rate all four'],
  'rateCustomer.submit': ['提交评价', 'Submit'],
  'rateCustomer.done': ['已评价客户', 'Customer rated'],
};
