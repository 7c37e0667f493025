import type { Messages } from '../../shared/i18n';

/** Texts of 售前咨询, both H5 portals. */
export const consultMessages: Messages = {
  'consult.title': ['咨询 · {name}', 'Enquiry · {name}'],
  'consult.titlePlain': ['咨询', 'Enquiry'],
  'consult.list': ['咨询', 'Enquiries'],
  'consult.listEmpty': ['暂无咨询', 'No enquiries yet'],
  'consult.notFound': ['咨询不存在', 'This enquiry does not exist'],
  'consult.intro.customer': ['下单前可以先问问师傅：时间、价格、服务细节。为保护隐私，手机号、微信号等联系方式会被自动隐藏。', 'Ask the worker before booking: times, prices, details. For privacy, phone numbers, WeChat ids and other contacts are hidden automatically.'],
  'consult.intro.worker': ['客户下单前的咨询。平台不会显示客户的电话和地址；手机号、微信号等联系方式会被自动隐藏。', 'A customer asking before booking. The platform shows no phone or address; phone numbers, WeChat ids and other contacts are hidden automatically.'],
  'consult.empty': ['还没有消息，问问师傅吧', 'No messages yet: ask the worker'],
  'consult.declined.customer': ['师傅已暂停接收您的咨询消息。您仍可以直接预约，或咨询其他师傅。', 'The worker is not taking further messages from you. You can still book, or ask another worker.'],
  'consult.declined.worker': ['您已暂停接收该客户的消息，对方无法再发送。', 'You stopped this customer’s messages; they cannot send more.'],
  'consult.decline': ['不再接收', 'Stop messages'],
  'consult.declineConfirm': ['不再接收该客户的咨询消息？之后可以恢复。', 'Stop this customer’s messages? You can reopen later.'],
  'consult.reopen': ['恢复接收', 'Reopen'],
  'consult.declinedTag': ['已暂停', 'Stopped'],
  'consult.book': ['预约这位师傅', 'Book this worker'],
  'consult.open': ['咨询', 'Ask'],
  'consult.earlier': ['下单前的咨询', 'Before booking'],
  'consult.orderStart': ['以下为订单私信', 'Order chat'],
};
