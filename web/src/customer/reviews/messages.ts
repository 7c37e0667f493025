import type { Messages } from '../../shared/i18n';
import { reviewSharedMessages } from '../../mobile/reviews/messages';

/** Texts of 评价 in the customer portal: the order's review card, 追评, 待评价 and the reviews on a worker's profile. */
export const customerReviewMessages: Messages = {
  ...reviewSharedMessages,
  'review.title': ['评价', 'Review'],
  'review.until': ['{time} 前可评价', 'Review by {time}'],
  'review.overall': ['总体评分', 'Overall'],
  'review.starsRequired': ['请先打总体评分', 'Please give an overall rating first'],
  'review.placeholder': ['说说师傅的服务吧（最多 500 字）', 'Tell others about the service (up to 500 characters)'],
  'review.anonymous': ['匿名评价', 'Post anonymously'],
  'review.submit': ['提交', 'Submit'],
  'review.thanks': ['感谢你的评价', 'Thanks for your review'],
  'review.followUp': ['追评', 'Add a follow-up'],
  'review.followUpPlaceholder': ['用了一段时间，再说说感受', 'How does it look some time later?'],
  'review.followUpRequired': ['请填写追评内容', 'Please write your follow-up'],
  'review.followUpDone': ['追评已发布', 'Follow-up posted'],
  'review.moderated.hidden': ['该评价经平台审核已隐藏', 'This review was hidden after review by the platform'],
  'review.moderated.removed': ['该评价经平台审核已移除', 'This review was removed after review by the platform'],
  'review.nothingToReview': ['没有待评价的订单', 'Nothing to review'],
  'review.workerName': ['服务师傅：{name}', 'Worker: {name}'],
  'review.write': ['去评价', 'Review'],
  'review.ofWorker': ['用户评价', 'Reviews'],
  'review.report': ['举报', 'Report'],
  'review.reportTitle': ['举报评价', 'Report this review'],
  'review.reportSend': ['提交举报', 'Report'],
  'review.reported': ['已举报，我们会尽快核实', 'Reported; we will look into it'],
  'review.reportReason.abuse': ['辱骂、人身攻击', 'Abusive'],
  'review.reportReason.privacy': ['泄露隐私', 'Reveals private details'],
  'review.reportReason.ad': ['广告或无关内容', 'Advertising or off-topic'],
  'review.reportReason.false': ['内容不实', 'Untrue'],
  'orders.tab.to_review': ['待评价', 'To review'],
};
