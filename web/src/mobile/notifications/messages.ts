import type { Messages } from '../../shared/i18n';

/** Texts of the message centre and the notification settings (both H5 portals). */
export const notificationMessages: Messages = {
  'tab.messages': ['消息', 'Messages'],
  'notify.title': ['消息中心', 'Messages'],
  'notify.readAll': ['全部已读', 'Mark all read'],
  'notify.readAllDone': ['已全部标为已读', 'All marked as read'],
  'notify.empty': ['暂无消息', 'No messages yet'],
  'notify.more': ['加载更多', 'Load more'],
  'notify.end': ['没有更多了', 'No more messages'],
  'notify.unreadCount': ['{count} 条未读', '{count} unread'],
  'notify.settings': ['通知设置', 'Notification settings'],
  'notify.detail': ['消息详情', 'Message'],
  'notify.time': ['时间', 'Time'],
  'notify.open': ['查看', 'Open'],
  'notify.notFound': ['消息不存在', 'This message does not exist'],

  'notify.category.order': ['订单通知', 'Orders'],
  'notify.category.money': ['支付与收入', 'Payments and income'],
  'notify.category.review': ['评价', 'Reviews'],
  'notify.category.account': ['账号与资质', 'Account'],
  'notify.category.chat': ['私信与客服', 'Chat and support'],
  'notify.category.safety': ['安全', 'Safety'],
  'notify.category.marketing': ['优惠活动', 'Offers'],

  'settings.intro': [
    '站内消息始终送达；下面的开关决定是否同时发送短信和邮件（需已验证手机号 / 邮箱）。安全类消息不可关闭。',
    'In-app messages always arrive; the switches below decide whether an SMS and an e-mail are sent as well (to a verified phone / e-mail). Safety messages cannot be switched off.',
  ],
  'settings.quietHours': ['免打扰时段', 'Quiet hours'],
  'settings.quietHoursValue': ['每天 {start} – 次日 {end}', 'Daily {start} – {end} next morning'],
  'settings.quietHoursHint': [
    '此时段内的短信将延后到 {end} 发送（安全类消息除外），邮件照常发送。',
    'An SMS due in these hours waits until {end} (safety messages excepted); e-mail is sent as usual.',
  ],
  'settings.sms': ['短信通知', 'SMS'],
  'settings.email': ['邮件通知', 'E-mail'],
  'settings.marketingHint': ['需要您明确同意才会发送', 'Sent only with your consent'],
};
