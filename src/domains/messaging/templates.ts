/**
 * Notification templates: the typed catalogue of what the platform tells people, and a renderer.
 * Pure: no I/O, no clock. The caller formats times, money and names in the reader's language and
 * passes them as strings; the renderer only fills placeholders and fails loudly on a mismatch.
 * See README.md in this folder.
 */
import type { Lang, Text } from '../../platform/i18n.js';

// ── Vocabulary ─────────────────────────────────────────────────────────────────────────────

/** Who may receive a notification. Emergency contacts have no account: they are reached by SMS / e-mail only. */
export const AUDIENCES = ['customer', 'worker', 'admin', 'emergency_contact'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Preference categories: a user opts out of SMS / e-mail per category (never of in-app, never of safety). */
export const NOTIFICATION_CATEGORIES = ['order', 'money', 'review', 'account', 'chat', 'safety', 'marketing'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** Delivery channels. `in_app` (the message centre) is always used for account holders. */
export const CHANNELS = ['in_app', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What tapping the notification opens; the caller supplies the id. */
export const LINK_KINDS = ['order', 'review', 'withdrawal', 'incident', 'application', 'penalty', 'chat', 'consultation', 'request'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The signature every SMS starts with (carriers require a registered 【signature】). */
export const SMS_SIGNATURE = '【到家】';
/** Characters in one UCS-2 SMS; longer texts are sent as segments of 67. Any Chinese character (and 【】) forces UCS-2. */
export const SMS_SEGMENT_CHARS = 70;
const SMS_MULTIPART_CHARS = 67;

/** A placeholder: free text formatted by the caller, or one of a fixed set of values rendered by the catalogue. */
export type VariableSpec = 'text' | { readonly values: Readonly<Record<string, Text>> };

export interface TemplateTexts {
  readonly title: Text;
  readonly body: Text;
  /** Text after the signature; the body when absent. */
  readonly sms?: Text;
}

/** Texts chosen by the value of the variable `by` (which is itself not a placeholder); a case may require more variables. */
export interface CaseTexts {
  readonly by: string;
  readonly cases: Readonly<Record<string, TemplateTexts & { readonly variables?: Readonly<Record<string, VariableSpec>> }>>;
}

export interface NotificationTemplate {
  readonly audiences: readonly Audience[];
  readonly category: NotificationCategory;
  /** Always delivered: ignores quiet hours and opt-outs (SOS). Only the `safety` category is safety-critical. */
  readonly safetyCritical: boolean;
  /** Channels used unless the recipient opted out or lacks a verified address; always includes `in_app`. */
  readonly defaultChannels: readonly Channel[];
  readonly link: LinkKind | null;
  /** Variables every rendering needs. */
  readonly variables: Readonly<Record<string, VariableSpec>>;
  readonly texts: TemplateTexts | CaseTexts;
}

// ── Shared value sets ──────────────────────────────────────────────────────────────────────

const PENALTY = {
  values: {
    warning: { zh: '警告', en: 'warning' },
    suspension: { zh: '暂停接单', en: 'suspension' },
    removal: { zh: '取消入驻资格', en: 'removal from the platform' },
  },
} as const;
const PARTY = (capital: boolean) => ({
  values: {
    customer: { zh: '客户', en: capital ? 'The customer' : 'the customer' },
    worker: { zh: '家政人员', en: capital ? 'The worker' : 'the worker' },
    platform: { zh: '平台', en: capital ? 'The platform' : 'the platform' },
  },
}) as const;
const STARS = {
  values: {
    '1': { zh: '1 星', en: '1 star' }, '2': { zh: '2 星', en: '2 stars' }, '3': { zh: '3 星', en: '3 stars' },
    '4': { zh: '4 星', en: '4 stars' }, '5': { zh: '5 星', en: '5 stars' },
  },
} as const;
/** Lead times of the start reminders (booking settings `reminderMinutes`, default 120 and 30). */
const LEAD = {
  values: {
    '30': { zh: '30 分钟', en: '30 minutes' }, '60': { zh: '1 小时', en: '1 hour' },
    '120': { zh: '2 小时', en: '2 hours' }, '1440': { zh: '1 天', en: '1 day' },
  },
} as const;
/** Complaint categories (the complaints domain's codes). */
const COMPLAINT_CATEGORY = {
  values: {
    late: { zh: '迟到', en: 'lateness' }, attitude: { zh: '态度', en: 'attitude' }, damage: { zh: '损坏', en: 'damage' },
    loss: { zh: '丢失', en: 'loss' }, safety: { zh: '安全', en: 'safety' }, overcharge: { zh: '乱收费', en: 'overcharging' }, other: { zh: '其他', en: 'other' },
  },
} as const;
const T = 'text' as const;

// ── The catalogue ──────────────────────────────────────────────────────────────────────────

/**
 * Every notification the platform sends. Wording from the product seed where it gives one
 * (order_accepted; reschedule_decided / approved). `contact` placeholders take the platform's
 * support line or a relay number, never a worker's own phone.
 */
export const NOTIFICATION_TEMPLATES = {
  order_paid: {
    audiences: ['customer'], category: 'money', safetyCritical: false, defaultChannels: ['in_app', 'email'], link: 'order',
    variables: { amount: T, service: T, startTime: T },
    texts: {
      title: { zh: '支付成功', en: 'Payment received' },
      body: { zh: '您已成功支付 {amount}，{service} 服务预约于 {startTime}，请等待家政人员接单。', en: 'You paid {amount} for {service} on {startTime}. We are waiting for a worker to accept it.' },
    },
  },
  order_offered: {
    audiences: ['worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { district: T, service: T, startTime: T, deadline: T },
    texts: {
      title: { zh: '新订单待接单', en: 'New order for you' },
      body: { zh: '{district} {service}，{startTime} 上门，请于 {deadline} 前决定是否接单。', en: '{service} in {district} at {startTime}. Accept or decline by {deadline}.' },
    },
  },
  order_accepted: {
    audiences: ['customer'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { workerName: T },
    texts: {
      title: { zh: '家政人员已接单', en: 'Your order was accepted' },
      body: { zh: '您发布的家政服务需求已被 {workerName} 接单，请留意服务时间', en: 'Your home-service request has been accepted by {workerName}. Please keep an eye on the service time.' },
    },
  },
  order_declined: {
    audiences: ['customer'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { workerName: T, reason: T },
    texts: {
      title: { zh: '家政人员无法接单', en: 'The worker cannot take your order' },
      body: { zh: '{workerName} 无法接单（{reason}），平台正在为您重新寻找家政人员。', en: '{workerName} cannot take your order ({reason}). We are finding another worker for you.' },
    },
  },
  worker_departed: {
    audiences: ['customer'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { workerName: T, eta: T },
    texts: {
      title: { zh: '家政人员已出发', en: 'Your worker is on the way' },
      body: { zh: '{workerName} 已出发，预计 {eta} 到达，请保持电话畅通。', en: '{workerName} is on the way and expected at {eta}. Please keep your phone reachable.' },
    },
  },
  worker_arrived: {
    audiences: ['customer'], category: 'order', safetyCritical: false, defaultChannels: ['in_app'], link: 'order',
    variables: { workerName: T, service: T },
    texts: {
      title: { zh: '家政人员已到达', en: 'Your worker has arrived' },
      body: { zh: '{workerName} 已到达并签到，{service} 服务开始。', en: '{workerName} has arrived and checked in; your {service} has started.' },
    },
  },
  service_finished: {
    audiences: ['customer'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { service: T, deadline: T },
    texts: {
      title: { zh: '服务已完成，请验收', en: 'Service finished: please confirm' },
      body: { zh: '{service} 服务已完成，请查看服务记录并验收；{deadline} 前未验收将自动确认。', en: 'Your {service} is finished. Please check the service record and confirm; it will be confirmed automatically at {deadline}.' },
    },
  },
  auto_confirm_soon: {
    audiences: ['customer'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { service: T, deadline: T },
    texts: {
      title: { zh: '订单即将自动验收', en: 'Order will be confirmed soon' },
      body: { zh: '您的 {service} 订单将于 {deadline} 自动验收，如有问题请尽快反馈。', en: 'Your {service} order will be confirmed automatically at {deadline}. Report any problem before then.' },
    },
  },
  reschedule_requested: {
    audiences: ['customer', 'worker', 'admin'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { requester: PARTY(true), service: T, newTime: T },
    texts: {
      title: { zh: '改约申请', en: 'Reschedule request' },
      body: { zh: '{requester}申请将 {service} 服务时间改为 {newTime}，请在订单中确认。', en: '{requester} asks to move {service} to {newTime}. Please answer in the order.' },
    },
  },
  reschedule_decided: {
    audiences: ['customer', 'worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { service: T, newTime: T, contact: T },
    texts: {
      by: 'decision',
      cases: {
        approved: {
          title: { zh: '服务时间已变更', en: 'Service time changed' },
          body: { zh: '您预约的 {service} 服务时间将变更为 {newTime}，如有疑问请联系 {contact}', en: 'The time of your {service} booking will change to {newTime}. If you have any questions, please contact {contact}.' },
        },
        rejected: {
          title: { zh: '改约未通过', en: 'Reschedule not accepted' },
          body: { zh: '您预约的 {service} 服务改至 {newTime} 的申请未通过，原时间不变，如有疑问请联系 {contact}', en: 'The request to move your {service} booking to {newTime} was not accepted; the time stays as it was. If you have any questions, please contact {contact}.' },
        },
      },
    },
  },
  order_cancelled: {
    audiences: ['customer', 'worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { service: T, startTime: T, canceller: { values: { ...PARTY(false).values, system: { zh: '系统', en: 'the system' } } } },
    texts: {
      title: { zh: '订单已取消', en: 'Order cancelled' },
      body: { zh: '{startTime} 的 {service} 订单已由{canceller}取消。', en: 'The {service} order for {startTime} was cancelled by {canceller}.' },
    },
  },
  refund_done: {
    audiences: ['customer'], category: 'money', safetyCritical: false, defaultChannels: ['in_app', 'sms', 'email'], link: 'order',
    variables: { amount: T, service: T },
    texts: {
      title: { zh: '退款成功', en: 'Refund sent' },
      body: { zh: '您的 {service} 订单退款 {amount} 已原路退回，预计 1–3 个工作日到账。', en: 'Your refund of {amount} for {service} was sent to your original payment method and should arrive within 1–3 business days.' },
    },
  },
  review_received: {
    audiences: ['worker'], category: 'review', safetyCritical: false, defaultChannels: ['in_app'], link: 'review',
    variables: { service: T, stars: STARS },
    texts: {
      title: { zh: '收到新评价', en: 'New review' },
      body: { zh: '客户对您的 {service} 服务给出了 {stars}评价，点击查看详情。', en: 'A customer gave your {service} {stars}. Tap to read the review.' },
    },
  },
  withdrawal_decided: {
    audiences: ['worker'], category: 'money', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'withdrawal',
    variables: { amount: T },
    texts: {
      by: 'decision',
      cases: {
        approved: {
          title: { zh: '提现审核通过', en: 'Withdrawal approved' },
          body: { zh: '您申请的提现 {amount} 已审核通过，预计 1–3 个工作日到账。', en: 'Your withdrawal of {amount} was approved and should arrive within 1–3 business days.' },
        },
        rejected: {
          variables: { reason: T },
          title: { zh: '提现未通过', en: 'Withdrawal not approved' },
          body: { zh: '您申请的提现 {amount} 未通过审核（{reason}），金额已退回可提现余额。', en: 'Your withdrawal of {amount} was not approved ({reason}); the amount is back in your available balance.' },
        },
        paid: {
          title: { zh: '提现已打款', en: 'Withdrawal paid out' },
          body: { zh: '您申请的提现 {amount} 已打款，请注意查收。', en: 'Your withdrawal of {amount} has been paid out.' },
        },
      },
    },
  },
  review_outcome: {
    audiences: ['worker'], category: 'review', safetyCritical: false, defaultChannels: ['in_app'], link: 'review',
    variables: { service: T },
    texts: {
      by: 'decision',
      cases: {
        removed: {
          title: { zh: '评价申诉已通过', en: 'Review appeal accepted' },
          body: { zh: '您对 {service} 订单评价的申诉已通过，该评价已隐藏，不计入评分。', en: 'Your appeal against the review of {service} was accepted; the review is hidden and no longer counts towards your rating.' },
        },
        kept: {
          variables: { reason: T },
          title: { zh: '评价申诉未通过', en: 'Review appeal rejected' },
          body: { zh: '您对 {service} 订单评价的申诉未通过（{reason}），评价保留。', en: 'Your appeal against the review of {service} was rejected ({reason}); the review stays.' },
        },
      },
    },
  },
  review_moderated: {
    audiences: ['customer'], category: 'review', safetyCritical: false, defaultChannels: ['in_app'], link: 'order',
    variables: { service: T, reason: T },
    texts: {
      by: 'decision',
      cases: {
        kept: {
          title: { zh: '您的评价已保留', en: 'Your review stays' },
          body: { zh: '师傅对您 {service} 评价的申诉未通过（{reason}），评价继续展示。', en: 'The worker\'s appeal against your review of {service} was rejected ({reason}); your review stays.' },
        },
        hidden: {
          title: { zh: '您的评价已隐藏', en: 'Your review was hidden' },
          body: { zh: '您对 {service} 的评价经平台审核已隐藏（{reason}）。', en: 'Your review of {service} was hidden after review by the platform ({reason}).' },
        },
        removed: {
          title: { zh: '您的评价已移除', en: 'Your review was removed' },
          body: { zh: '您对 {service} 的评价经平台审核已移除（{reason}）。', en: 'Your review of {service} was removed after review by the platform ({reason}).' },
        },
      },
    },
  },
  appeal_outcome: {
    audiences: ['worker'], category: 'account', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'penalty',
    variables: { penalty: PENALTY },
    texts: {
      by: 'decision',
      cases: {
        overturned: {
          title: { zh: '申诉成功', en: 'Appeal accepted' },
          body: { zh: '您对“{penalty}”处罚的申诉已通过，处罚已撤销。', en: 'Your appeal against the {penalty} was accepted; the penalty is withdrawn.' },
        },
        upheld: {
          variables: { reason: T },
          title: { zh: '申诉未通过', en: 'Appeal rejected' },
          body: { zh: '您对“{penalty}”处罚的申诉未通过：{reason}。处罚维持不变。', en: 'Your appeal against the {penalty} was rejected: {reason}. The penalty stands.' },
        },
      },
    },
  },
  onboarding_approved: {
    audiences: ['worker'], category: 'account', safetyCritical: false, defaultChannels: ['in_app', 'sms', 'email'], link: 'application',
    variables: {},
    texts: {
      title: { zh: '入驻审核通过', en: 'Application approved' },
      body: { zh: '恭喜，您的入驻申请已通过审核，现在可以开始接单了。', en: 'Congratulations, your application was approved. You can start taking orders now.' },
    },
  },
  onboarding_rejected: {
    audiences: ['worker'], category: 'account', safetyCritical: false, defaultChannels: ['in_app', 'sms', 'email'], link: 'application',
    variables: { reason: T },
    texts: {
      title: { zh: '入驻审核未通过', en: 'Application not approved' },
      body: { zh: '您的入驻申请未通过审核，原因：{reason}。请修改后重新提交。', en: 'Your application was not approved: {reason}. Please correct it and submit it again.' },
    },
  },
  penalty_issued: {
    audiences: ['worker'], category: 'account', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'penalty',
    variables: { reason: T, appealDeadline: T },
    texts: {
      by: 'penalty',
      cases: {
        warning: {
          title: { zh: '平台警告', en: 'Warning' },
          body: { zh: '您收到一次平台警告，原因：{reason}。如有异议，请于 {appealDeadline} 前申诉。', en: 'You received a warning: {reason}. You may appeal until {appealDeadline}.' },
        },
        suspension: {
          variables: { until: T },
          title: { zh: '暂停接单', en: 'Suspended from taking orders' },
          body: { zh: '您已被暂停接单至 {until}，原因：{reason}。如有异议，请于 {appealDeadline} 前申诉。', en: 'You cannot take orders until {until}: {reason}. You may appeal until {appealDeadline}.' },
        },
        removal: {
          title: { zh: '取消入驻资格', en: 'Removed from the platform' },
          body: { zh: '您的入驻资格已被取消，原因：{reason}。如有异议，请于 {appealDeadline} 前申诉。', en: 'You have been removed from the platform: {reason}. You may appeal until {appealDeadline}.' },
        },
      },
    },
  },
  certificate_expiring: {
    audiences: ['worker'], category: 'account', safetyCritical: false, defaultChannels: ['in_app', 'sms', 'email'], link: 'application',
    variables: { certificate: T, expiresOn: T },
    texts: {
      title: { zh: '证书即将到期', en: 'Certificate expiring' },
      body: { zh: '您的{certificate}将于 {expiresOn} 到期，请及时上传新证书，以免影响接单。', en: 'Your {certificate} expires on {expiresOn}. Upload the renewed certificate in time to keep taking orders.' },
    },
  },
  sos_raised: {
    audiences: ['admin', 'emergency_contact'], category: 'safety', safetyCritical: true, defaultChannels: ['in_app', 'sms', 'email'], link: 'incident',
    variables: { name: T, time: T, location: T },
    texts: {
      title: { zh: '紧急求助（SOS）', en: 'Emergency (SOS)' },
      body: { zh: '{name} 于 {time} 在上门服务中发起紧急求助，位置：{location}。平台已介入，请立即确认其安全。', en: '{name} raised an SOS during a home-service visit at {time}, location: {location}. The platform is handling it; please check on them at once.' },
      sms: { zh: '{name} 于 {time} 发起紧急求助，位置：{location}。请立即确认其安全。', en: 'SOS from {name} at {time}, location: {location}. Please check on them at once.' },
    },
  },
  reminder_before_start: {
    audiences: ['customer', 'worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { service: T, startTime: T, lead: LEAD },
    texts: {
      title: { zh: '服务即将开始', en: 'Service starting soon' },
      body: { zh: '{service} 服务将于 {startTime} 开始（还有 {lead}），请提前做好准备。', en: '{service} starts at {startTime} (in {lead}). Please get ready.' },
    },
  },
  order_assigned: {
    audiences: ['worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { service: T, startTime: T, district: T },
    texts: {
      title: { zh: '平台为您派单', en: 'An order was assigned to you' },
      body: { zh: '平台已为您派单：{district} {service}，{startTime} 上门，请按时出发。', en: 'You were assigned {service} in {district} at {startTime}. Please set off in time.' },
    },
  },
  check_in_due: {
    audiences: ['worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { service: T, startTime: T },
    texts: {
      title: { zh: '请按时到达并签到', en: 'Time to arrive and check in' },
      body: { zh: '{service} 订单于 {startTime} 开始，到达后请输入客户的 4 位服务码签到。', en: '{service} starts at {startTime}. On arrival, check in with the customer\'s 4-digit service code.' },
    },
  },
  dispute_opened: {
    audiences: ['admin'], category: 'order', safetyCritical: false, defaultChannels: ['in_app'], link: 'order',
    variables: { orderNo: T, party: PARTY(true), reason: T },
    texts: {
      title: { zh: '新的售后纠纷', en: 'New dispute' },
      body: { zh: '订单 {orderNo}：{party}发起售后/纠纷，原因：{reason}。请尽快介入处理。', en: 'Order {orderNo}: {party} opened a dispute: {reason}. Please handle it.' },
    },
  },
  arbitration_decided: {
    audiences: ['customer', 'worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { service: T },
    texts: {
      by: 'decision',
      cases: {
        completed: {
          title: { zh: '纠纷已处理', en: 'Dispute resolved' },
          body: { zh: '您的 {service} 订单纠纷已处理：服务按完成结算。', en: 'The dispute about your {service} order was resolved: the service is settled as completed.' },
        },
        refund_full: {
          variables: { amount: T },
          title: { zh: '纠纷已处理：全额退款', en: 'Dispute resolved: full refund' },
          body: { zh: '您的 {service} 订单纠纷已处理：全额退款 {amount}。', en: 'The dispute about your {service} order was resolved: a full refund of {amount}.' },
        },
        refund_partial: {
          variables: { amount: T },
          title: { zh: '纠纷已处理：部分退款', en: 'Dispute resolved: partial refund' },
          body: { zh: '您的 {service} 订单纠纷已处理：退款 {amount}，其余按服务结算。', en: 'The dispute about your {service} order was resolved: {amount} refunded, the rest settled for the service.' },
        },
      },
    },
  },
  chat_message: {
    audiences: ['customer', 'worker'], category: 'chat', safetyCritical: false, defaultChannels: ['in_app'], link: 'chat',
    variables: { sender: T, preview: T },
    texts: {
      title: { zh: '{sender} 发来新消息', en: 'New message from {sender}' },
      body: { zh: '{preview}', en: '{preview}' },
      // Never the content by SMS: it would bypass chat masking.
      sms: { zh: '{sender} 给您发来一条新消息，请打开到家查看。', en: '{sender} sent you a message. Open Daojia to read it.' },
    },
  },
  consult_message: {
    audiences: ['customer', 'worker'], category: 'chat', safetyCritical: false, defaultChannels: ['in_app'], link: 'consultation',
    variables: { sender: T, preview: T },
    texts: {
      title: { zh: '{sender} 发来咨询消息', en: 'New enquiry message from {sender}' },
      body: { zh: '{preview}', en: '{preview}' },
      // Never the content by SMS: it would bypass chat masking.
      sms: { zh: '{sender} 给您发来一条咨询消息，请打开到家查看。', en: '{sender} sent you an enquiry. Open Daojia to read it.' },
    },
  },
  request_invited: {
    audiences: ['worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app'], link: 'request',
    variables: { service: T, district: T, distance: T },
    texts: {
      title: { zh: '新需求邀您报价', en: 'A new request for your quote' },
      body: { zh: '{district}（约 {distance}）有客户发布了「{service}」需求，打开查看并报价。', en: 'A customer in {district} (about {distance} away) posted a "{service}" request: open it and quote.' },
    },
  },
  request_answered: {
    audiences: ['customer'], category: 'order', safetyCritical: false, defaultChannels: ['in_app'], link: 'request',
    variables: { requestNo: T, worker: T, total: T },
    texts: {
      title: { zh: '{worker} 报价 {total}', en: '{worker} quoted {total}' },
      body: { zh: '您的需求 {requestNo} 收到新报价，打开比较并选择师傅。', en: 'Your request {requestNo} has a new quote: open it to compare and choose.' },
    },
  },
  request_chosen: {
    audiences: ['worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { requestNo: T, total: T, start: T },
    texts: {
      title: { zh: '客户选择了您的报价', en: 'The customer chose your quote' },
      body: { zh: '需求 {requestNo} 已成单：{total}，{start} 上门；客户付款后订单生效。', en: 'Request {requestNo} became an order: {total}, visit at {start}; it is confirmed once the customer pays.' },
    },
  },
  request_closed: {
    audiences: ['worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app'], link: 'request',
    variables: { requestNo: T, outcome: { values: {
      chosen_other: { zh: '客户已选择其他师傅', en: 'the customer chose another worker' },
      cancelled: { zh: '客户已取消需求', en: 'the customer cancelled it' },
      expired: { zh: '需求已过期', en: 'it expired' },
    } } },
    texts: {
      title: { zh: '需求 {requestNo} 已结束', en: 'Request {requestNo} is closed' },
      body: { zh: '您报价的需求 {requestNo} 已结束：{outcome}。感谢报价。', en: 'The request {requestNo} you quoted on is closed: {outcome}. Thank you for quoting.' },
    },
  },
  request_expired: {
    audiences: ['customer'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'request',
    variables: { requestNo: T, reason: { values: {
      none_nearby: { zh: '附近暂无符合条件的师傅', en: 'no qualified worker covers your address yet' },
      all_busy: { zh: '附近的师傅在您选的时间都已有安排', en: 'the workers nearby are all busy at the times you chose' },
      no_answer: { zh: '受邀的师傅都未报价', en: 'none of the invited workers quoted' },
      not_chosen: { zh: '您未选择报价', en: 'no quote was chosen' },
    } } },
    texts: {
      title: { zh: '需求 {requestNo} 已过期', en: 'Request {requestNo} expired' },
      body: { zh: '您的需求 {requestNo} 已过期：{reason}。可以调整时间或描述后重新发布，或直接预约服务。', en: 'Your request {requestNo} expired: {reason}. Change the times or description and post it again, or book a service directly.' },
    },
  },
  complaint_received: {
    audiences: ['customer', 'worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app'], link: 'order',
    variables: { orderNo: T, category: COMPLAINT_CATEGORY, hours: T },
    texts: {
      title: { zh: '投诉已受理', en: 'Complaint received' },
      body: { zh: '您对订单 {orderNo} 的投诉（{category}）已提交，平台将在 {hours} 小时内回复。', en: 'Your complaint ({category}) about order {orderNo} was filed; the platform will reply within {hours} hours.' },
    },
  },
  complaint_against: {
    audiences: ['customer', 'worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app'], link: 'order',
    variables: { orderNo: T, category: COMPLAINT_CATEGORY },
    texts: {
      title: { zh: '订单收到投诉', en: 'A complaint about an order' },
      body: { zh: '平台正在处理一条关于订单 {orderNo} 的投诉（{category}），处理结果将通知您。', en: 'The platform is handling a complaint ({category}) about order {orderNo}; you will be told the outcome.' },
    },
  },
  complaint_reply: {
    audiences: ['customer', 'worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app'], link: 'order',
    variables: { orderNo: T, message: T },
    texts: {
      title: { zh: '平台回复了您的投诉', en: 'The platform replied to your complaint' },
      body: { zh: '关于订单 {orderNo} 的投诉：{message}', en: 'About your complaint on order {orderNo}: {message}' },
    },
  },
  complaint_outcome: {
    audiences: ['customer', 'worker'], category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { orderNo: T, category: COMPLAINT_CATEGORY, outcome: T },
    texts: {
      by: 'decision',
      cases: {
        resolved: {
          title: { zh: '投诉已处理', en: 'Complaint resolved' },
          body: { zh: '订单 {orderNo} 的投诉（{category}）已处理：{outcome}', en: 'The complaint ({category}) about order {orderNo} was resolved: {outcome}' },
        },
        rejected: {
          title: { zh: '投诉已驳回', en: 'Complaint rejected' },
          body: { zh: '订单 {orderNo} 的投诉（{category}）经核实已驳回：{outcome}', en: 'The complaint ({category}) about order {orderNo} was rejected after review: {outcome}' },
        },
      },
    },
  },
  complaint_new: {
    audiences: ['admin'], category: 'order', safetyCritical: false, defaultChannels: ['in_app'], link: 'order',
    variables: { orderNo: T, category: COMPLAINT_CATEGORY, party: PARTY(true) },
    texts: {
      title: { zh: '新的投诉', en: 'New complaint' },
      body: { zh: '订单 {orderNo}：{party}提交了投诉（{category}），请认领处理。', en: 'Order {orderNo}: {party} filed a complaint ({category}). Please take it.' },
    },
  },
  complaint_overdue: {
    audiences: ['admin'], category: 'order', safetyCritical: false, defaultChannels: ['in_app'], link: 'order',
    variables: { orderNo: T, category: COMPLAINT_CATEGORY, due: T },
    texts: {
      by: 'stage',
      cases: {
        response: {
          title: { zh: '投诉超时未响应', en: 'Complaint overdue: no first response' },
          body: { zh: '订单 {orderNo} 的投诉（{category}）已超过首次响应时限 {due}，请立即处理。', en: 'The complaint ({category}) about order {orderNo} passed its first-response deadline {due}. Please act now.' },
        },
        resolution: {
          title: { zh: '投诉超时未解决', en: 'Complaint overdue: not resolved' },
          body: { zh: '订单 {orderNo} 的投诉（{category}）已超过解决时限 {due}，请立即处理。', en: 'The complaint ({category}) about order {orderNo} passed its resolution deadline {due}. Please act now.' },
        },
      },
    },
  },
  support_reply: {
    audiences: ['customer', 'worker'], category: 'chat', safetyCritical: false, defaultChannels: ['in_app', 'email'], link: 'chat',
    variables: { topic: T },
    texts: {
      title: { zh: '客服已回复', en: 'Support replied' },
      body: { zh: '客服已回复您关于“{topic}”的咨询，请在消息中心查看。', en: 'Support replied to your request "{topic}". See it in your messages.' },
    },
  },
  claim_decided: {
    audiences: ['customer', 'worker'], category: 'money', safetyCritical: false, defaultChannels: ['in_app', 'sms'], link: 'order',
    variables: { service: T, claimNo: T },
    texts: {
      by: 'decision',
      cases: {
        paid: {
          variables: { amount: T },
          title: { zh: '理赔已赔付', en: 'Claim paid' },
          body: { zh: '{service} 订单的保险理赔 {claimNo} 已审核通过，赔付 {amount}。', en: 'Insurance claim {claimNo} on the {service} order was approved: {amount} paid.' },
        },
        rejected: {
          variables: { reason: T },
          title: { zh: '理赔未通过', en: 'Claim rejected' },
          body: { zh: '{service} 订单的保险理赔 {claimNo} 未通过：{reason}', en: 'Insurance claim {claimNo} on the {service} order was rejected: {reason}' },
        },
      },
    },
  },
} as const satisfies Record<string, NotificationTemplate>;

export type NotificationType = keyof typeof NOTIFICATION_TEMPLATES;
export const NOTIFICATION_TYPES = Object.keys(NOTIFICATION_TEMPLATES) as NotificationType[];

// ── Typed variables ────────────────────────────────────────────────────────────────────────

type ValueOf<S> = S extends { readonly values: infer V } ? Extract<keyof V, string> : string;
type VarsFrom<V> = { readonly [K in keyof V]: ValueOf<V[K]> };
type CaseVars<X> = X extends { readonly by: infer B extends string; readonly cases: infer C }
  ? { [K in Extract<keyof C, string>]: { readonly [P in B]: K } & VarsFrom<C[K] extends { readonly variables: infer W } ? W : object> }[Extract<keyof C, string>]
  : object;

/** The variables a type needs, e.g. `{ workerName: string }` for `order_accepted`; `decision` picks the case where there are cases. */
export type NotificationVars<T extends NotificationType> = VarsFrom<(typeof NOTIFICATION_TEMPLATES)[T]['variables']> & CaseVars<(typeof NOTIFICATION_TEMPLATES)[T]['texts']>;

// ── Rendering ──────────────────────────────────────────────────────────────────────────────

export type TemplateErrorCode = 'UNKNOWN_TYPE' | 'MISSING_VARIABLE' | 'UNKNOWN_VARIABLE' | 'INVALID_VARIABLE';

/** A programming error: the caller passed an unknown type or variables that do not fit the template. */
export class NotificationTemplateError extends Error {
  override readonly name = 'NotificationTemplateError';
  constructor(readonly code: TemplateErrorCode, readonly notificationType: string, readonly variables: readonly string[]) {
    super(`${code} for notification ${notificationType}: ${variables.join(', ')}`);
  }
}

export interface RenderedNotification {
  title: string;
  body: string;
  /** Signature + SMS text, e.g. 【到家】您发布的家政服务需求已被 王师傅 接单，请留意服务时间 */
  smsText: string;
  /** Billed SMS segments (70 UTF-16 units for one, 67 per segment beyond). */
  smsSegments: number;
}

/** Segments a UCS-2 SMS of this text takes: ≤ 70 UTF-16 code units → 1, else ⌈length / 67⌉. */
export function smsSegmentCount(text: string): number {
  return text.length <= SMS_SEGMENT_CHARS ? 1 : Math.ceil(text.length / SMS_MULTIPART_CHARS);
}

const isCaseTexts = (t: TemplateTexts | CaseTexts): t is CaseTexts => 'cases' in t;
const pick = (text: Text, lang: Lang) => (lang === 'en' ? text.en : text.zh);
const PLACEHOLDER = /\{(\w+)\}/g;

/** The template of a type; throws UNKNOWN_TYPE for anything else (payloads read back from jobs are untyped). */
export function notificationTemplate(type: string): NotificationTemplate {
  if (!Object.hasOwn(NOTIFICATION_TEMPLATES, type)) throw new NotificationTemplateError('UNKNOWN_TYPE', type, []);
  return NOTIFICATION_TEMPLATES[type as NotificationType];
}

/** The texts and the variable specs that apply to these variables (the case chosen by `texts.by`). */
function resolve(type: string, template: NotificationTemplate, vars: Readonly<Record<string, unknown>>) {
  if (!isCaseTexts(template.texts)) return { texts: template.texts, specs: template.variables, by: null };
  const { by, cases } = template.texts;
  const value = vars[by];
  if (value === undefined) throw new NotificationTemplateError('MISSING_VARIABLE', type, [by]);
  if (typeof value !== 'string' || !Object.hasOwn(cases, value)) throw new NotificationTemplateError('INVALID_VARIABLE', type, [by]);
  const chosen = cases[value];
  return { texts: chosen, specs: { ...template.variables, ...chosen.variables }, by };
}

/** Throws unless `vars` has exactly the names in `specs` (plus the case selector), each a non-blank string of an allowed value. */
function checkVariables(type: string, specs: Readonly<Record<string, VariableSpec>>, vars: Readonly<Record<string, unknown>>, by: string | null) {
  const unknown = Object.keys(vars).filter((k) => k !== by && !Object.hasOwn(specs, k));
  if (unknown.length) throw new NotificationTemplateError('UNKNOWN_VARIABLE', type, unknown);
  const missing = Object.keys(specs).filter((k) => vars[k] === undefined);
  if (missing.length) throw new NotificationTemplateError('MISSING_VARIABLE', type, missing);
  const invalid = Object.entries(specs).filter(([k, spec]) => {
    const v = vars[k];
    if (typeof v !== 'string' || v.trim() === '') return true;
    return spec !== 'text' && !Object.hasOwn(spec.values, v);
  });
  if (invalid.length) throw new NotificationTemplateError('INVALID_VARIABLE', type, invalid.map(([k]) => k));
}

/** Fills `{name}` placeholders in one pass: a value that itself contains `{x}` is left as typed. */
function fill(template: string, specs: Readonly<Record<string, VariableSpec>>, vars: Readonly<Record<string, unknown>>, lang: Lang): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const spec = specs[name];
    const value = vars[name] as string;
    return spec === 'text' ? value : pick(spec.values[value], lang);
  });
}

/**
 * Renders a notification in zh-CN or en. Throws {@link NotificationTemplateError} for an unknown
 * type, a missing or blank variable, a variable the template does not know, or a value outside a
 * fixed set (`lead: '45'`). Values are inserted as given: format times and money before calling.
 */
export function renderNotification<T extends NotificationType>(type: T, vars: NotificationVars<T>, lang: Lang): RenderedNotification {
  const template = notificationTemplate(type);
  const v = vars as Readonly<Record<string, unknown>>;
  const { texts, specs, by } = resolve(type, template, v);
  checkVariables(type, specs, v, by);
  const smsText = SMS_SIGNATURE + fill(pick(texts.sms ?? texts.body, lang), specs, v, lang);
  return {
    title: fill(pick(texts.title, lang), specs, v, lang),
    body: fill(pick(texts.body, lang), specs, v, lang),
    smsText,
    smsSegments: smsSegmentCount(smsText),
  };
}

// ── Catalogue checks ───────────────────────────────────────────────────────────────────────

const placeholders = (s: string) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1]);

function textProblems(label: string, texts: TemplateTexts, specs: Readonly<Record<string, VariableSpec>>): string[] {
  const problems: string[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const parts = [texts.title[lang], texts.body[lang], texts.sms?.[lang] ?? ''];
    if (!texts.title[lang].trim() || !texts.body[lang].trim()) problems.push(`${label}: empty ${lang} title or body`);
    for (const p of parts.flatMap(placeholders)) if (!Object.hasOwn(specs, p)) problems.push(`${label}: {${p}} is not declared (${lang})`);
    const shown = new Set([texts.title[lang], texts.body[lang]].flatMap(placeholders));
    for (const name of Object.keys(specs)) if (!shown.has(name)) problems.push(`${label}: ${name} is not shown in the ${lang} title or body`);
  }
  return problems;
}

/** Consistency problems of one template (empty = fine); the catalogue's test asserts there are none. */
export function templateProblems(type: string, t: NotificationTemplate): string[] {
  const problems: string[] = [];
  if (t.audiences.length === 0) problems.push(`${type}: no audience`);
  if (!t.defaultChannels.includes('in_app')) problems.push(`${type}: in_app must be a default channel`);
  if (new Set(t.defaultChannels).size !== t.defaultChannels.length) problems.push(`${type}: duplicate channel`);
  if (t.safetyCritical !== (t.category === 'safety')) problems.push(`${type}: safety-critical iff category safety`);
  for (const spec of Object.values(t.variables)) {
    if (spec !== 'text' && Object.keys(spec.values).length === 0) problems.push(`${type}: a value set is empty`);
  }
  if (!isCaseTexts(t.texts)) return [...problems, ...textProblems(type, t.texts, t.variables)];
  if (Object.hasOwn(t.variables, t.texts.by)) problems.push(`${type}: the case selector ${t.texts.by} is also a variable`);
  if (Object.keys(t.texts.cases).length < 2) problems.push(`${type}: cases need at least two values`);
  for (const [value, c] of Object.entries(t.texts.cases)) {
    problems.push(...textProblems(`${type}/${value}`, c, { ...t.variables, ...c.variables }));
  }
  return problems;
}
