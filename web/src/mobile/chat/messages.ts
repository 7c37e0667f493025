import type { Messages } from '../../shared/i18n';

/** Texts of the order chat (私信), both H5 portals. */
export const chatMessages: Messages = {
  'chat.title': ['私信', 'Chat'],
  'chat.titleOrder': ['私信 · {orderNo}', 'Chat · {orderNo}'],
  'chat.entry.customer': ['私信师傅', 'Message the worker'],
  'chat.entry.worker': ['私信客户', 'Message the customer'],
  'chat.entryHint': ['联系方式会被自动隐藏，请通过平台沟通', 'Contact details are hidden automatically: talk through the platform'],
  'chat.call.customer': ['联系师傅', 'Call the worker'],
  'chat.call.worker': ['联系客户', 'Call the customer'],
  'chat.callHint': ['隐私号 {phone}，不会显示双方真实号码', 'Relay number {phone}: neither side sees the other’s real number'],
  'chat.notFound': ['订单不存在', 'This order does not exist'],
  'chat.empty': ['还没有消息，打个招呼吧', 'No messages yet: say hello'],
  'chat.placeholder': ['输入消息…', 'Type a message…'],
  'chat.send': ['发送', 'Send'],
  'chat.photo': ['图片', 'Photo'],
  'chat.photoTooLarge': ['图片不能超过 8 MB', 'The photo must be 8 MB or smaller'],
  'chat.quick': ['快捷回复', 'Quick replies'],
  'chat.closed': ['订单未接单或已结束，消息仅供查看，不能再发送', 'This conversation is read-only: messages can be sent from acceptance until the order closes'],
  'chat.masked': ['已隐藏 {count} 处联系方式', '{count} contact detail(s) hidden'],
  'chat.from.customer': ['客户', 'Customer'],
  'chat.from.worker': ['师傅', 'Worker'],
  'chat.from.support': ['平台客服', 'Support'],
  'chat.from.system': ['系统消息', 'System'],
  'chat.image': ['[图片]', '[Photo]'],
  'chat.privacy': ['为保护隐私，手机号、微信号等联系方式会被自动隐藏', 'For privacy, phone numbers, WeChat ids and other contacts are hidden automatically'],
};
